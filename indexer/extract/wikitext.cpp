#include "extract/wikitext.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>

#include "extract/text_cleanup.hpp"

// Three passes, each a linear scan, in the order MediaWiki's own parser applies them:
//   1. strip_tags:       comments and extension tags (<ref>, <nowiki>, <pre>, <math>, ...);
//                        text that must survive untouched (nowiki, pre) becomes a strip marker
//   2. remove_templates: {{...}} matched with an explicit stack, then cut out
//   3. BlockBuilder:     lines -> headings, list items, paragraphs, table cells; each block's text
//                        goes through InlineRenderer (links, formatting, HTML tags, entities)
// Nesting is always tracked with explicit stacks, never recursion.

namespace fundstelle::extract {
namespace {

constexpr size_t npos = std::string_view::npos;

// Strip markers: kMarker, the index into the strip list in decimal, kMarker. DEL never survives
// clean_text, so the input's own DEL bytes are simply dropped in pass 1.
constexpr char kMarker = '\x7f';

constexpr size_t kMaxTagLength = 1024;  // "<ref name=...>": longer is not a tag
constexpr size_t kMaxLinkDepth = 64;

// --- Small helpers -------------------------------------------------------------------------------

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string_view trim_left(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (is_blank(s[i]) || s[i] == '\n')) ++i;
  return s.substr(i);
}

std::string_view trim_right(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && (is_blank(s[n - 1]) || s[n - 1] == '\n')) --n;
  return s.substr(0, n);
}

std::string_view trim(std::string_view s) { return trim_right(trim_left(s)); }

// The bytes a scan stops at. Faster than string_view::find_first_of, which calls memchr on the
// set for every byte of the text.
class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) member_[static_cast<unsigned char>(c)] = true;
  }
  [[nodiscard]] constexpr bool contains(char c) const {
    return member_[static_cast<unsigned char>(c)];
  }
  // The first position at or after `from` holding one of the bytes, or npos.
  [[nodiscard]] size_t find(std::string_view s, size_t from) const {
    for (size_t i = from; i < s.size(); ++i) {
      if (contains(s[i])) return i;
    }
    return npos;
  }

 private:
  std::array<bool, 256> member_{};
};

