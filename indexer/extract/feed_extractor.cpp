#include "extract/feed_extractor.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <utility>

#include "extract/charset.hpp"
#include "extract/html_charset.hpp"
#include "extract/html_dom.hpp"
#include "extract/html_extractor.hpp"
#include "extract/metadata_values.hpp"
#include "extract/text_cleanup.hpp"

namespace fundstelle::extract {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr size_t kNpos = std::string_view::npos;
// is_feed looks this far for the root element; an RSS 1.0 root shows its namespace or <channel>
// within kRdfWindowBytes of its start.
constexpr size_t kSniffBytes = 16384;
constexpr size_t kRdfWindowBytes = 4096;
// Whitespace-only text between inline elements of XHTML content separates words.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool equals_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

bool starts_with_http(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://");
}

// --- Recognising the feed ------------------------------------------------------------------------

enum class FeedKind { kRss, kAtom };  // RSS 0.9x, 1.0 and 2.0 share their item vocabulary

struct FeedRoot {
  FeedKind kind = FeedKind::kRss;
  std::string prefix;  // the prefix of the feed's own elements with its colon ("atom:"), usually ""
};

// Offset of the root element's '<' after XML declaration, processing instructions, comments and
// doctype; kNpos if there is none.
size_t root_element_start(std::string_view s) {
  size_t pos = 0;
  while (true) {
    while (pos < s.size() && is_space(s[pos])) ++pos;
    if (pos >= s.size() || s[pos] != '<') return kNpos;
    const std::string_view rest = s.substr(pos);
    size_t end = kNpos;
    if (rest.starts_with("<?")) {
      end = s.find("?>", pos);
      if (end != kNpos) end += 2;
    } else if (rest.starts_with("<!--")) {
      end = s.find("-->", pos);
      if (end != kNpos) end += 3;
    } else if (rest.starts_with("<!")) {  // doctype, maybe with an internal subset [...]
      end = s.find_first_of("[>", pos);
      if (end != kNpos && s[end] == '[') {
        end = s.find(']', end);
        if (end != kNpos) end = s.find('>', end);
      }
      if (end != kNpos) ++end;
    } else {
      return pos;
    }
    if (end == kNpos) return kNpos;
    pos = end;
  }
}

std::optional<FeedRoot> sniff_feed_root(std::string_view s) {
  if (s.starts_with(kUtf8Bom)) s.remove_prefix(kUtf8Bom.size());
  const size_t start = root_element_start(s);
  if (start == kNpos) return std::nullopt;
  size_t end = start + 1;
  while (end < s.size() && !is_space(s[end]) && s[end] != '>' && s[end] != '/') ++end;
  if (end >= s.size()) return std::nullopt;
  const std::string_view name = s.substr(start + 1, end - start - 1);
  const size_t colon = name.rfind(':');
  const std::string_view local = colon == kNpos ? name : name.substr(colon + 1);
  if (name == "rss") return FeedRoot{FeedKind::kRss, ""};
  if (local == "feed") {
    return FeedRoot{FeedKind::kAtom, std::string(name.substr(0, colon == kNpos ? 0 : colon + 1))};
  }
  // rdf:RDF is also the root of RDF/XML that is no feed.
  const std::string_view window = s.substr(start, kRdfWindowBytes);
  if (local == "RDF" &&
      (window.find("purl.org/rss/1.0") != kNpos ||
       window.find("netscape.com/rdf/simple") != kNpos || window.find("<channel") != kNpos)) {
    return FeedRoot{FeedKind::kRss, ""};
  }
  return std::nullopt;
}

// --- Element names -------------------------------------------------------------------------------

std::string_view local_name(std::string_view qualified) {
  const size_t colon = qualified.rfind(':');
  return colon == kNpos ? qualified : qualified.substr(colon + 1);
}

// The feed's own elements carry the root's prefix (none, nearly always); extension modules
// (content:, dc:, atom: inside RSS) carry another. Prefixes are not resolved to namespaces: an
// item recovered on its own has no declarations in scope, and feeds use the usual prefixes.
bool is_own(pugi::xml_node node, std::string_view local, const FeedRoot& root) {
  const std::string_view name = node.name();
  return node.type() == pugi::node_element && name.size() == root.prefix.size() + local.size() &&
         name.starts_with(root.prefix) &&
         equals_ignore_case(name.substr(root.prefix.size()), local);
}

bool is_extension(pugi::xml_node node, std::string_view local, const FeedRoot& root) {
  const std::string_view name = node.name();
  const size_t colon = name.rfind(':');
  return node.type() == pugi::node_element && colon != kNpos &&
         name.substr(0, colon + 1) != root.prefix &&
         equals_ignore_case(name.substr(colon + 1), local);
}

pugi::xml_node own_child(pugi::xml_node parent, std::string_view local, const FeedRoot& root) {
  for (pugi::xml_node child : parent.children()) {
    if (is_own(child, local, root)) return child;
  }
  return {};
}

pugi::xml_node extension_child(pugi::xml_node parent, std::string_view local,
                               const FeedRoot& root) {
  for (pugi::xml_node child : parent.children()) {
    if (is_extension(child, local, root)) return child;
  }
  return {};
}

// Visits the nodes below `root` in document order without recursion (XHTML content can nest
// deeply). `visit(node)` returns whether to descend.
template <typename Visit>
void walk(pugi::xml_node root, Visit&& visit) {
  pugi::xml_node node = root.first_child();
  while (node) {
    if (visit(node) && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != root && !node.next_sibling()) node = node.parent();
    if (node == root) return;
    node = node.next_sibling();
  }
}

// All character data (text and CDATA) below `node`, as written.
std::string node_text(pugi::xml_node node) {
  std::string out;
  walk(node, [&](pugi::xml_node n) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out += n.value();
    return n.type() == pugi::node_element;
  });
  return out;
}

