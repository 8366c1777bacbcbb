#include "extract/xml_extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "extract/charset.hpp"
#include "extract/metadata_values.hpp"
#include "extract/text_cleanup.hpp"

namespace fundstelle::extract {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// --- Preparing the input -------------------------------------------------------------------------

// The encoding an XML declaration names (<?xml version="1.0" encoding="ISO-8859-1"?>), or "".
std::string declared_encoding(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  const size_t start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || bytes.substr(start, 5) != "<?xml") return "";
  const size_t end = bytes.find("?>", start);
  if (end == std::string_view::npos) return "";
  const std::string_view decl = bytes.substr(start, end - start);
  size_t pos = decl.find("encoding");
  if (pos == std::string_view::npos) return "";
  pos = decl.find_first_not_of(" \t\r\n", pos + 8);
  if (pos == std::string_view::npos || decl[pos] != '=') return "";
  pos = decl.find_first_not_of(" \t\r\n", pos + 1);
  if (pos == std::string_view::npos || (decl[pos] != '"' && decl[pos] != '\'')) return "";
  const size_t close = decl.find(decl[pos], pos + 1);
  if (close == std::string_view::npos) return "";
  return std::string(decl.substr(pos + 1, close - pos - 1));
}

struct NamedEntity {
  std::string_view name;
  std::string_view utf8;
};

// HTML entities that article XML uses without declaring them (or through a DTD pugixml never
// reads). XML's own five and numeric references are pugixml's business.
constexpr auto kHtmlEntities = std::to_array<NamedEntity>({
    {"nbsp", "\u00A0"},   {"shy", "\u00AD"},    {"ndash", "\u2013"},  {"mdash", "\u2014"},
    {"hellip", "\u2026"}, {"bdquo", "\u201E"},  {"ldquo", "\u201C"},  {"rdquo", "\u201D"},
    {"sbquo", "\u201A"},  {"lsquo", "\u2018"},  {"rsquo", "\u2019"},  {"laquo", "\u00AB"},
    {"raquo", "\u00BB"},  {"lsaquo", "\u2039"}, {"rsaquo", "\u203A"}, {"auml", "\u00E4"},
    {"ouml", "\u00F6"},   {"uuml", "\u00FC"},   {"Auml", "\u00C4"},   {"Ouml", "\u00D6"},
    {"Uuml", "\u00DC"},   {"szlig", "\u00DF"},  {"eacute", "\u00E9"}, {"egrave", "\u00E8"},
    {"aacute", "\u00E1"}, {"agrave", "\u00E0"}, {"ccedil", "\u00E7"}, {"euro", "\u20AC"},
    {"copy", "\u00A9"},   {"reg", "\u00AE"},    {"trade", "\u2122"},  {"deg", "\u00B0"},
    {"sect", "\u00A7"},   {"middot", "\u00B7"}, {"bull", "\u2022"},   {"times", "\u00D7"},
    {"thinsp", "\u2009"}, {"ensp", "\u2002"},   {"emsp", "\u2003"},   {"zwnj", "\u200C"},
});

// Where the rewritten text stopped matching the input byte for byte, to map offsets back.
struct Shift {
  size_t out_pos;
  size_t in_pos;
};

// Replaces the entities of kHtmlEntities by their characters, outside comments and CDATA.
std::string replace_html_entities(std::string_view in, std::vector<Shift>& shifts) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    const size_t next = in.find_first_of("&<", i);
    if (next == std::string_view::npos) {
      out.append(in.substr(i));
      break;
    }
    out.append(in.substr(i, next - i));
    i = next;
    if (in[i] == '<') {
      std::string_view close;
      if (in.substr(i, 4) == "<!--") close = "-->";
      if (in.substr(i, 9) == "<![CDATA[") close = "]]>";
      const size_t end = close.empty() ? std::string_view::npos : in.find(close, i);
      const size_t stop = close.empty()                   ? i + 1
                          : end == std::string_view::npos ? in.size()
                                                          : end + close.size();
      out.append(in.substr(i, stop - i));
      i = stop;
      continue;
    }
    size_t end = i + 1;
    while (end < in.size() && end - i <= 8 && std::isalnum(static_cast<unsigned char>(in[end]))) {
      ++end;
    }
    const std::string_view name = in.substr(i + 1, end - i - 1);
    const auto* entity = end < in.size() && in[end] == ';'
                             ? std::find_if(kHtmlEntities.begin(), kHtmlEntities.end(),
                                            [&](const NamedEntity& e) { return e.name == name; })
                             : kHtmlEntities.end();
    if (entity == kHtmlEntities.end()) {
      out += '&';
      ++i;
      continue;
    }
    out.append(entity->utf8);
    i = end + 1;
    shifts.push_back({out.size(), i});
  }
  return out;
}