// The offset of the '\n' that ends the paragraph containing `pos` (the one before the next blank
// line), or text.size(). Cutting [pos, result) keeps the paragraph break.
size_t paragraph_end(std::string_view text, size_t pos) {
  size_t nl = text.find('\n', pos);
  while (nl != npos) {
    size_t j = nl + 1;
    while (j < text.size() && is_blank(text[j])) ++j;
    if (j == text.size() || text[j] == '\n') return nl;
    nl = text.find('\n', j);
  }
  return text.size();
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// --- Entities ------------------------------------------------------------------------------------

struct NamedEntity {
  std::string_view name;
  std::string_view utf8;
};

// The entities wiki authors actually type; anything else stays as written.
constexpr auto kEntities = std::to_array<NamedEntity>({
    {"amp", "&"},         {"lt", "<"},          {"gt", ">"},          {"quot", "\""},
    {"apos", "'"},        {"nbsp", "\u00A0"},   {"shy", "\u00AD"},    {"ndash", "\u2013"},
    {"mdash", "\u2014"},  {"minus", "\u2212"},  {"hellip", "\u2026"}, {"bdquo", "\u201E"},
    {"ldquo", "\u201C"},  {"rdquo", "\u201D"},  {"sbquo", "\u201A"},  {"lsquo", "\u2018"},
    {"rsquo", "\u2019"},  {"laquo", "\u00AB"},  {"raquo", "\u00BB"},  {"lsaquo", "\u2039"},
    {"rsaquo", "\u203A"}, {"auml", "\u00E4"},   {"ouml", "\u00F6"},   {"uuml", "\u00FC"},
    {"Auml", "\u00C4"},   {"Ouml", "\u00D6"},   {"Uuml", "\u00DC"},   {"szlig", "\u00DF"},
    {"eacute", "\u00E9"}, {"egrave", "\u00E8"}, {"ecirc", "\u00EA"},  {"aacute", "\u00E1"},
    {"agrave", "\u00E0"}, {"acirc", "\u00E2"},  {"ccedil", "\u00E7"}, {"oacute", "\u00F3"},
    {"iacute", "\u00ED"}, {"uacute", "\u00FA"}, {"ntilde", "\u00F1"}, {"oslash", "\u00F8"},
    {"aring", "\u00E5"},  {"Eacute", "\u00C9"}, {"euro", "\u20AC"},   {"pound", "\u00A3"},
    {"cent", "\u00A2"},   {"yen", "\u00A5"},    {"copy", "\u00A9"},   {"reg", "\u00AE"},
    {"trade", "\u2122"},  {"deg", "\u00B0"},    {"sect", "\u00A7"},   {"para", "\u00B6"},
    {"middot", "\u00B7"}, {"bull", "\u2022"},   {"times", "\u00D7"},  {"divide", "\u00F7"},
    {"plusmn", "\u00B1"}, {"micro", "\u00B5"},  {"sup1", "\u00B9"},   {"sup2", "\u00B2"},
    {"sup3", "\u00B3"},   {"frac12", "\u00BD"}, {"frac14", "\u00BC"}, {"frac34", "\u00BE"},
    {"permil", "\u2030"}, {"prime", "\u2032"},  {"Prime", "\u2033"},  {"dagger", "\u2020"},
    {"Dagger", "\u2021"}, {"larr", "\u2190"},   {"rarr", "\u2192"},   {"harr", "\u2194"},
    {"uarr", "\u2191"},   {"darr", "\u2193"},   {"rArr", "\u21D2"},   {"thinsp", "\u2009"},
    {"ensp", "\u2002"},   {"emsp", "\u2003"},   {"zwnj", "\u200C"},   {"zwj", "\u200D"},
    {"lrm", "\u200E"},    {"rlm", "\u200F"},    {"iexcl", "\u00A1"},  {"iquest", "\u00BF"},
    {"alpha", "\u03B1"},  {"beta", "\u03B2"},   {"gamma", "\u03B3"},  {"delta", "\u03B4"},
    {"pi", "\u03C0"},     {"mu", "\u03BC"},     {"Omega", "\u03A9"},  {"infin", "\u221E"},
    {"le", "\u2264"},     {"ge", "\u2265"},     {"ne", "\u2260"},     {"asymp", "\u2248"},
});

// Decodes the entity at s[i] == '&' into `out`; returns the bytes consumed, 0 if none is there.
size_t decode_entity(std::string_view s, size_t i, std::string& out) {
  const size_t limit = std::min(s.size(), i + 12);
  size_t semi = i + 1;
  while (semi < limit && s[semi] != ';') ++semi;
  if (semi >= limit || semi == i + 1) return 0;
  const std::string_view body = s.substr(i + 1, semi - i - 1);
  if (body[0] == '#') {
    uint32_t cp = 0;
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const size_t first = hex ? 2 : 1;
    if (body.size() <= first) return 0;
    for (size_t k = first; k < body.size(); ++k) {
      const char c = body[k];
      uint32_t digit = 0;
      if (is_ascii_digit(c)) {
        digit = static_cast<uint32_t>(c - '0');
      } else if (hex && ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f') {
        digit = static_cast<uint32_t>(ascii_lower(c) - 'a' + 10);
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + digit;
      if (cp > 0x10FFFF) cp = 0x110000;  // keeps overflow out; invalid below
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    append_utf8(out, cp);
    return semi - i + 1;
  }
  for (const NamedEntity& entity : kEntities) {
    if (entity.name == body) {
      out.append(entity.utf8);
      return semi - i + 1;
    }
  }
  return 0;
}

void append_decoded(std::string_view s, std::string& out) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t amp = s.find('&', i);
    if (amp == npos) {
      out.append(s.substr(i));
      return;
    }
    out.append(s.substr(i, amp - i));
    const size_t used = decode_entity(s, amp, out);
    if (used == 0) out += '&';
    i = amp + std::max<size_t>(used, 1);
  }
}

// --- Pass 1: comments and extension tags ---------------------------------------------------------

enum class StripKind { kNowiki, kPre };

struct Strip {
  StripKind kind;
  std::string_view text;  // raw, entities not yet decoded; points into the input
};

enum class TagAction {
  kDrop,     // the element and its content vanish (<ref>, <math>, ...)
  kLiteral,  // content is text, never markup (<nowiki>)
  kPre,      // content is a preformatted block (<pre>, <syntaxhighlight>)
  kGallery,  // each line is a file with an optional caption
  kUnwrap,   // only the tags vanish; content stays wikitext (<poem>, <noinclude>)
};

struct ExtensionTag {
  std::string_view name;
  TagAction action;
};

constexpr auto kExtensionTags = std::to_array<ExtensionTag>({
    {"ref", TagAction::kDrop},
    {"references", TagAction::kDrop},
    {"math", TagAction::kDrop},
    {"chem", TagAction::kDrop},
    {"ce", TagAction::kDrop},
    {"score", TagAction::kDrop},
    {"timeline", TagAction::kDrop},
    {"graph", TagAction::kDrop},
    {"templatedata", TagAction::kDrop},
    {"templatestyles", TagAction::kDrop},
    {"mapframe", TagAction::kDrop},
    {"maplink", TagAction::kDrop},
    {"imagemap", TagAction::kDrop},
    {"hiero", TagAction::kDrop},
    {"inputbox", TagAction::kDrop},
    {"categorytree", TagAction::kDrop},
    {"charinsert", TagAction::kDrop},
    {"indicator", TagAction::kDrop},
    {"includeonly", TagAction::kDrop},
    {"section", TagAction::kDrop},
    {"dynamicpagelist", TagAction::kDrop},
    {"nowiki", TagAction::kLiteral},
    {"pre", TagAction::kPre},
    {"syntaxhighlight", TagAction::kPre},
    {"source", TagAction::kPre},
    {"gallery", TagAction::kGallery},
    {"poem", TagAction::kUnwrap},
    {"noinclude", TagAction::kUnwrap},
    {"onlyinclude", TagAction::kUnwrap},
});

const ExtensionTag* find_extension_tag(std::string_view name) {
  for (const ExtensionTag& tag : kExtensionTags) {
    if (iequals(tag.name, name)) return &tag;
  }
  return nullptr;
}

bool is_file_namespace(std::string_view ns) {
  return iequals(ns, "datei") || iequals(ns, "file") || iequals(ns, "bild") || iequals(ns, "image");
}

bool is_category_namespace(std::string_view ns) {
  return iequals(ns, "kategorie") || iequals(ns, "category");
}

// Remembers the last search for a closing string, so that repeated unclosed openers (a thousand
// "<ref>" with no "</ref>") scan the rest of the text once, not once each.
struct FindCache {
  size_t from = npos;
  size_t found = npos;

  // Valid when an earlier search from at or before `pos` found nothing before `pos`.
  [[nodiscard]] bool answers(size_t pos) const {
    return from != npos && from <= pos && (found == npos || found >= pos);
  }
};

// The offset of the end tag "</name>" (any case, blanks before '>') at or after `from`.
size_t find_end_tag(std::string_view s, size_t from, std::string_view name, FindCache& cache,
                    size_t& end_of_tag) {
  size_t found = npos;
  if (cache.answers(from)) {
    found = cache.found;
  } else {
    for (size_t p = s.find("</", from); p != npos; p = s.find("</", p + 2)) {
      const size_t q = p + 2;
      if (q + name.size() > s.size() || !iequals(s.substr(q, name.size()), name)) continue;
      size_t r = q + name.size();
      while (r < s.size() && is_blank(s[r])) ++r;
      if (r < s.size() && s[r] == '>') {
        found = p;
        break;
      }
    }
    cache = {from, found};
  }
  if (found != npos) {
    end_of_tag = s.find('>', found) + 1;
  }
  return found;
}

// A gallery line "Datei:X.jpg|Caption" (namespace optional) rewritten as a file link.
void append_gallery(std::string_view content, std::string& out) {
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == npos) eol = content.size();
    const std::string_view line = trim(content.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty()) continue;
    const size_t colon = line.find(':');
    const size_t pipe = line.find('|');
    const bool has_namespace =
        colon != npos && colon < pipe && is_file_namespace(trim(line.substr(0, colon)));
    out += "\n[[";
    if (!has_namespace) out += "Datei:";
    out.append(line);
    out += "]]\n";
  }
}