// --- Text and HTML conversions -------------------------------------------------------------------

constexpr auto kInlineHtml = std::to_array<std::string_view>(
    {"a",    "abbr",   "b",   "bdi", "bdo",  "cite", "code", "data", "dfn",
     "em",   "font",   "i",   "kbd", "mark", "q",    "s",    "samp", "small",
     "span", "strong", "sub", "sup", "time", "u",    "var",  "wbr"});
constexpr auto kVoidHtml =
    std::to_array<std::string_view>({"area", "base", "br", "col", "embed", "hr", "img", "input",
                                     "link", "meta", "param", "source", "track", "wbr"});

template <size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The text of an HTML fragment (a title, a summary): entities decoded, tags dropped, blocks
// separated by a space.
std::string html_text(std::string_view html) {
  const pugi::xml_document doc = parse_html_dom(html);
  std::string out;
  walk(doc, [&](pugi::xml_node n) {
    if (n.type() == pugi::node_pcdata) out += n.value();
    if (n.type() != pugi::node_element) return false;
    if (!is_one_of(n.name(), kInlineHtml)) out += ' ';
    return true;
  });
  return clean_text(out);
}

bool has_markup(std::string_view s) {
  for (size_t pos = s.find('<'); pos != kNpos && pos + 1 < s.size(); pos = s.find('<', pos + 1)) {
    const char next = s[pos + 1];
    if (is_alpha(next) || next == '/' || next == '!') return true;
  }
  return false;
}

// '<' and '>' only: an '&' in text is either itself or an entity the XML parser left alone
// (&nbsp; without a DTD), which the HTML parser then decodes.
std::string escape_angles(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_attribute(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '<') {
      out += "&lt;";
    } else {
      out += c;
    }
  }
  return out;
}

// Plain text that may hold such leftover entities.
std::string plain_text(std::string_view text) {
  return text.find('&') == kNpos ? clean_text(text) : html_text(escape_angles(text));
}

