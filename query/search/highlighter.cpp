#include "search/highlighter.hpp"

namespace fundstelle::query {
namespace {

struct Wanted {
  const std::set<std::string>& exact;
  const std::set<std::string>& stems;
  const std::set<std::string>& prefixes;
};

bool matches(const analysis::Terms& terms, const Wanted& wanted) {
  if (wanted.exact.count(terms.exact) > 0 || wanted.stems.count(terms.stem) > 0) return true;
  for (const std::string& prefix : wanted.prefixes) {
    if (terms.exact.starts_with(prefix)) return true;
  }
  return false;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> find_highlights(std::string_view text,
                                                       const std::set<std::string>& exact,
                                                       const std::set<std::string>& stems,
                                                       analysis::GermanAnalyzer& analyzer,
                                                       const std::set<std::string>& prefixes) {
  std::vector<std::pair<size_t, size_t>> ranges;
  if (exact.empty() && stems.empty() && prefixes.empty()) return ranges;
  const Wanted wanted{exact, stems, prefixes};
  analysis::AnalyzedWord word;
  auto stream = analyzer.words(text);
  while (stream.next(word)) {
    if (matches(word.whole, wanted)) {
      ranges.emplace_back(word.span.begin, word.span.end);
      continue;
    }
    for (size_t i = 0; i < word.parts.size(); ++i) {
      if (matches(word.parts[i], wanted)) {
        ranges.emplace_back(word.part_spans[i].begin, word.part_spans[i].end);
      }
    }
  }
  return ranges;
}

}  // namespace fundstelle::query