std::string strip_tags(std::string_view in, std::vector<Strip>& strips) {
  std::string out;
  out.reserve(in.size());
  std::array<FindCache, kExtensionTags.size()> end_tag_caches;
  FindCache comment_cache;
  size_t i = 0;
  while (i < in.size()) {
    static constexpr ByteSet kStops("<\x7f");
    const size_t next = kStops.find(in, i);
    if (next == npos) {
      out.append(in.substr(i));
      break;
    }
    out.append(in.substr(i, next - i));
    i = next;
    if (in[i] == kMarker) {
      ++i;
      continue;
    }

    if (in.substr(i, 4) == "<!--") {
      size_t close = comment_cache.answers(i + 4) ? comment_cache.found : in.find("-->", i + 4);
      comment_cache = {i + 4, close};
      const bool at_line_start = out.empty() || out.back() == '\n';
      i = close == npos ? paragraph_end(in, i) : close + 3;
      // A comment alone on its line takes the line with it (MediaWiki does the same), so it does
      // not split the paragraph around it.
      if (at_line_start && close != npos) {
        size_t j = i;
        while (j < in.size() && is_blank(in[j])) ++j;
        if (j < in.size() && in[j] == '\n') i = j + 1;
      }
      continue;
    }

    size_t j = i + 1;
    const bool end_tag = j < in.size() && in[j] == '/';
    if (end_tag) ++j;
    const size_t name_begin = j;
    while (j < in.size() && is_ascii_alnum(in[j])) ++j;
    const ExtensionTag* tag = find_extension_tag(in.substr(name_begin, j - name_begin));
    const bool name_ends =
        j < in.size() && (in[j] == '>' || in[j] == '/' || is_blank(in[j]) || in[j] == '\n');
    const size_t gt = tag != nullptr && name_ends
                          ? in.substr(0, std::min(in.size(), j + kMaxTagLength)).find('>', j)
                          : npos;
    if (gt == npos) {
      out += '<';
      ++i;
      continue;
    }
    const size_t after = gt + 1;
    if (end_tag || in[gt - 1] == '/' || tag->action == TagAction::kUnwrap) {
      i = after;  // stray end tags, <ref name="x" />, <references/>, <nowiki/>, <poem>
      continue;
    }
    size_t close_end = 0;
    const size_t close =
        find_end_tag(in, after, tag->name,
                     end_tag_caches[static_cast<size_t>(tag - kExtensionTags.data())], close_end);
    if (close == npos) {
      // Hidden content stays hidden only to the end of its paragraph; shown content keeps going.
      i = tag->action == TagAction::kDrop ? paragraph_end(in, i) : after;
      continue;
    }
    const std::string_view content = in.substr(after, close - after);
    switch (tag->action) {
      case TagAction::kLiteral:
      case TagAction::kPre:
        out += kMarker;
        out += std::to_string(strips.size());
        out += kMarker;
        strips.push_back(
            {tag->action == TagAction::kLiteral ? StripKind::kNowiki : StripKind::kPre, content});
        break;
      case TagAction::kGallery:
        append_gallery(content, out);
        break;
      case TagAction::kDrop:
      case TagAction::kUnwrap:
        break;
    }
    i = close_end;
  }
  return out;
}

// --- Pass 2: templates ---------------------------------------------------------------------------

struct Range {
  size_t begin;
  size_t end;
};