// RSS titles and descriptions are HTML in practice ("AT&amp;amp;T", "&lt;b&gt;").
std::string rss_text(std::string_view text) {
  return text.find_first_of("&<") == kNpos ? clean_text(text) : html_text(text);
}

// Plain text as HTML paragraphs, split at blank lines.
std::string text_to_html(std::string_view text) {
  std::string html;
  std::string paragraph;
  const auto flush = [&] {
    if (!clean_text(paragraph).empty()) html += "<p>" + escape_angles(paragraph) + "</p>\n";
    paragraph.clear();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == kNpos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (clean_text(line).empty()) {
      flush();
    } else {
      paragraph.append(line);
      paragraph += '\n';
    }
    pos = end + 1;
  }
  flush();
  return html;
}

// An RSS body: HTML, or text without any markup.
std::string rss_html(std::string_view body) {
  return has_markup(body) ? std::string(body) : text_to_html(body);
}

// Printing escapes the '&' of the entity references that the XML parser kept as text; the HTML
// parser should see them as references again. XML's own five were decoded, so "&amp;lt;" came
// from a literal "&lt;" and stays.
std::string restore_entity_references(std::string_view printed) {
  std::string out;
  out.reserve(printed.size());
  size_t pos = 0;
  for (size_t amp = printed.find("&amp;"); amp != kNpos; amp = printed.find("&amp;", pos)) {
    out.append(printed.substr(pos, amp - pos));
    pos = amp + 5;
    size_t end = pos;
    while (end < printed.size() && end - pos < 32 && is_alnum(printed[end])) ++end;
    const std::string_view name = printed.substr(pos, end - pos);
    const bool reference = !name.empty() && is_alpha(name[0]) && end < printed.size() &&
                           printed[end] == ';' && name != "amp" && name != "lt" && name != "gt" &&
                           name != "quot" && name != "apos";
    out += reference ? "&" : "&amp;";
  }
  out.append(printed.substr(pos));
  return out;
}

// Atom XHTML content as HTML: prefixes dropped ("xhtml:p" -> "p") and empty non-void elements
// written with an end tag, since "<a/>" would open an element in HTML.
std::string xhtml_to_html(pugi::xml_node content) {
  walk(content, [](pugi::xml_node n) {
    if (n.type() != pugi::node_element) return false;
    const std::string local(local_name(n.name()));
    if (local.size() != std::string_view(n.name()).size()) n.set_name(local.c_str());
    if (!n.first_child() && !is_one_of(local, kVoidHtml)) n.append_child(pugi::node_pcdata);
    return true;
  });
  std::ostringstream out;
  for (pugi::xml_node child : content.children()) child.print(out, "", pugi::format_raw);
  return restore_entity_references(out.str());
}

// Atom text constructs and content: type "text" (default), "html", "xhtml", or a MIME type.
enum class AtomType { kText, kHtml, kXhtml, kOther };

AtomType atom_type(pugi::xml_node node) {
  std::string type = node.attribute("type").value();
  std::transform(type.begin(), type.end(), type.begin(), lower);
  if (type.empty() || type == "text" || type == "text/plain") return AtomType::kText;
  if (type == "html" || type == "text/html") return AtomType::kHtml;
  if (type == "xhtml" || type.ends_with("+xml") || type.ends_with("/xml")) return AtomType::kXhtml;
  return type.starts_with("text/") ? AtomType::kText : AtomType::kOther;
}

std::string atom_html(pugi::xml_node node) {
  if (!node || node.attribute("src")) return {};  // out-of-line content
  switch (atom_type(node)) {
    case AtomType::kText:
      return text_to_html(node_text(node));
    case AtomType::kHtml:
      return rss_html(node_text(node));
    case AtomType::kXhtml:
      return xhtml_to_html(node);
    case AtomType::kOther:
      return {};
  }
  return {};
}