size_t undo_shifts(size_t offset, const std::vector<Shift>& shifts) {
  const auto after =
      std::upper_bound(shifts.begin(), shifts.end(), offset,
                       [](size_t value, const Shift& s) { return value < s.out_pos; });
  if (after == shifts.begin()) return offset;
  const Shift& last = *std::prev(after);
  return last.in_pos + (offset - last.out_pos);
}

// pugixml reports offsets into the UTF-8 it parsed. For UTF-8 input and single-byte charsets
// that maps back to an input byte offset; for other charsets it does not.
std::optional<size_t> input_offset(std::string_view bytes, const Decoded& decoded,
                                   size_t utf8_offset) {
  const size_t bom = bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  if (decoded.charset == "UTF-8" && decoded.utf8.size() + bom == bytes.size()) {
    return utf8_offset + bom;
  }
  const auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  const auto code_points =
      static_cast<size_t>(std::count_if(decoded.utf8.begin(), decoded.utf8.end(), is_lead));
  if (code_points != bytes.size()) return std::nullopt;
  const size_t end = std::min(utf8_offset, decoded.utf8.size());
  return static_cast<size_t>(std::count_if(
      decoded.utf8.begin(), decoded.utf8.begin() + static_cast<std::ptrdiff_t>(end), is_lead));
}

// --- Tree helpers --------------------------------------------------------------------------------

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Namespace prefixes do not matter to the vocabularies read here: "dc:creator" -> "creator".
std::string local_name(const char* qualified) {
  std::string_view name(qualified);
  const size_t colon = name.rfind(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return lower_ascii(name);
}

std::string local_name(pugi::xml_node node) { return local_name(node.name()); }

template <size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Visits the nodes below `root` in document order without recursion: documents can nest deeper
// than any call stack. `enter(node)` returns whether to descend into the node's children;
// `leave(node)` follows every node once its subtree is done (or skipped).
template <typename Enter, typename Leave>
void walk(pugi::xml_node root, Enter&& enter, Leave&& leave) {
  pugi::xml_node node = root.first_child();
  while (node) {
    if (enter(node) && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (true) {
      leave(node);
      if (pugi::xml_node next = node.next_sibling()) {
        node = next;
        break;
      }
      node = node.parent();
      if (node == root) return;
    }
  }
}

template <typename Enter>
void walk(pugi::xml_node root, Enter&& enter) {
  walk(root, std::forward<Enter>(enter), [](pugi::xml_node) {});
}

// The first element below `root` (in document order) with local name `name`.
pugi::xml_node find_element(pugi::xml_node root, std::string_view name) {
  pugi::xml_node found;
  if (!root) return found;
  walk(root, [&](pugi::xml_node node) {
    if (found) return false;
    if (node.type() == pugi::node_element && local_name(node) == name) found = node;
    return !found;
  });
  return found;
}

bool has_element_child(pugi::xml_node node) {
  return !node.find_child([](pugi::xml_node c) { return c.type() == pugi::node_element; }).empty();
}

pugi::xml_node child_element(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && local_name(child) == name) return child;
  }
  return {};
}

// Elements that run inside a line of text; every other element boundary separates words.
constexpr auto kInlineElements = std::to_array<std::string_view>({"a",
                                                                  "abbr",
                                                                  "acronym",
                                                                  "b",
                                                                  "big",
                                                                  "chron",
                                                                  "citetitle",
                                                                  "city",
                                                                  "classifier",
                                                                  "code",
                                                                  "copyrite",
                                                                  "country",
                                                                  "del",
                                                                  "em",
                                                                  "emphasis",
                                                                  "event",
                                                                  "firstterm",
                                                                  "font",
                                                                  "foreignphrase",
                                                                  "frac",
                                                                  "frac-den",
                                                                  "frac-num",
                                                                  "function",
                                                                  "i",
                                                                  "ins",
                                                                  "lang",
                                                                  "link",
                                                                  "literal",
                                                                  "location",
                                                                  "mark",
                                                                  "money",
                                                                  "num",
                                                                  "object.title",
                                                                  "org",
                                                                  "person",
                                                                  "phrase",
                                                                  "pronounce",
                                                                  "q",
                                                                  "region",
                                                                  "s",
                                                                  "small",
                                                                  "span",
                                                                  "state",
                                                                  "strong",
                                                                  "sub",
                                                                  "sup",
                                                                  "tt",
                                                                  "u",
                                                                  "ulink",
                                                                  "virtloc",
                                                                  "xref"});

