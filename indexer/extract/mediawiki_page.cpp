#include "extract/mediawiki_page.hpp"

#include <array>
#include <charconv>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "extract/metadata_values.hpp"
#include "extract/text_cleanup.hpp"
#include "extract/wikitext.hpp"

namespace fundstelle::extract {
namespace {

constexpr size_t npos = std::string_view::npos;

std::string_view trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::optional<int> parse_int(std::string_view text) {
  text = trim(text);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

constexpr auto kProjects =
    std::to_array<std::string_view>({"wiki", "wiktionary", "wikibooks", "wikinews", "wikiquote",
                                     "wikisource", "wikiversity", "wikivoyage"});

// "dewiki" -> "de", "zh_yuewiki" -> "zh"; "" for commonswiki, wikidatawiki, ...
std::string language_from_dbname(std::string_view dbname) {
  for (std::string_view project : kProjects) {
    if (dbname.size() > project.size() && dbname.ends_with(project)) {
      const std::string_view code = dbname.substr(0, dbname.size() - project.size());
      if (code.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != npos) return {};
      return normalize_language_tag(code);
    }
  }
  return {};
}

// "https://de.wikipedia.org/wiki/..." -> "de"; only for Wikimedia hosts, where the first label is
// the language.
std::string language_from_base(std::string_view base) {
  const size_t scheme = base.find("://");
  if (scheme == npos) return {};
  std::string_view host = base.substr(scheme + 3);
  host = host.substr(0, host.find('/'));
  const size_t dot = host.find('.');
  if (dot == npos) return {};
  const std::string_view rest = host.substr(dot + 1);
  for (std::string_view project : kProjects) {
    if (project != "wiki" && rest.starts_with(project) && rest.size() > project.size() &&
        rest[project.size()] == '.') {
      return normalize_language_tag(host.substr(0, dot));
    }
  }
  return rest.starts_with("wikipedia.") ? normalize_language_tag(host.substr(0, dot)) : "";
}

// The URL prefix page titles are appended to, from <base> (the main page's URL).
std::string base_url_from(std::string_view base) {
  base = trim(base);
  if (base.empty()) return {};
  if (const size_t wiki = base.find("/wiki/"); wiki != npos) {
    return std::string(base.substr(0, wiki + 6));
  }
  if (const size_t title = base.find("title="); title != npos) {
    return std::string(base.substr(0, title + 6));
  }
  const size_t slash = base.rfind('/');
  return slash == npos ? std::string() : std::string(base.substr(0, slash + 1));
}

pugi::xml_node find_descendant(pugi::xml_node root, const char* name) {
  if (std::string_view(root.name()) == name) return root;
  return root.find_node([&](pugi::xml_node node) { return std::string_view(node.name()) == name; });
}

// The page's namespace: <ns>, or for old dumps without it, the title prefix.
int page_namespace(pugi::xml_node page, std::string_view title, const SiteInfo& site) {
  if (pugi::xml_node ns = page.child("ns")) {
    if (const std::optional<int> value = parse_int(ns.child_value())) return *value;
  }
  const size_t colon = title.find(':');
  if (colon == npos) return 0;
  const std::string_view prefix = title.substr(0, colon);
  for (const auto& [key, name] : site.namespaces) {
    if (key != 0 && !name.empty() && iequals(name, prefix)) return key;
  }
  return 0;
}

std::string join_tags(const std::vector<std::string>& categories) {
  std::string out;
  for (const std::string& category : categories) {
    if (!out.empty()) out += ", ";
    out += category;
  }
  return out;
}

}  // namespace

SiteInfo parse_siteinfo(std::string_view siteinfo_xml) {
  SiteInfo site;
  pugi::xml_document doc;
  if (!doc.load_buffer(siteinfo_xml.data(), siteinfo_xml.size(), pugi::parse_default,
                       pugi::encoding_utf8)) {
    return site;
  }
  const pugi::xml_node info = find_descendant(doc.document_element(), "siteinfo");
  if (!info) return site;
  site.site_name = trim(info.child_value("sitename"));
  const std::string_view base = info.child_value("base");
  site.base_url = base_url_from(base);
  site.language = language_from_dbname(trim(info.child_value("dbname")));
  if (site.language.empty()) site.language = language_from_base(trim(base));
  for (pugi::xml_node ns : info.child("namespaces").children("namespace")) {
    if (const std::optional<int> key = parse_int(ns.attribute("key").value())) {
      site.namespaces[*key] = trim(ns.child_value());
    }
  }
  return site;
}

std::string mediawiki_page_url(std::string_view base_url, std::string_view title) {
  // MediaWiki's wfUrlencode: RFC 3986 unreserved characters and ";:@$!*(),/~" stay as they are.
  constexpr std::string_view kKeep = "-_.~;:@$!*(),/";
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string url(base_url);
  for (char c : trim(title)) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == ' ') {
      url += '_';
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               kKeep.find(c) != npos) {
      url += c;
    } else {
      url += '%';
      url += kHex[byte >> 4];
      url += kHex[byte & 0xF];
    }
  }
  return url;
}

Result<Article> extract_mediawiki_page(std::string_view page_xml, const SiteInfo& site,
                                       const PageFilter& filter) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(page_xml.data(), page_xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return Error{"XML parse error at offset " + std::to_string(parsed.offset) + ": " +
                 parsed.description()};
  }
  const pugi::xml_node page = doc.child("page");
  if (!page) return Error{"no <page> element"};

  const std::string_view raw_title = trim(page.child_value("title"));
  // The last revision is the current one (full-history dumps list them oldest first).
  pugi::xml_node revision;
  for (pugi::xml_node r : page.children("revision")) revision = r;
  const std::string_view wikitext = revision.child("text").text().get();

  if (filter.skip_redirects && (page.child("redirect") || is_wikitext_redirect(wikitext))) {
    return Error{"redirect"};
  }
  const int ns = page_namespace(page, raw_title, site);
  if (!filter.namespaces.empty() && !filter.namespaces.contains(ns)) {
    return Error{"namespace " + std::to_string(ns)};
  }

  Article article;
  article.id = trim(page.child_value("id"));
  article.title = clean_text(raw_title);
  const std::string timestamp = normalize_iso_date(revision.child_value("timestamp"));
  if (!timestamp.empty()) {
    article.metadata[meta::kPublished] = timestamp;
    article.metadata[meta::kModified] = timestamp;
  }
  if (!site.base_url.empty() && !raw_title.empty()) {
    article.metadata[meta::kUrl] = mediawiki_page_url(site.base_url, raw_title);
  }
  if (!site.site_name.empty()) article.metadata[meta::kSiteName] = clean_text(site.site_name);
  if (!site.language.empty()) article.metadata[meta::kLanguage] = site.language;

  WikitextContent content = parse_wikitext(wikitext);
  if (!content.categories.empty()) article.metadata[meta::kTags] = join_tags(content.categories);
  article.blocks = std::move(content.blocks);
  separate_title(article);
  if (article.blocks.empty()) return Error{"no article text found"};
  return article;
}

}  // namespace fundstelle::extract