std::string atom_text(pugi::xml_node node) {
  if (!node) return {};
  switch (atom_type(node)) {
    case AtomType::kText:
      return plain_text(node_text(node));
    case AtomType::kHtml:
      return html_text(node_text(node));
    case AtomType::kXhtml:
      return html_text(xhtml_to_html(node));
    case AtomType::kOther:
      return {};
  }
  return {};
}

// --- Reading items -------------------------------------------------------------------------------

// What items inherit from their channel or feed.
struct Channel {
  std::string site_name;
  std::string language;
  std::string authors;  // Atom: the feed's authors, for entries without their own
};

void set_meta(Article& article, const char* key, std::string value) {
  if (!value.empty()) article.metadata[key] = std::move(value);
}

// The RSS 2.0 author is a mail address, often with the name: "jane@example.com (Jane Doe)".
std::string rss_author_name(std::string value) {
  const size_t open = value.find('(');
  const size_t close = value.rfind(')');
  if (value.find('@') != kNpos && open != kNpos && close != kNpos && open < close) {
    std::string name = clean_text(std::string_view(value).substr(open + 1, close - open - 1));
    if (!name.empty()) return name;
  }
  return value;
}

std::string atom_authors(pugi::xml_node parent, const FeedRoot& root) {
  std::vector<std::string> authors;
  for (pugi::xml_node child : parent.children()) {
    if (is_own(child, "author", root)) {
      append_distinct(authors, plain_text(node_text(own_child(child, "name", root))));
    }
  }
  return join_values(authors);
}

std::string atom_link(pugi::xml_node entry, const FeedRoot& root) {
  std::string first;
  for (pugi::xml_node child : entry.children()) {
    if (!is_own(child, "link", root)) continue;
    std::string href = clean_text(child.attribute("href").value());
    if (href.empty()) continue;
    const std::string_view rel = child.attribute("rel").value();
    if (rel.empty() || rel == "alternate") return href;
    if (first.empty()) first = std::move(href);
  }
  return first;
}

Channel read_channel(pugi::xml_node root_element, const FeedRoot& root) {
  Channel channel;
  const std::string_view root_language = root_element.attribute("xml:lang").value();
  if (root.kind == FeedKind::kAtom) {
    channel.site_name = atom_text(own_child(root_element, "title", root));
    channel.language = normalize_language_tag(root_language);
    channel.authors = atom_authors(root_element, root);
    return channel;
  }
  pugi::xml_node node = own_child(root_element, "channel", root);
  if (!node) node = root_element;
  channel.site_name = rss_text(node_text(own_child(node, "title", root)));
  std::string language = node_text(own_child(node, "language", root));
  if (clean_text(language).empty()) language = node_text(extension_child(node, "language", root));
  if (clean_text(language).empty()) language = root_language;
  channel.language = normalize_language_tag(language);
  return channel;
}

// Turns the first candidate body (HTML fragments, in order of preference) with text into blocks;
// returns its index, or -1 if none has text.
int read_body(Article& article, const std::vector<std::string>& candidates) {
  for (size_t i = 0; i < candidates.size(); ++i) {
    const std::string& fragment = candidates[i];
    if (fragment.find_first_not_of(" \t\r\n") == kNpos) continue;
    // A minimal page, so that the fragment is the page's article and its title the item's.
    std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">";
    if (!article.title.empty()) {
      page += "<meta property=\"og:title\" content=\"" + escape_attribute(article.title) + "\">";
    }
    page += "</head><body><article>" + fragment + "</article></body></html>";
    Result<Article> extracted = extract_html(page);
    if (!extracted.ok() || extracted.value().blocks.empty()) continue;
    if (article.title.empty()) article.title = extracted.value().title;
    article.blocks = std::move(extracted.value().blocks);
    return static_cast<int>(i);
  }
  return -1;
}

