#include "extract/html_metadata.hpp"

#include <array>
#include <cstring>
#include <vector>

#include "extract/article.hpp"
#include "extract/html_json_ld.hpp"
#include "extract/metadata_values.hpp"
#include "extract/text_cleanup.hpp"

namespace fundstelle::extract {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool has_word(std::string_view list, std::string_view word) {  // rel="author nofollow"
  size_t pos = 0;
  while (pos < list.size()) {
    while (pos < list.size() && list[pos] == ' ') ++pos;
    size_t end = list.find(' ', pos);
    if (end == std::string_view::npos) end = list.size();
    if (iequals(list.substr(pos, end - pos), word)) return true;
    pos = end;
  }
  return false;
}

bool is_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// The text of an element's subtree, up to about `max_bytes`.
std::string text_content(pugi::xml_node root, size_t max_bytes) {
  std::string out;
  pugi::xml_node node = root.first_child();
  while (node && node != root && out.size() < max_bytes) {
    if (node.type() == pugi::node_pcdata) out += node.value();
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != root && !node.next_sibling()) node = node.parent();
    if (node != root) node = node.next_sibling();
  }
  return out;
}

// Names in bylines: "By Jane Doe", "Von Max Muster".
std::string clean_author(std::string_view raw) {
  std::string author = clean_text(raw);
  for (std::string_view prefix : {"by ", "von "}) {
    if (author.size() > prefix.size() &&
        iequals(std::string_view(author).substr(0, prefix.size()), prefix)) {
      author.erase(0, prefix.size());
    }
  }
  if (is_url(author) || author.size() > 200) return {};
  return author;
}

// Candidate values per field, in the order of preference stated in the header.
struct Candidates {
  std::string meta_author, article_author, rel_author, itemprop_author;
  std::string article_published, meta_date, itemprop_published;
  std::string article_modified, meta_modified, itemprop_modified;
  std::string canonical, og_url;
  std::string html_lang, og_locale, content_language;
  std::string description, og_description;
  std::string og_site_name;
  std::string article_tags, keywords;
  std::string og_title, twitter_title, document_title;
  std::vector<std::string> json_ld;
};

void set_once(std::string& field, std::string_view value) {
  if (field.empty()) field = value;
}

void on_meta(pugi::xml_node meta, Candidates& c) {
  std::string_view key;
  for (const char* attribute : {"property", "name", "itemprop", "http-equiv"}) {
    key = meta.attribute(attribute).value();
    if (!key.empty()) break;
  }
  const std::string_view content = meta.attribute("content").value();
  if (key.empty() || content.empty()) return;
  const std::string k = lowercase(key);
  if (k == "author" || k == "dc.creator" || k == "sailthru.author" || k == "parsely-author") {
    set_once(c.meta_author, content);
  } else if (k == "article:author") {
    if (!is_url(content)) set_once(c.article_author, content);
  } else if (k == "og:title") {
    set_once(c.og_title, content);
  } else if (k == "twitter:title") {
    set_once(c.twitter_title, content);
  } else if (k == "og:site_name") {
    set_once(c.og_site_name, content);
  } else if (k == "og:url") {
    set_once(c.og_url, content);
  } else if (k == "og:locale") {
    set_once(c.og_locale, content);
  } else if (k == "content-language" || k == "language" || k == "dc.language") {
    set_once(c.content_language, content);
  } else if (k == "description" || k == "dc.description") {
    set_once(c.description, content);
  } else if (k == "og:description" || k == "twitter:description") {
    set_once(c.og_description, content);
  } else if (k == "article:published_time" || k == "article:published" ||
             k == "og:published_time" || k == "og:article:published_time") {
    set_once(c.article_published, content);
  } else if (k == "date" || k == "dc.date" || k == "dc.date.issued" || k == "dcterms.date" ||
             k == "dcterms.created" || k == "dcterms.issued" || k == "pubdate" ||
             k == "publishdate" || k == "publish-date" || k == "publication_date" ||
             k == "sailthru.date" || k == "parsely-pub-date" || k == "date.published") {
    set_once(c.meta_date, content);
  } else if (k == "datepublished") {
    set_once(c.itemprop_published, content);
  } else if (k == "article:modified_time" || k == "og:updated_time" ||
             k == "og:article:modified_time") {
    set_once(c.article_modified, content);
  } else if (k == "dc.date.modified" || k == "dcterms.modified" || k == "last-modified") {
    set_once(c.meta_modified, content);
  } else if (k == "datemodified") {
    set_once(c.itemprop_modified, content);
  } else if (k == "article:tag") {
    if (!c.article_tags.empty()) c.article_tags += ',';
    c.article_tags += content;
  } else if (k == "keywords" || k == "news_keywords") {
    set_once(c.keywords, content);
  }
}

