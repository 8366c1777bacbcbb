#include "print/plain_text.hpp"

#include <algorithm>
#include <map>

namespace fundstelle::query {
namespace {

// Decodes the code point at `pos` (advancing it); invalid bytes come back as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(pos);
  size_t length = lead < 0x80           ? 1
                  : (lead >> 5) == 0x6  ? 2
                  : (lead >> 4) == 0xE  ? 3
                  : (lead >> 3) == 0x1E ? 4
                                        : 0;
  if (length == 0 || pos + length > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? lead : lead & (0xFF >> (length + 1));
  for (size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  pos += length;
  return cp;
}

const std::map<char32_t, const char*>& ascii_spellings() {
  static const std::map<char32_t, const char*> spellings = {
      {U'ä', "ae"},  {U'ö', "oe"},     {U'ü', "ue"}, {U'Ä', "Ae"}, {U'Ö', "Oe"},  {U'Ü', "Ue"},
      {U'ß', "ss"},  {U'é', "e"},      {U'è', "e"},  {U'à', "a"},  {U'ç', "c"},   {U'ñ', "n"},
      {U'„', "\""},  {U'“', "\""},     {U'”', "\""}, {U'»', "\""}, {U'«', "\""},  {U'‚', "'"},
      {U'‘', "'"},   {U'’', "'"},      {U'–', "-"},  {U'—', "-"},  {U'…', "..."}, {U'·', "|"},
      {U'€', "EUR"}, {U'\u00A0', " "}, {U'─', "-"},  {U'▶', ">"}};
  return spellings;
}

}  // namespace

size_t display_columns(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string to_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      out += text[pos++];
      continue;
    }
    const char32_t cp = next_code_point(text, pos);
    const auto it = ascii_spellings().find(cp);
    out += it != ascii_spellings().end() ? it->second : "?";
  }
  return out;
}

std::string displayable(std::string_view text, const TextStyle& style) {
  return style.utf8 ? std::string(text) : to_ascii(text);
}

void print_wrapped(std::string_view text, const std::vector<std::pair<size_t, size_t>>& highlights,
                   const TextStyle& style, const std::string& indent, std::ostream& out,
                   const char* highlight) {
  // Narrow terminals still get at least 20 columns of text per line.
  const size_t width = style.width > indent.size() + 20 ? style.width - indent.size() : 20;
  size_t next_highlight = 0;
  size_t line_columns = 0;
  out << indent;
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '\n') {  // block boundaries inside a passage stay visible
      out << '\n' << indent;
      line_columns = 0;
      while (pos < text.size() && text[pos] == '\n') ++pos;
      continue;
    }
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    size_t end = text.find_first_of(" \n", pos);
    if (end == std::string::npos) end = text.size();
    const size_t word_columns = display_columns(displayable(text.substr(pos, end - pos), style));
    if (line_columns > 0 && line_columns + 1 + word_columns > width) {
      out << '\n' << indent;
      line_columns = 0;
    } else if (line_columns > 0) {
      out << ' ';
      ++line_columns;
    }
    // Emit the word, switching highlight on and off at range boundaries inside it.
    for (size_t i = pos; i < end;) {
      while (next_highlight < highlights.size() && highlights[next_highlight].second <= i) {
        ++next_highlight;
      }
      const bool inside =
          next_highlight < highlights.size() && highlights[next_highlight].first <= i;
      size_t stop = end;
      if (next_highlight < highlights.size()) {
        const auto [begin, finish] = highlights[next_highlight];
        stop = std::min(end, inside ? finish : std::max(begin, i + 1));
      }
      const std::string piece = displayable(text.substr(i, stop - i), style);
      // Without colour, matches stay plain: piped output is clean text.
      if (inside && style.color) {
        out << highlight << piece << kAnsiReset;
      } else {
        out << piece;
      }
      i = stop;
    }
    line_columns += word_columns;
    pos = end;
  }
  out << '\n';
}

}  // namespace fundstelle::query