// Records [begin, end) as removed. Ranges arrive in closing order, so every earlier range that
// starts inside the new one is nested in it and goes; the list stays sorted and disjoint.
void add_range(std::vector<Range>& ranges, size_t begin, size_t end) {
  while (!ranges.empty() && ranges.back().begin >= begin) ranges.pop_back();
  if (!ranges.empty() && ranges.back().end > begin) {
    ranges.back().end = std::max(ranges.back().end, end);
    return;
  }
  ranges.push_back({begin, end});
}

// Brace runs are matched the way MediaWiki's preprocessor does: a closing run takes 3 braces
// ({{{parameter}}}) from an opening run when both have 3, else 2 ({{template}}).
std::string remove_templates(std::string_view in) {
  struct Open {
    size_t pos;
    size_t count;
  };
  std::vector<Open> stack;
  std::vector<Range> ranges;
  size_t i = 0;
  while (i < in.size()) {
    static constexpr ByteSet kBraces("{}");
    const size_t next = kBraces.find(in, i);
    if (next == npos) break;
    i = next;
    const char brace = in[i];
    size_t run = 1;
    while (i + run < in.size() && in[i + run] == brace) ++run;
    if (run < 2) {
      i += run;
      continue;
    }
    if (brace == '{') {
      stack.push_back({i, run});
      i += run;
      continue;
    }
    size_t used = 0;
    while (run - used >= 2 && !stack.empty()) {
      Open& top = stack.back();
      const size_t take = top.count >= 3 && run - used >= 3 ? 3 : 2;
      top.count -= take;
      used += take;
      if (top.count >= 2) {
        add_range(ranges, top.pos + top.count, i + used);
        continue;
      }
      // A leftover single '{' (and one '}' to pair it) is part of the markup, not text.
      if (top.count == 1 && run - used == 1) used = run;
      add_range(ranges, top.pos, i + used);
      stack.pop_back();
    }
    if (run - used >= 2) add_range(ranges, i + used, i + run);  // stray "}}" with nothing open
    i += run;
  }

  // Unclosed "{{": hide the rest of their paragraph. Positions on the stack ascend.
  std::vector<Range> unclosed;
  size_t covered = 0;
  for (const Open& open : stack) {
    if (open.pos < covered) continue;
    covered = paragraph_end(in, open.pos);
    unclosed.push_back({open.pos, covered});
  }
  std::vector<Range> merged;
  merged.reserve(ranges.size() + unclosed.size());
  std::merge(ranges.begin(), ranges.end(), unclosed.begin(), unclosed.end(),
             std::back_inserter(merged),
             [](const Range& a, const Range& b) { return a.begin < b.begin; });

  std::string out;
  out.reserve(in.size());
  size_t pos = 0;
  for (const Range& range : merged) {
    if (range.end <= pos) continue;
    if (range.begin > pos) out.append(in.substr(pos, range.begin - pos));
    pos = std::max(pos, range.end);
  }
  if (pos < in.size()) out.append(in.substr(pos));
  return out;
}

// --- Pass 3b: inline markup ----------------------------------------------------------------------

constexpr auto kUrlSchemes = std::to_array<std::string_view>({
    "http://", "https://", "ftp://", "ftps://", "sftp://", "//",        "mailto:", "news:",
    "irc://",  "ircs://",  "git://", "svn://",  "ssh://",  "telnet://", "nntp://", "gopher://",
    "urn:",    "tel:",     "geo:",   "magnet:", "xmpp:",   "sip:",      "sips:",   "sms:",
});

bool starts_with_url(std::string_view s) {
  for (std::string_view scheme : kUrlSchemes) {
    if (istarts_with(s, scheme)) return true;
  }
  return false;
}

// HTML tags MediaWiki lets through: stripped, their text kept. The first group separates words.
constexpr auto kBreakingHtmlTags = std::to_array<std::string_view>({
    "br",    "p",  "div", "li",    "ul",      "ol",         "dl",     "dd",         "dt", "hr",
    "table", "tr", "td",  "th",    "caption", "blockquote", "center", "h1",         "h2", "h3",
    "h4",    "h5", "h6",  "tbody", "thead",   "tfoot",      "figure", "figcaption",
});
constexpr auto kInlineHtmlTags = std::to_array<std::string_view>({
    "abbr", "b",    "bdi", "bdo",  "big",   "cite", "code",   "data",   "del", "dfn",
    "em",   "font", "i",   "ins",  "kbd",   "mark", "q",      "rb",     "rp",  "rt",
    "rtc",  "ruby", "s",   "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt",   "u",   "var",  "wbr",   "link", "meta",   "img",
});

// Image options in [[Datei:...|...]] (English and German names): never a caption.
constexpr auto kImageOptions = std::to_array<std::string_view>({
    "thumb",       "thumbnail",  "mini",      "miniatur", "frame",     "framed", "enframed",
    "gerahmt",     "frameless",  "rahmenlos", "border",   "rand",      "right",  "rechts",
    "left",        "links",      "center",    "centre",   "zentriert", "none",   "ohne",
    "upright",     "hochkant",   "baseline",  "middle",   "mitte",     "sub",    "super",
    "sup",         "top",        "oben",      "text-top", "text-oben", "bottom", "unten",
    "text-bottom", "text-unten",
});