// itemprop on ordinary elements (microdata): author, datePublished, dateModified.
void on_itemprop(pugi::xml_node element, std::string_view itemprop, Candidates& c) {
  auto value_of = [&](size_t max_bytes) -> std::string {
    for (const char* attribute : {"content", "datetime"}) {
      const std::string_view v = element.attribute(attribute).value();
      if (!v.empty()) return std::string(v);
    }
    return text_content(element, max_bytes);
  };
  if (has_word(itemprop, "author") && c.itemprop_author.empty()) {
    // <span itemprop="author" itemscope><span itemprop="name">...</span></span>
    const pugi::xml_node name = element.find_node(
        [](pugi::xml_node n) { return has_word(n.attribute("itemprop").value(), "name"); });
    if (name) {
      const std::string_view content = name.attribute("content").value();
      c.itemprop_author =
          clean_author(content.empty() ? text_content(name, 200) : std::string(content));
    } else {
      c.itemprop_author = clean_author(value_of(200));
    }
  } else if (has_word(itemprop, "datePublished")) {
    set_once(c.itemprop_published, value_of(100));
  } else if (has_word(itemprop, "dateModified")) {
    set_once(c.itemprop_modified, value_of(100));
  }
}

void on_element(pugi::xml_node element, Candidates& c) {
  const char* name = element.name();
  if (std::strcmp(name, "meta") == 0) {
    on_meta(element, c);
  } else if (std::strcmp(name, "title") == 0) {
    if (c.document_title.empty()) c.document_title = text_content(element, 2000);
  } else if (std::strcmp(name, "link") == 0) {
    if (has_word(element.attribute("rel").value(), "canonical")) {
      set_once(c.canonical, element.attribute("href").value());
    }
  } else if (std::strcmp(name, "html") == 0) {
    set_once(c.html_lang, element.attribute("lang").value());
    set_once(c.html_lang, element.attribute("xml:lang").value());
  } else if (std::strcmp(name, "script") == 0) {
    if (iequals(element.attribute("type").value(), "application/ld+json")) {
      c.json_ld.push_back(text_content(element, std::string::npos));
    }
  } else if (std::strcmp(name, "a") == 0) {
    if (c.rel_author.empty() && has_word(element.attribute("rel").value(), "author")) {
      c.rel_author = clean_author(text_content(element, 200));
    }
  }
  const std::string_view itemprop = element.attribute("itemprop").value();
  if (!itemprop.empty() && std::strcmp(name, "meta") != 0) on_itemprop(element, itemprop, c);
}

Candidates collect(const pugi::xml_document& doc) {
  Candidates c;
  pugi::xml_node node = doc.first_child();
  while (node) {
    bool descend = true;
    if (node.type() == pugi::node_element) {
      on_element(node, c);
      // Nothing of interest inside these; <title> inside SVG is no page title.
      const char* name = node.name();
      descend = std::strcmp(name, "svg") != 0 && std::strcmp(name, "script") != 0 &&
                std::strcmp(name, "style") != 0 && std::strcmp(name, "math") != 0;
    }
    if (descend && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && !node.next_sibling()) node = node.parent();
    if (node) node = node.next_sibling();
  }
  return c;
}