bool is_inline(std::string_view name) { return is_one_of(name, kInlineElements); }

// All text below `node`, block boundaries as spaces; subtrees named `skip` are left out.
std::string gather_text(pugi::xml_node node, std::string_view skip = {}) {
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) return node.value();
  std::string out;
  const auto boundary = [&](pugi::xml_node n) {
    if (n.type() == pugi::node_element && !is_inline(local_name(n))) out += ' ';
  };
  walk(
      node,
      [&](pugi::xml_node n) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
          out += n.value();
          return false;
        }
        if (n.type() != pugi::node_element) return false;
        if (!skip.empty() && local_name(n) == skip) return false;
        boundary(n);
        return true;
      },
      boundary);
  return out;
}

std::string clean_element_text(pugi::xml_node node, std::string_view skip = {}) {
  return node ? clean_text(gather_text(node, skip)) : std::string();
}

// --- Metadata helpers ----------------------------------------------------------------------------

bool starts_with_http(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://");
}

// "Von Anna Berg und Tom Roth" -> "Anna Berg, Tom Roth".
std::string byline_to_authors(std::string text) {
  const std::string lower = lower_ascii(text);
  for (std::string_view prefix : {"von ", "by ", "text: ", "text von "}) {
    if (lower.starts_with(prefix)) {
      text.erase(0, prefix.size());
      break;
    }
  }
  for (std::string_view joiner : {" und ", " and ", " & "}) {
    for (size_t pos = text.find(joiner); pos != std::string::npos; pos = text.find(joiner, pos)) {
      text.replace(pos, joiner.size(), ", ");
    }
  }
  while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

// Sets metadata[key] unless it is already set or `value` is empty: the first source wins.
void set_if_missing(Article& article, const char* key, std::string value) {
  if (value.empty() || article.metadata.contains(key)) return;
  article.metadata[key] = std::move(value);
}

void set_date_if_missing(Article& article, const char* key, std::string_view raw) {
  if (!raw.empty()) set_if_missing(article, key, normalize_iso_date(raw));
}

// --- Blocks --------------------------------------------------------------------------------------

enum class Role {
  kNone,     // a container or unknown element: look inside
  kSkip,     // metadata or furniture: not article text
  kTitle,    // title-like: heading 1 if first, else 2
  kHeading,  // heading of a fixed level
  kParagraph,
  kQuoteContainer,  // paragraphs inside become quotes
  kCredit,          // a quote's attribution
  kCaption,
  kListItem,
  kTableCell,
  kPreformatted,
};

struct Classified {
  Role role = Role::kNone;
  int level = 0;
};

constexpr auto kTitleNames =
    std::to_array<std::string_view>({"title", "headline", "hl1", "heading"});
constexpr auto kParagraphNames =
    std::to_array<std::string_view>({"p", "para", "paragraph", "simpara"});
constexpr auto kDateNames =
    std::to_array<std::string_view>({"date", "published", "pubdate", "datepublished"});
constexpr auto kModifiedNames =
    std::to_array<std::string_view>({"modified", "updated", "datemodified", "lastmod"});
constexpr auto kAuthorNames = std::to_array<std::string_view>({"author", "byline", "creator"});
// NITF: head is metadata, the rest is furniture around the story.
constexpr auto kNitfSkip = std::to_array<std::string_view>(
    {"head", "byline", "dateline", "abstract", "body.end", "distributor", "media-reference",
     "media-metadata", "media-object", "media-producer", "note"});
constexpr auto kGenericSkip = std::to_array<std::string_view>(
    {"head", "meta", "metadata", "script", "style", "keywords", "keyword", "tags", "url", "link"});

Classified classify(std::string_view name, bool nitf) {
  if (name == "hl1") return {Role::kHeading, 1};
  if (name == "hl2" || name == "subtitle" || name == "subheadline" || name == "subhead") {
    return {Role::kHeading, 2};
  }
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
    return {Role::kHeading, name[1] - '0'};
  }
  if (is_one_of(name, kTitleNames)) return {Role::kTitle, 0};
  if (is_one_of(name, kParagraphNames)) return {Role::kParagraph, 0};
  if (name == "bq" || name == "blockquote") return {Role::kQuoteContainer, 0};
  if (name == "credit") return {Role::kCredit, 0};
  if (name == "media-caption" || name == "caption" || name == "figcaption") {
    return {Role::kCaption, 0};
  }
  if (name == "li" || name == "listitem") return {Role::kListItem, 0};
  if (name == "td" || name == "th") return {Role::kTableCell, 0};
  if (name == "pre" || name == "programlisting" || name == "screen") {
    return {Role::kPreformatted, 0};
  }
  if (nitf) return {is_one_of(name, kNitfSkip) ? Role::kSkip : Role::kNone, 0};
  if (is_one_of(name, kGenericSkip) || is_one_of(name, kDateNames) ||
      is_one_of(name, kModifiedNames) || is_one_of(name, kAuthorNames)) {
    return {Role::kSkip, 0};
  }
  return {};
}