bool is_image_option(std::string_view part) {
  for (std::string_view option : kImageOptions) {
    if (iequals(part, option)) return true;
  }
  // Sizes: 200px, 200x100px, x100px, "200 px".
  if (part.size() > 2 && iequals(part.substr(part.size() - 2), "px")) {
    const std::string_view size = trim(part.substr(0, part.size() - 2));
    return !size.empty() && std::all_of(size.begin(), size.end(),
                                        [](char c) { return is_ascii_digit(c) || c == 'x'; });
  }
  // key=value options: alt=, link=, verweis=, upright=, page=, class=, lang=, ...
  const size_t eq = part.find('=');
  if (eq == npos || eq == 0 || eq > 20) return false;
  return std::all_of(part.begin(), part.begin() + static_cast<std::ptrdiff_t>(eq),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '-' || c == '_'; });
}

// Interlanguage and interwiki prefixes: "en:", "zh-min-nan:". Well-known sister-project
// prefixes are excluded: [[wikt:Haus]] is a visible link.
bool is_interlanguage_prefix(std::string_view ns) {
  if (ns.size() < 2 || ns.size() > 12) return false;
  for (char c : ns) {
    if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
  }
  constexpr auto kSisterProjects = std::to_array<std::string_view>(
      {"wikt", "wiktionary", "commons", "wikipedia", "wikisource", "wikiquote", "wikibooks",
       "wikinews", "wikiversity", "wikivoyage", "wikispecies", "species", "meta", "mw", "voy",
       "wikidata"});
  return std::find(kSisterProjects.begin(), kSisterProjects.end(), ns) == kSisterProjects.end();
}

enum Mark : uint8_t {
  kNone = 0,
  kLinkOpen,   // "[[" with a matching "]]"
  kLinkClose,  // "]]" matching a kLinkOpen
  kExtOpen,    // "[" starting an external link closed on the same line
  kExtClose,   // its "]"
  kStray,      // "[[" or "]]" without a partner: dropped
};

// Renders the inline markup of one block and appends the resulting blocks.
class InlineRenderer {
 public:
  InlineRenderer(const std::vector<Strip>& strips, WikitextContent& content)
      : strips_(strips), content_(content) {}

  void emit(BlockKind kind, int level, std::string_view raw) {
    if (trim(raw).empty()) return;
    mark_links(raw);
    std::string out;
    out.reserve(raw.size());
    frames_.clear();
    const size_t n = raw.size();
    size_t i = 0;
    static constexpr ByteSet kSpecial("[]'&<_\x7f");
    while (i < n) {
      const size_t next = std::min(kSpecial.find(raw, i), n);
      out.append(raw.substr(i, next - i));
      i = next;
      if (i == n) break;
      switch (marks_[i]) {
        case kLinkOpen:
          frames_.push_back(out.size());
          i += 2;
          continue;
        case kLinkClose:
          finish_link(out, frames_.back());
          frames_.pop_back();
          i += 2;
          continue;
        case kExtOpen:
          // Skip "[" and the URL; the label (if any) follows the first blank.
          ++i;
          while (i < n && !is_blank(raw[i]) && marks_[i] != kExtClose) ++i;
          continue;
        case kExtClose:
          ++i;
          continue;
        case kStray:
          i += 2;
          continue;
        default:
          break;
      }
      const char c = raw[i];
      if (c == '\'') {
        size_t run = 1;
        while (i + run < n && raw[i + run] == '\'') ++run;
        // '' italic, ''' bold, ''''' both; four is an apostrophe plus bold, more are apostrophes.
        if (run == 1 || run == 4) out += '\'';
        if (run > 5) out.append(run - 5, '\'');
        i += run;
      } else if (c == '&') {
        const size_t used = decode_entity(raw, i, out);
        if (used == 0) out += '&';
        i += std::max<size_t>(used, 1);
      } else if (c == '<') {
        i += html_tag(raw, i, out);
      } else if (c == '_') {
        i += magic_word(raw, i, out);
      } else if (c == kMarker) {
        i += strip_marker(raw, i, kind, level, out);
      } else {  // a bracket that is text
        out += c;
        ++i;
      }
    }
    flush(kind, level, out);
    for (std::string& caption : captions_) {
      std::string text = clean_text(caption);
      if (!text.empty()) content_.blocks.push_back({BlockKind::kCaption, std::move(text), 0});
    }
    captions_.clear();
  }

 private:
  void flush(BlockKind kind, int level, std::string& out) {
    std::string text = clean_text(out);
    out.clear();
    if (text.empty()) return;
    content_.blocks.push_back({kind, std::move(text), kind == BlockKind::kHeading ? level : 0});
  }