// The item with its id and metadata; no blocks if it has no body text.
Article read_rss_item(pugi::xml_node item, const FeedRoot& root, const Channel& channel) {
  const auto own = [&](std::string_view local) { return own_child(item, local, root); };
  const auto extension = [&](std::string_view local) { return extension_child(item, local, root); };
  Article article;

  const pugi::xml_node guid_node = own("guid");
  const std::string guid = clean_text(node_text(guid_node));
  const std::string about = clean_text(item.attribute("rdf:about").value());  // RSS 1.0
  std::string link = clean_text(node_text(own("link")));
  if (link.empty() && starts_with_http(guid) &&
      std::string_view(guid_node.attribute("isPermaLink").value()) != "false") {
    link = guid;
  }
  if (link.empty() && starts_with_http(about)) link = about;
  article.id = !guid.empty() ? guid : !about.empty() ? about : link;

  article.title = rss_text(node_text(own("title")));
  if (article.title.empty()) article.title = rss_text(node_text(extension("title")));
  set_meta(article, meta::kUrl, link);

  std::string published = node_text(own("pubDate"));
  if (clean_text(published).empty()) published = node_text(extension("date"));
  set_meta(article, meta::kPublished, normalize_iso_date(published));
  std::string modified = node_text(extension("updated"));
  if (clean_text(modified).empty()) modified = node_text(extension("modified"));
  set_meta(article, meta::kModified, normalize_iso_date(modified));

  std::vector<std::string> authors;
  std::string tags;
  for (pugi::xml_node child : item.children()) {
    if (is_extension(child, "creator", root))
      append_distinct(authors, plain_text(node_text(child)));
    if (is_own(child, "category", root) || is_extension(child, "subject", root)) {
      tags += plain_text(node_text(child)) + ",";
    }
  }
  if (authors.empty()) {
    for (pugi::xml_node child : item.children()) {
      if (is_own(child, "author", root)) {
        append_distinct(authors, rss_author_name(plain_text(node_text(child))));
      }
    }
  }
  set_meta(article, meta::kAuthor, join_values(authors));
  set_meta(article, meta::kTags, normalize_keyword_list(tags));

  const std::string language = normalize_language_tag(node_text(extension("language")));
  set_meta(article, meta::kLanguage, language.empty() ? channel.language : language);
  set_meta(article, meta::kSiteName, channel.site_name);

  const std::string description = node_text(own("description"));
  const int body =
      read_body(article, {rss_html(node_text(extension("encoded"))), rss_html(description)});
  if (body == 0) set_meta(article, meta::kDescription, rss_text(description));
  separate_title(article);
  return article;
}

Article read_atom_entry(pugi::xml_node entry, const FeedRoot& root, const Channel& channel) {
  const auto own = [&](std::string_view local) { return own_child(entry, local, root); };
  Article article;

  const std::string link = atom_link(entry, root);
  const std::string id = clean_text(node_text(own("id")));
  article.id = id.empty() ? link : id;
  article.title = atom_text(own("title"));
  set_meta(article, meta::kUrl, link);

  const std::string updated = normalize_iso_date(node_text(own("updated")));
  const std::string published = normalize_iso_date(node_text(own("published")));
  set_meta(article, meta::kPublished, published.empty() ? updated : published);
  set_meta(article, meta::kModified, updated);

  const std::string authors = atom_authors(entry, root);
  set_meta(article, meta::kAuthor, authors.empty() ? channel.authors : authors);
  std::string tags;
  for (pugi::xml_node child : entry.children()) {
    if (!is_own(child, "category", root)) continue;
    const std::string_view term = child.attribute("term").value();
    tags += plain_text(term.empty() ? child.attribute("label").value() : term) + ",";
  }
  set_meta(article, meta::kTags, normalize_keyword_list(tags));

  const std::string language = normalize_language_tag(entry.attribute("xml:lang").value());
  set_meta(article, meta::kLanguage, language.empty() ? channel.language : language);
  set_meta(article, meta::kSiteName, channel.site_name);

  const pugi::xml_node summary = own("summary");
  const int body = read_body(article, {atom_html(own("content")), atom_html(summary)});
  if (body == 0) set_meta(article, meta::kDescription, atom_text(summary));
  separate_title(article);
  return article;
}