// Splits text at blank lines: a leaf element of unknown XML often holds several paragraphs.
std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> out;
  const std::string lines = clean_text_keep_lines(text);
  size_t pos = 0;
  while (pos <= lines.size()) {
    size_t end = lines.find("\n\n", pos);
    if (end == std::string::npos) end = lines.size();
    std::string paragraph = clean_text(std::string_view(lines).substr(pos, end - pos));
    if (!paragraph.empty()) out.push_back(std::move(paragraph));
    pos = end + 2;
  }
  return out;
}

class BlockCollector {
 public:
  // `leaf_name`: in unknown XML without paragraph elements, the leaves that hold the text.
  BlockCollector(bool nitf, std::string leaf_name)
      : nitf_(nitf), leaf_name_(std::move(leaf_name)) {}

  std::vector<Block> collect(pugi::xml_node root) {
    walk(
        root, [this](pugi::xml_node node) { return enter(node); },
        [this](pugi::xml_node node) {
          if (node.type() == pugi::node_element &&
              classify(local_name(node), nitf_).role == Role::kQuoteContainer) {
            --quote_depth_;
          }
        });
    return std::move(blocks_);
  }

 private:
  bool enter(pugi::xml_node node) {
    if (node.type() != pugi::node_element) return false;
    const std::string name = local_name(node);
    const Classified c = classify(name, nitf_);
    switch (c.role) {
      case Role::kSkip:
        return false;
      case Role::kQuoteContainer:
        ++quote_depth_;
        return true;
      case Role::kNone:
        if (name != leaf_name_ || has_element_child(node)) return true;
        for (std::string& paragraph : split_paragraphs(gather_text(node))) {
          add(quoted(BlockKind::kParagraph), std::move(paragraph));
        }
        return false;
      case Role::kTitle:
        add(BlockKind::kHeading, clean_element_text(node), seen_heading_ ? 2 : 1);
        break;
      case Role::kHeading:
        add(BlockKind::kHeading, clean_element_text(node), c.level);
        break;
      case Role::kParagraph:
        add(quoted(BlockKind::kParagraph), clean_element_text(node));
        break;
      case Role::kCredit:
        if (quote_depth_ > 0) add(BlockKind::kQuote, clean_element_text(node));
        break;
      case Role::kCaption:
        add(BlockKind::kCaption, clean_element_text(node));
        break;
      case Role::kListItem:
        add(BlockKind::kListItem, clean_element_text(node));
        break;
      case Role::kTableCell:
        add(BlockKind::kTableCell, clean_element_text(node));
        break;
      case Role::kPreformatted:
        add(BlockKind::kPreformatted, clean_text_keep_lines(gather_text(node)));
        break;
    }
    return false;
  }

  BlockKind quoted(BlockKind kind) const { return quote_depth_ > 0 ? BlockKind::kQuote : kind; }