  // Pairs "[[" with "]]" and finds external links, so that rendering knows in advance which
  // brackets are markup. Unpaired double brackets are dropped, single ones stay text.
  void mark_links(std::string_view s) {
    marks_.assign(s.size(), kNone);
    stack_.clear();
    FindCache bracket_cache;
    FindCache newline_cache;
    size_t i = 0;
    while (i < s.size()) {
      static constexpr ByteSet kBrackets("[]");
      i = kBrackets.find(s, i);
      if (i == npos) break;
      const bool doubled = i + 1 < s.size() && s[i + 1] == s[i];
      if (s[i] == '[' && doubled && (i == 0 || s[i - 1] != '[')) {
        // "[[[Foo]]]" shows "[Foo]": in a run of an odd number of "[", the first is text.
        size_t run = 2;
        while (i + run < s.size() && s[i + run] == '[') ++run;
        if (run % 2 == 1) {
          ++i;
          continue;
        }
      }
      if (s[i] == '[' && doubled) {
        if (stack_.size() < kMaxLinkDepth) {
          stack_.push_back(i);
        } else {
          marks_[i] = kStray;
        }
        i += 2;
      } else if (s[i] == '[') {
        if (starts_with_url(s.substr(i + 1))) {
          const size_t close = cached_find(s, ']', i + 1, bracket_cache);
          const size_t newline = cached_find(s, '\n', i + 1, newline_cache);
          if (close != npos && close < newline) {
            marks_[i] = kExtOpen;
            marks_[close] = kExtClose;
            i = close + 1;
            continue;
          }
        }
        ++i;
      } else if (doubled) {
        if (stack_.empty()) {
          marks_[i] = kStray;
        } else {
          marks_[stack_.back()] = kLinkOpen;
          marks_[i] = kLinkClose;
          stack_.pop_back();
        }
        i += 2;
      } else {
        ++i;
      }
    }
    for (size_t open : stack_) marks_[open] = kStray;
  }

  static size_t cached_find(std::string_view s, char c, size_t from, FindCache& cache) {
    if (!cache.answers(from)) cache = {from, s.find(c, from)};
    return cache.found;
  }

  // out[start..] holds the rendered inside of a "[[...]]"; replaces it by what the page shows.
  void finish_link(std::string& out, size_t start) {
    scratch_.assign(out, start);
    out.resize(start);
    const std::string_view inner = scratch_;
    const size_t pipe = inner.find('|');
    std::string_view target = trim(inner.substr(0, pipe));
    const bool leading_colon = !target.empty() && target[0] == ':';
    if (leading_colon) target = trim(target.substr(1));
    const size_t colon = target.find(':');
    const std::string_view ns = colon == npos ? std::string_view() : trim(target.substr(0, colon));
    if (!leading_colon && !ns.empty()) {
      if (is_file_namespace(ns)) {
        if (pipe != npos) add_caption(inner.substr(pipe + 1));
        return;
      }
      if (is_category_namespace(ns)) {
        add_category(target.substr(colon + 1));
        return;
      }
      if (is_interlanguage_prefix(ns)) return;
    }
    if (pipe != npos) {
      const std::string_view label = inner.substr(pipe + 1);
      if (!trim(label).empty()) {
        out.append(label);
        return;
      }
      // Pipe trick: [[Kategorie:Foo (Bar)|]] shows "Foo".
      std::string_view shown = colon == npos ? target : trim(target.substr(colon + 1));
      const size_t paren = shown.rfind(" (");
      if (paren != npos && !shown.empty() && shown.back() == ')') shown = shown.substr(0, paren);
      append_title(shown, out);
      return;
    }
    append_title(target, out);
  }

  static void append_title(std::string_view title, std::string& out) {
    for (char c : title) out += c == '_' ? ' ' : c;
  }

  void add_caption(std::string_view options) {
    std::string_view caption;
    size_t pos = 0;
    while (pos <= options.size()) {
      size_t end = options.find('|', pos);
      if (end == npos) end = options.size();
      const std::string_view part = trim(options.substr(pos, end - pos));
      if (!part.empty() && !is_image_option(part)) caption = part;
      pos = end + 1;
    }
    if (!caption.empty()) captions_.emplace_back(caption);
  }

  void add_category(std::string_view name) {
    std::string title;
    append_title(name.substr(0, name.find('|')), title);
    title = clean_text(title);
    if (title.empty()) return;
    auto& categories = content_.categories;
    if (std::find(categories.begin(), categories.end(), title) == categories.end()) {
      categories.push_back(std::move(title));
    }
  }

  // An HTML tag at s[i] == '<' is stripped (a space for block-level tags); anything else is text.
  static size_t html_tag(std::string_view s, size_t i, std::string& out) {
    size_t j = i + 1;
    if (j < s.size() && s[j] == '/') ++j;
    const size_t name_begin = j;
    while (j < s.size() && is_ascii_alnum(s[j]) && j - name_begin < 16) ++j;
    const std::string_view name = s.substr(name_begin, j - name_begin);
    const bool name_ends = !name.empty() && j < s.size() &&
                           (s[j] == '>' || s[j] == '/' || is_blank(s[j]) || s[j] == '\n');
    if (name_ends) {
      const auto matches = [&](std::string_view tag) { return iequals(tag, name); };
      const bool breaking =
          std::any_of(kBreakingHtmlTags.begin(), kBreakingHtmlTags.end(), matches);
      if (breaking || std::any_of(kInlineHtmlTags.begin(), kInlineHtmlTags.end(), matches)) {
        const size_t gt = s.substr(0, std::min(s.size(), j + kMaxTagLength)).find('>', j);
        if (gt != npos) {
          if (breaking) out += ' ';
          return gt + 1 - i;
        }
      }
    }
    out += '<';
    return 1;
  }

  // __TOC__, __NOTOC__, __KEIN_INHALTSVERZEICHNIS__, ...: removed.
  static size_t magic_word(std::string_view s, size_t i, std::string& out) {
    if (i + 1 < s.size() && s[i + 1] == '_') {
      const size_t limit = std::min(s.size(), i + 48);
      for (size_t k = i + 2; k < limit && ((s[k] >= 'A' && s[k] <= 'Z') || s[k] == '_'); ++k) {
        if (s[k] == '_' && k + 1 < s.size() && s[k + 1] == '_') {
          if (k > i + 2) return k + 2 - i;
          break;
        }
      }
    }
    out += '_';
    return 1;
  }