// --- The feed ------------------------------------------------------------------------------------

// Where an item starts in the decoded text, and where it ends if it is read on its own.
struct ItemRange {
  size_t begin;
  size_t end;
};

// Item byte ranges found by their tags alone, for feeds that are not well-formed: from "<item" to
// the next "</item>", cut short by the next "<item" or the end of the text.
std::vector<ItemRange> find_item_ranges(std::string_view text, std::string_view tag) {
  const std::string open = "<" + std::string(tag);
  const std::string close = "</" + std::string(tag);
  std::vector<size_t> starts;
  for (size_t pos = text.find(open); pos != kNpos; pos = text.find(open, pos + 1)) {
    const size_t after = pos + open.size();
    if (after >= text.size() || is_space(text[after]) || text[after] == '>' || text[after] == '/') {
      starts.push_back(pos);
    }
  }
  std::vector<ItemRange> ranges;
  for (size_t i = 0; i < starts.size(); ++i) {
    const size_t limit = i + 1 < starts.size() ? starts[i + 1] : text.size();
    size_t end = limit;
    const size_t close_pos = text.substr(0, limit).find(close, starts[i]);
    if (close_pos != kNpos) {
      const size_t gt = text.substr(0, limit).find('>', close_pos);
      if (gt != kNpos) end = gt + 1;
    }
    ranges.push_back({starts[i], end});
  }
  return ranges;
}

class FeedReader {
 public:
  FeedReader(std::string_view bytes, const Decoded& decoded, FeedRoot root,
             std::vector<std::string>* item_errors)
      : bytes_(bytes), decoded_(decoded), root_(std::move(root)), item_errors_(item_errors) {}

  std::string item_tag() const { return root_.prefix + (is_atom() ? "entry" : "item"); }

  void read_channel_of(pugi::xml_node root_element) {
    channel_ = read_channel(root_element, root_);
  }

  // The items of a well-formed feed: RSS 2.0 items in <channel>, RSS 1.0 items beside it.
  std::vector<pugi::xml_node> item_nodes(pugi::xml_node root_element) const {
    const std::string_view item = is_atom() ? "entry" : "item";
    std::vector<pugi::xml_node> items;
    for (pugi::xml_node child : root_element.children()) {
      if (is_own(child, item, root_)) items.push_back(child);
      if (!is_atom() && is_own(child, "channel", root_)) {
        for (pugi::xml_node grandchild : child.children()) {
          if (is_own(grandchild, item, root_)) items.push_back(grandchild);
        }
      }
    }
    return items;
  }

  void read_item(pugi::xml_node item, size_t utf8_offset) {
    ++count_;
    Article article =
        is_atom() ? read_atom_entry(item, root_, channel_) : read_rss_item(item, root_, channel_);
    if (article.blocks.empty()) {
      report(utf8_offset, article.id, "no body text");
    } else {
      articles_.push_back(std::move(article));
    }
  }

  void report_broken_item(size_t utf8_offset, const pugi::xml_parse_result& parsed) {
    ++count_;
    report(utf8_offset, "",
           std::string("not well-formed XML: ") + parsed.description() + " at " +
               describe_offset(utf8_offset + static_cast<size_t>(parsed.offset)));
  }

