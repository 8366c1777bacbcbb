#include <fmt/format.h>

#include "print/printer.hpp"

namespace fundstelle::query {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kHighlight = "\033[1;31m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kReset = "\033[0m";

// Display columns of UTF-8 text: one per code point (continuation bytes do not count).
size_t columns(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Writes `text` wrapped at `width` columns with `indent`, marking the highlight ranges.
void print_wrapped(const Hit& hit, const TextStyle& style, const std::string& indent,
                   std::ostream& out) {
  const std::string& text = hit.text;
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
    const std::string_view word(text.data() + pos, end - pos);
    const size_t word_columns = columns(word);
    if (line_columns > 0 && line_columns + 1 + word_columns > width) {
      out << '\n' << indent;
      line_columns = 0;
    } else if (line_columns > 0) {
      out << ' ';
      ++line_columns;
    }
    // Emit the word, switching highlight on and off at range boundaries inside it.
    for (size_t i = pos; i < end;) {
      while (next_highlight < hit.highlights.size() && hit.highlights[next_highlight].second <= i) {
        ++next_highlight;
      }
      const bool inside =
          next_highlight < hit.highlights.size() && hit.highlights[next_highlight].first <= i;
      size_t stop = end;
      if (next_highlight < hit.highlights.size()) {
        const auto [hb, he] = hit.highlights[next_highlight];
        stop = std::min(end, inside ? he : std::max(hb, i + 1));
      }
      const std::string_view piece(text.data() + i, stop - i);
      // Without colour, matches stay plain: piped output is clean text.
      if (inside && style.color) {
        out << kHighlight << piece << kReset;
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

std::string metadata_line(const Hit& hit) {
  // "docid#n" is also what --show and TREC runs use to name a passage.
  std::string line = fmt::format("{}#{}", hit.docid, hit.passage);
  if (hit.passage_count > 0) line += fmt::format(" of {}", hit.passage_count);
  for (const char* key : {"published", "author", "site_name"}) {
    const auto it = hit.metadata.find(key);
    if (it != hit.metadata.end() && !it->second.empty()) {
      line += " · ";
      line += std::string(key) == "published" ? it->second.substr(0, 10) : it->second;
    }
  }
  line += " · " + hit.source;
  return line;
}

}  // namespace

void print_text(const std::vector<Hit>& hits, const TextStyle& style, std::ostream& out) {
  for (const Hit& hit : hits) {
    const std::string header = fmt::format("{:>2}. [{:.2f}] {}", hit.rank, hit.score,
                                           hit.title.empty() ? hit.docid : hit.title);
    if (style.color) {
      out << kBold << header << kReset << '\n'
          << "    " << kDim << metadata_line(hit) << kReset << '\n';
    } else {
      out << header << '\n' << "    " << metadata_line(hit) << '\n';
    }
    print_wrapped(hit, style, "    ", out);
    out << '\n';
  }
}

}  // namespace fundstelle::query