  void add(BlockKind kind, std::string text, int level = 0) {
    if (text.empty()) return;
    if (kind == BlockKind::kHeading) seen_heading_ = true;
    blocks_.push_back({kind, std::move(text), kind == BlockKind::kHeading ? level : 0});
  }

  bool nitf_;
  std::string leaf_name_;
  int quote_depth_ = 0;
  bool seen_heading_ = false;
  std::vector<Block> blocks_;
};

bool has_body_text(const std::vector<Block>& blocks) {
  return std::any_of(blocks.begin(), blocks.end(), [](const Block& b) {
    return b.kind == BlockKind::kParagraph || b.kind == BlockKind::kQuote;
  });
}

// The local name of the leaf elements holding the most text, outside skipped subtrees; "" if none.
std::string richest_leaf_name(pugi::xml_node root) {
  std::map<std::string, size_t> text_bytes;
  walk(root, [&](pugi::xml_node node) {
    if (node.type() != pugi::node_element) return false;
    const std::string name = local_name(node);
    const Role role = classify(name, false).role;
    if (role != Role::kNone) return role == Role::kQuoteContainer;
    if (has_element_child(node)) return true;
    const std::string text = clean_element_text(node);
    if (!text.empty()) text_bytes[name] += text.size();
    return false;
  });
  const auto best =
      std::max_element(text_bytes.begin(), text_bytes.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == text_bytes.end() ? std::string() : best->first;
}

// --- NITF ----------------------------------------------------------------------------------------

void read_nitf_metadata(pugi::xml_node nitf, Article& article) {
  const pugi::xml_node head = child_element(nitf, "head");
  const pugi::xml_node body = child_element(nitf, "body");
  const pugi::xml_node body_head = child_element(body, "body.head");
  const pugi::xml_node docdata = child_element(head, "docdata");
  const pugi::xml_node pubdata = child_element(head, "pubdata");

  article.title = clean_element_text(find_element(body_head ? body_head : body, "hl1"));
  if (article.title.empty()) article.title = clean_element_text(child_element(head, "title"));

  std::vector<std::string> authors;
  walk(body_head ? body_head : body, [&](pugi::xml_node node) {
    if (node.type() != pugi::node_element) return false;
    if (local_name(node) != "byline") return true;
    bool has_person = false;
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_element && local_name(child) == "person") {
        append_distinct(authors, clean_element_text(child));
        has_person = true;
      }
    }
    if (!has_person) append_distinct(authors, byline_to_authors(clean_element_text(node, "byttl")));
    return false;
  });
  set_if_missing(article, meta::kAuthor, join_values(authors));

  set_date_if_missing(article, meta::kPublished,
                      child_element(docdata, "date.issue").attribute("norm").value());
  set_date_if_missing(article, meta::kPublished, pubdata.attribute("date.publication").value());
  set_date_if_missing(article, meta::kPublished,
                      find_element(body_head, "story.date").attribute("norm").value());
  set_date_if_missing(article, meta::kPublished,
                      child_element(docdata, "date.release").attribute("norm").value());

  std::string keywords;
  for (pugi::xml_node key_list : docdata.children()) {
    if (local_name(key_list) != "key-list") continue;
    for (pugi::xml_node keyword : key_list.children()) {
      if (local_name(keyword) == "keyword") {
        keywords += clean_text(keyword.attribute("key").value()) + ",";
      }
    }
  }
  set_if_missing(article, meta::kTags, normalize_keyword_list(keywords));

  const std::string_view ex_ref = pubdata.attribute("ex-ref").value();
  const std::string_view doc_id = child_element(docdata, "doc-id").attribute("id-string").value();
  if (starts_with_http(ex_ref)) set_if_missing(article, meta::kUrl, std::string(ex_ref));
  if (starts_with_http(doc_id)) set_if_missing(article, meta::kUrl, std::string(doc_id));
  set_if_missing(article, meta::kSiteName, clean_text(pubdata.attribute("name").value()));

  std::string_view language = nitf.attribute("baselang").value();
  if (language.empty()) language = nitf.attribute("xml:lang").value();
  set_if_missing(article, meta::kLanguage, normalize_language_tag(language));
  set_if_missing(article, meta::kDescription,
                 clean_element_text(child_element(body_head, "abstract")));
}