  // "byte offset N" into the input, or an offset into the decoded text where the charset does
  // not map one to the other (multi-byte charsets other than UTF-8).
  std::string describe_offset(size_t utf8_offset) const {
    const std::string& utf8 = decoded_.utf8;
    const size_t bom = bytes_.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
    if (decoded_.charset == "UTF-8" && utf8.size() + bom == bytes_.size()) {
      return "byte offset " + std::to_string(utf8_offset + bom);
    }
    const auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
    const auto end = utf8.begin() + static_cast<std::ptrdiff_t>(std::min(utf8_offset, utf8.size()));
    if (!single_byte_charset_) {  // one code point per input byte
      single_byte_charset_ =
          static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), is_lead)) == bytes_.size();
    }
    if (*single_byte_charset_) {
      return "byte offset " + std::to_string(std::count_if(utf8.begin(), end, is_lead));
    }
    return "offset " + std::to_string(utf8_offset) + " of the text decoded from " +
           decoded_.charset;
  }

  std::vector<Article> take_articles() { return std::move(articles_); }

 private:
  bool is_atom() const { return root_.kind == FeedKind::kAtom; }

  void report(size_t utf8_offset, const std::string& id, const std::string& reason) {
    if (item_errors_ == nullptr) return;
    item_errors_->push_back("item " + std::to_string(count_) + " (" + describe_offset(utf8_offset) +
                            (id.empty() ? "" : ", id " + id) + "): " + reason);
  }

  std::string_view bytes_;
  const Decoded& decoded_;
  FeedRoot root_;
  std::vector<std::string>* item_errors_;
  mutable std::optional<bool> single_byte_charset_;
  Channel channel_;
  size_t count_ = 0;
  std::vector<Article> articles_;
};

// pugixml gives element offsets at the name, one past the '<'.
size_t element_offset(pugi::xml_node element) {
  const std::ptrdiff_t offset = element.offset_debug();
  return offset > 0 ? static_cast<size_t>(offset - 1) : 0;
}

}  // namespace

bool is_feed(std::string_view bytes) {
  bytes = bytes.substr(0, kSniffBytes);
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {  // UTF-16
    return sniff_feed_root(decode_to_utf8(bytes.substr(0, bytes.size() & ~size_t{1})).utf8)
        .has_value();
  }
  return sniff_feed_root(bytes).has_value();
}

Result<std::vector<Article>> extract_feed(std::string_view bytes,
                                          std::vector<std::string>* item_errors) {
  const Decoded decoded = decode_to_utf8(bytes, sniff_html_charset(bytes));
  const std::string& text = decoded.utf8;
  std::optional<FeedRoot> root = sniff_feed_root(text);
  if (!root) return Error{"not an RSS or Atom feed (no rss, rdf:RDF or feed root element)"};
  FeedReader reader(bytes, decoded, std::move(*root), item_errors);

  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), kParseOptions, pugi::encoding_utf8);
  if (parsed) {
    reader.read_channel_of(doc.document_element());
    for (pugi::xml_node item : reader.item_nodes(doc.document_element())) {
      reader.read_item(item, element_offset(item));
    }
    return reader.take_articles();
  }

  const std::vector<ItemRange> ranges = find_item_ranges(text, reader.item_tag());
  if (ranges.empty()) {
    return Error{std::string("feed is not well-formed XML (") + parsed.description() + " at " +
                 reader.describe_offset(static_cast<size_t>(parsed.offset)) +
                 ") and holds no item to recover"};
  }
  // The part before the first item holds the channel's title and language; pugixml keeps the
  // elements it has read when a parse fails, and here it fails for want of end tags.
  pugi::xml_document head;
  (void)head.load_buffer(text.data(), ranges.front().begin, kParseOptions, pugi::encoding_utf8);
  reader.read_channel_of(head.document_element());
  for (const ItemRange& range : ranges) {
    pugi::xml_document item;
    const pugi::xml_parse_result item_parsed = item.load_buffer(
        text.data() + range.begin, range.end - range.begin, kParseOptions, pugi::encoding_utf8);
    if (item_parsed) {
      reader.read_item(item.document_element(), range.begin);
    } else {
      reader.report_broken_item(range.begin, item_parsed);
    }
  }
  return reader.take_articles();
}

}  // namespace fundstelle::extract