  size_t strip_marker(std::string_view s, size_t i, BlockKind kind, int level, std::string& out) {
    size_t j = i + 1;
    size_t index = 0;
    while (j < s.size() && is_ascii_digit(s[j]))
      index = index * 10 + static_cast<size_t>(s[j++] - '0');
    if (j >= s.size() || s[j] != kMarker || index >= strips_.size()) return 1;
    const Strip& strip = strips_[index];
    if (strip.kind == StripKind::kPre && frames_.empty()) {
      flush(kind, level, out);
      std::string decoded;
      append_decoded(strip.text, decoded);
      std::string text = clean_text_keep_lines(decoded);
      if (!text.empty()) content_.blocks.push_back({BlockKind::kPreformatted, std::move(text), 0});
    } else {
      append_decoded(strip.text, out);
    }
    return j + 1 - i;
  }

  const std::vector<Strip>& strips_;
  WikitextContent& content_;
  std::vector<uint8_t> marks_;
  std::vector<size_t> stack_;
  std::vector<size_t> frames_;  // out.size() at each open "[["
  std::vector<std::string> captions_;
  std::string scratch_;
};

// --- Pass 3a: block structure --------------------------------------------------------------------

constexpr auto kRedirectKeywords = std::to_array<std::string_view>({"#redirect", "#weiterleitung"});

// For "; term : definition": the first ':' outside links and not starting "//" (a URL).
size_t definition_colon(std::string_view s) {
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '[') {
      ++depth;
    } else if (s[i] == ']') {
      depth = std::max(0, depth - 1);
    } else if (s[i] == ':' && depth == 0 && s.substr(i + 1, 2) != "//") {
      return i;
    }
  }
  return npos;
}

class BlockBuilder {
 public:
  BlockBuilder(std::string_view text, InlineRenderer& renderer) : text_(text), renderer_(renderer) {
    // Where the last "|}" line starts: a table still open after it can never close.
    size_t pos = 0;
    while (pos < text_.size()) {
      size_t eol = text_.find('\n', pos);
      if (eol == npos) eol = text_.size();
      if (trim_left(text_.substr(pos, eol - pos)).starts_with("|}")) last_table_end_ = pos;
      pos = eol + 1;
    }
  }

  void run() {
    size_t pos = 0;
    while (pos <= text_.size()) {
      size_t eol = text_.find('\n', pos);
      if (eol == npos) eol = text_.size();
      line(pos, eol);
      pos = eol + 1;
    }
    close_cell();
    flush_paragraph();
  }

 private:
  void line(size_t begin, size_t end) {
    const std::string_view raw = trim_right(text_.substr(begin, end - begin));
    const std::string_view line = trim_left(raw);
    if (table_depth_ > 0) {
      table_line(line, begin);
      return;
    }
    if (line.empty()) {
      flush_paragraph();
      return;
    }
    if (!seen_content_) {
      seen_content_ = true;
      for (std::string_view keyword : kRedirectKeywords) {
        if (istarts_with(line, keyword)) {
          flush_paragraph();
          renderer_.emit(BlockKind::kParagraph, 0, line.substr(keyword.size()));
          return;
        }
      }
    }
    if (line.starts_with("{|")) {
      flush_paragraph();
      table_depth_ = 1;
      return;
    }
    if (line[0] == '=' && heading(line)) return;
    if (line[0] == '*' || line[0] == '#' || line[0] == ':' || line[0] == ';') {
      list_item(line);
      return;
    }
    if (line.starts_with("----")) {
      flush_paragraph();
      const std::string_view rest =
          trim_left(line.substr(std::min(line.find_first_not_of('-'), line.size())));
      if (!rest.empty()) para_begin_ = static_cast<size_t>(rest.data() - text_.data());
      para_end_ = begin + raw.size();
      return;
    }
    if (para_begin_ == npos) para_begin_ = static_cast<size_t>(line.data() - text_.data());
    para_end_ = begin + raw.size();
  }

  bool heading(std::string_view line) {
    const size_t lead = line.find_first_not_of('=');
    if (lead == npos) {  // a line of '=' only: nothing to show
      flush_paragraph();
      return true;
    }
    const size_t trail = line.size() - 1 - line.find_last_not_of('=');
    const size_t level = std::min({lead, trail, size_t{6}});
    if (level == 0) return false;
    flush_paragraph();
    renderer_.emit(BlockKind::kHeading, static_cast<int>(level),
                   line.substr(level, line.size() - 2 * level));
    return true;
  }

  void list_item(std::string_view line) {
    flush_paragraph();
    const size_t prefix = std::min(line.find_first_not_of("*#:;"), line.size());
    const char last = line[prefix - 1];
    const std::string_view rest = trim_left(line.substr(prefix));
    if (rest.starts_with("{|")) {  // ":{|" is an indented table
      table_depth_ = 1;
      return;
    }
    if (last == ';') {
      const size_t colon = definition_colon(rest);
      renderer_.emit(BlockKind::kParagraph, 0, rest.substr(0, colon));
      if (colon != npos) renderer_.emit(BlockKind::kParagraph, 0, rest.substr(colon + 1));
      return;
    }
    renderer_.emit(last == '*' || last == '#' ? BlockKind::kListItem : BlockKind::kParagraph, 0,
                   rest);
  }