Article read_nitf(pugi::xml_node nitf) {
  Article article;
  read_nitf_metadata(nitf, article);
  const pugi::xml_node body = child_element(nitf, "body");
  article.blocks = BlockCollector(true, "").collect(body ? body : nitf);
  separate_title(article);
  return article;
}

// --- Unknown article XML -------------------------------------------------------------------------

void read_generic_metadata(pugi::xml_node root, Article& article) {
  std::vector<std::string> authors;
  std::string keywords;
  pugi::xml_node author_parent;
  walk(root.parent(), [&](pugi::xml_node node) {
    if (node.type() != pugi::node_element) return false;
    const std::string name = local_name(node);
    for (pugi::xml_attribute attribute : node.attributes()) {
      const std::string attribute_name = local_name(attribute.name());
      if (is_one_of(attribute_name, kDateNames)) {
        set_date_if_missing(article, meta::kPublished, attribute.value());
      } else if (is_one_of(attribute_name, kModifiedNames)) {
        set_date_if_missing(article, meta::kModified, attribute.value());
      }
    }
    if (article.title.empty() && is_one_of(name, kTitleNames)) {
      article.title = clean_element_text(node);
      return false;
    }
    // A date element may carry the machine-readable form in an attribute (NITF, <time>).
    const auto date_value = [&] {
      for (const char* attribute : {"norm", "datetime", "content", "value"}) {
        if (const pugi::xml_attribute a = node.attribute(attribute)) return std::string(a.value());
      }
      return gather_text(node);
    };
    if (is_one_of(name, kDateNames)) {
      set_date_if_missing(article, meta::kPublished, date_value());
      return false;
    }
    if (is_one_of(name, kModifiedNames)) {
      set_date_if_missing(article, meta::kModified, date_value());
      return false;
    }
    if (is_one_of(name, kAuthorNames)) {
      // Only the first author element and its siblings: a feed has one author per entry.
      if (!author_parent) author_parent = node.parent();
      if (node.parent() == author_parent) {
        const pugi::xml_node author_name = child_element(node, "name");
        append_distinct(authors,
                        byline_to_authors(clean_element_text(author_name ? author_name : node)));
      }
      return false;
    }
    if (name == "keyword" || name == "keywords") {
      const std::string_view key = node.attribute("key").value();
      keywords += clean_text(key.empty() ? gather_text(node) : std::string(key)) + ",";
      return false;
    }
    return true;
  });
  set_if_missing(article, meta::kAuthor, join_values(authors));
  set_if_missing(article, meta::kTags, normalize_keyword_list(keywords));

  std::string_view language = root.attribute("xml:lang").value();
  if (language.empty()) language = root.attribute("lang").value();
  set_if_missing(article, meta::kLanguage, normalize_language_tag(language));
}

Article read_generic(pugi::xml_node root) {
  Article article;
  read_generic_metadata(root, article);
  article.blocks = BlockCollector(false, "").collect(root.parent());
  if (!has_body_text(article.blocks)) {
    const std::string leaf = richest_leaf_name(root.parent());
    if (!leaf.empty()) article.blocks = BlockCollector(false, leaf).collect(root.parent());
  }
  separate_title(article);
  return article;
}

}  // namespace

Result<Article> extract_xml(std::string_view bytes) {
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
    return Error{"empty XML document"};
  }
  const Decoded decoded = decode_to_utf8(bytes, declared_encoding(bytes));
  std::vector<Shift> shifts;
  std::string text = replace_html_entities(decoded.utf8, shifts);

  pugi::xml_document doc;
  // Whitespace-only text between inline elements ("<em>a</em> <em>b</em>") separates words.
  const pugi::xml_parse_result parsed = doc.load_buffer_inplace(
      text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!parsed) {
    const size_t utf8_offset = undo_shifts(static_cast<size_t>(parsed.offset), shifts);
    const std::optional<size_t> offset = input_offset(bytes, decoded, utf8_offset);
    return Error{"XML parse error at offset " + std::to_string(offset.value_or(utf8_offset)) +
                 (offset ? "" : " of the text decoded from " + decoded.charset) + ": " +
                 parsed.description()};
  }
  const pugi::xml_node root = doc.document_element();
  if (!root) return Error{"XML document has no root element"};
  return local_name(root) == "nitf" ? read_nitf(root) : read_generic(root);
}

}  // namespace fundstelle::extract