std::string first_date(std::initializer_list<const std::string*> candidates) {
  for (const std::string* candidate : candidates) {
    std::string date = normalize_iso_date(*candidate);
    if (!date.empty()) return date;
  }
  return {};
}

std::string first_nonempty(std::initializer_list<std::string> values) {
  for (const std::string& value : values) {
    if (!value.empty()) return value;
  }
  return {};
}

}  // namespace

HtmlMetadata extract_html_metadata(const pugi::xml_document& doc) {
  Candidates c = collect(doc);
  std::vector<std::string_view> scripts(c.json_ld.begin(), c.json_ld.end());
  JsonLdArticle ld = parse_json_ld(scripts);

  HtmlMetadata result;
  auto& fields = result.fields;
  auto put = [&](const char* key, std::string value) {
    if (!value.empty()) fields[key] = std::move(value);
  };
  put(meta::kAuthor, first_nonempty({clean_author(c.meta_author), clean_author(c.article_author),
                                     clean_author(ld.author), c.rel_author, c.itemprop_author}));
  put(meta::kPublished,
      first_date({&c.article_published, &c.meta_date, &ld.date_published, &c.itemprop_published}));
  put(meta::kModified,
      first_date({&c.article_modified, &c.meta_modified, &ld.date_modified, &c.itemprop_modified}));
  put(meta::kUrl, clean_text(first_nonempty({c.canonical, c.og_url, ld.url})));
  for (const std::string* language : std::initializer_list<const std::string*>{
           &c.html_lang, &c.og_locale, &c.content_language, &ld.language}) {
    std::string code = normalize_language_tag(*language);
    if (!code.empty()) {
      put(meta::kLanguage, std::move(code));
      break;
    }
  }
  put(meta::kDescription,
      clean_text(first_nonempty({c.description, c.og_description, ld.description})));
  put(meta::kSiteName, clean_text(first_nonempty({c.og_site_name, ld.publisher})));
  put(meta::kTags, normalize_keyword_list(
                       clean_text(first_nonempty({c.article_tags, c.keywords, ld.keywords}))));

  result.og_title = clean_text(first_nonempty({c.og_title, c.twitter_title}));
  result.document_title = clean_text(c.document_title);
  result.headline = clean_text(ld.headline);
  result.article_body = std::move(ld.article_body);
  return result;
}

std::string strip_site_name(std::string_view title, std::string_view site_name) {
  static constexpr std::array<std::string_view, 8> kSeparators = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ", " \xC2\xBB ", " // "};
  struct Split {
    size_t at = std::string_view::npos;
    size_t length = 0;
  };
  Split first, last;
  for (std::string_view separator : kSeparators) {
    const size_t f = title.find(separator);
    if (f == std::string_view::npos) continue;
    if (first.at == std::string_view::npos || f < first.at) first = {f, separator.size()};
    const size_t l = title.rfind(separator);
    if (last.at == std::string_view::npos || l > last.at) last = {l, separator.size()};
  }
  if (first.at == std::string_view::npos) return std::string(title);
  const std::string_view suffix = title.substr(last.at + last.length);
  const std::string_view before_suffix = title.substr(0, last.at);
  const std::string_view prefix = title.substr(0, first.at);
  const std::string_view after_prefix = title.substr(first.at + first.length);

  if (!site_name.empty()) {
    const std::string site = lowercase(site_name);
    auto matches = [&](std::string_view side) {
      const std::string s = lowercase(side);
      return s == site || s.find(site) != std::string::npos ||
             (s.size() >= 4 && site.find(s) != std::string::npos);
    };
    if (matches(suffix)) return std::string(before_suffix);
    if (matches(prefix)) return std::string(after_prefix);
    return std::string(title);  // "Merz - Die Union hat ein Problem" has no site name to strip
  }
  // No known site name: the shorter side is the site name.
  if (suffix.size() <= prefix.size()) {
    if (suffix.size() < before_suffix.size()) return std::string(before_suffix);
  } else if (prefix.size() < after_prefix.size()) {
    return std::string(after_prefix);
  }
  return std::string(title);
}

}  // namespace fundstelle::extract