  void flush_paragraph() {
    if (para_begin_ != npos && para_end_ > para_begin_) {
      renderer_.emit(BlockKind::kParagraph, 0, text_.substr(para_begin_, para_end_ - para_begin_));
    }
    para_begin_ = npos;
    para_end_ = 0;
  }

  // --- tables

  void table_line(std::string_view line, size_t begin) {
    if (line.empty()) {
      if (last_table_end_ == npos || begin > last_table_end_) {  // unclosed: ends here
        close_cell();
        table_depth_ = 0;
      } else if (cell_open_) {
        cell_ += '\n';
      }
      return;
    }
    if (line.starts_with("{|")) {
      close_cell();
      ++table_depth_;
    } else if (line.starts_with("|}")) {
      close_cell();
      --table_depth_;
    } else if (line.starts_with("|-")) {
      close_cell();
    } else if (line.starts_with("|+")) {
      close_cell();
      cells(line.substr(2), "||", BlockKind::kCaption);
    } else if (line[0] == '|') {
      close_cell();
      cells(line.substr(1), "||", BlockKind::kTableCell);
    } else if (line[0] == '!') {
      close_cell();
      cells(line.substr(1), "!!", BlockKind::kTableCell);
    } else {
      // More text of the open cell; list markers inside cells are dropped.
      const std::string_view text =
          trim_left(line.substr(std::min(line.find_first_not_of("*#:;"), line.size())));
      if (!cell_open_) {
        cell_open_ = true;
        cell_kind_ = BlockKind::kTableCell;
      } else {
        cell_ += '\n';
      }
      cell_.append(text);
    }
  }

  // "a || b || style="x" | c" -> cells a, b, c; the last one stays open for following lines.
  void cells(std::string_view line, std::string_view separator, BlockKind kind) {
    size_t cell_begin = 0;
    size_t attribute_end = npos;  // a single '|' ends the cell's attributes
    int depth = 0;
    size_t i = 0;
    while (i <= line.size()) {
      const bool at_end = i == line.size();
      const bool at_separator =
          !at_end && depth == 0 &&
          (line.substr(i, 2) == separator || (separator == "!!" && line.substr(i, 2) == "||"));
      if (at_end || at_separator) {
        const size_t content_begin = attribute_end == npos ? cell_begin : attribute_end + 1;
        close_cell();
        cell_open_ = true;
        cell_kind_ = kind;
        cell_.assign(line.substr(content_begin, i - content_begin));
        if (at_end) return;
        i += 2;
        cell_begin = i;
        attribute_end = npos;
        continue;
      }
      if (line.substr(i, 2) == "[[") {
        ++depth;
        i += 2;
        continue;
      }
      if (line.substr(i, 2) == "]]") {
        depth = std::max(0, depth - 1);
        i += 2;
        continue;
      }
      if (line[i] == '|' && depth == 0 && attribute_end == npos) attribute_end = i;
      ++i;
    }
  }

  void close_cell() {
    if (cell_open_) renderer_.emit(cell_kind_, 0, cell_);
    cell_open_ = false;
    cell_.clear();
  }

  std::string_view text_;
  InlineRenderer& renderer_;
  size_t para_begin_ = npos;
  size_t para_end_ = 0;
  bool seen_content_ = false;
  int table_depth_ = 0;
  size_t last_table_end_ = npos;
  bool cell_open_ = false;
  BlockKind cell_kind_ = BlockKind::kTableCell;
  std::string cell_;
};

// Drops the headings of sections left without text ("== Einzelnachweise ==" over a removed
// <references />, "== Weblinks ==" over removed links): as words of every article they would
// only match everywhere. Walks backwards, so a section whose subsections are all empty goes too.
void drop_empty_sections(std::vector<Block>& blocks) {
  std::vector<Block> kept;  // in reverse order
  kept.reserve(blocks.size());
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
    const bool empty_section = it->kind == BlockKind::kHeading &&
                               (kept.empty() || (kept.back().kind == BlockKind::kHeading &&
                                                 kept.back().level <= it->level));
    if (!empty_section) kept.push_back(std::move(*it));
  }
  blocks.assign(std::make_move_iterator(kept.rbegin()), std::make_move_iterator(kept.rend()));
}

}  // namespace

WikitextContent parse_wikitext(std::string_view wikitext) {
  WikitextContent content;
  std::vector<Strip> strips;
  const std::string stripped = strip_tags(wikitext, strips);
  const std::string text = remove_templates(stripped);
  InlineRenderer renderer(strips, content);
  BlockBuilder(text, renderer).run();
  drop_empty_sections(content.blocks);
  return content;
}

std::vector<Block> wikitext_to_blocks(std::string_view wikitext) {
  return parse_wikitext(wikitext).blocks;
}

bool is_wikitext_redirect(std::string_view wikitext) {
  const std::string_view text = trim_left(wikitext);
  return std::any_of(kRedirectKeywords.begin(), kRedirectKeywords.end(),
                     [&](std::string_view keyword) { return istarts_with(text, keyword); });
}

}  // namespace fundstelle::extract
