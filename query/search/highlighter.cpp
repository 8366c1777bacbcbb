#include "search/highlighter.hpp"

namespace fundstelle::query {
namespace {

bool matches(const analysis::Terms& terms, const std::set<std::string>& exact,
             const std::set<std::string>& stems) {
  return exact.count(terms.exact) > 0 || stems.count(terms.stem) > 0;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> find_highlights(std::string_view text,
                                                       const std::set<std::string>& exact,
                                                       const std::set<std::string>& stems,
                                                       analysis::GermanAnalyzer& analyzer) {
  std::vector<std::pair<size_t, size_t>> ranges;
  if (exact.empty() && stems.empty()) return ranges;
  analysis::AnalyzedWord word;
  auto stream = analyzer.words(text);
  while (stream.next(word)) {
    if (matches(word.whole, exact, stems)) {
      ranges.emplace_back(word.span.begin, word.span.end);
      continue;
    }
    for (size_t i = 0; i < word.parts.size(); ++i) {
      if (matches(word.parts[i], exact, stems)) {
        ranges.emplace_back(word.part_spans[i].begin, word.part_spans[i].end);
      }
    }
  }
  return ranges;
}

}  // namespace fundstelle::query
