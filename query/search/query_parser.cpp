#include "search/query_parser.hpp"

#include <cctype>

namespace fundstelle::query {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Starts a word: an ASCII letter or digit, or any non-ASCII byte (umlauts, other scripts).
bool starts_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) != 0;
}

// German typography uses „…“ and »…« as well as "…".
size_t quote_length(std::string_view s) {
  if (s.starts_with('"')) return 1;
  for (std::string_view q : {"\u201E", "\u201C", "\u201D"}) {
    if (s.starts_with(q)) return q.size();
  }
  for (std::string_view q : {"\u00BB", "\u00AB"}) {
    if (s.starts_with(q)) return q.size();
  }
  return 0;
}

}  // namespace

std::vector<Clause> parse_query(std::string_view input) {
  std::vector<Clause> clauses;
  size_t i = 0;
  while (i < input.size()) {
    if (is_space(input[i])) {
      ++i;
      continue;
    }
    Occurrence occurrence = Occurrence::kShould;
    if ((input[i] == '+' || input[i] == '-') && i + 1 < input.size()) {
      const size_t after = i + 1;
      if (starts_word(input[after]) || quote_length(input.substr(after)) > 0) {
        occurrence = input[i] == '+' ? Occurrence::kMust : Occurrence::kMustNot;
        i = after;
      }
    }
    if (const size_t q = quote_length(input.substr(i)); q > 0) {
      const size_t start = i + q;
      size_t end = start;
      size_t close = 0;
      while (end < input.size() && (close = quote_length(input.substr(end))) == 0) ++end;
      clauses.push_back({std::string(input.substr(start, end - start)), true, occurrence});
      i = end < input.size() ? end + close : end;
      continue;
    }
    size_t end = i;
    while (end < input.size() && !is_space(input[end]) && quote_length(input.substr(end)) == 0) {
      ++end;
    }
    if (end == i) end = i + 1;  // a stray character; skip it
    clauses.push_back({std::string(input.substr(i, end - i)), false, occurrence});
    i = end;
  }
  return clauses;
}

}  // namespace fundstelle::query
