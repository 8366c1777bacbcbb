#include "analysis/german_analyzer.hpp"

#include "analysis/normalizer.hpp"
#include "analysis/stopwords.hpp"

namespace fundstelle::analysis {
namespace {

// The cache only has to hold a language's working vocabulary; beyond that it is reset so that
// memory stays bounded on endless streams of rare words.
constexpr size_t kMaxCachedStems = 1 << 20;

}  // namespace

GermanAnalyzer::GermanAnalyzer() : stemmer_("german2") {}

const std::string& GermanAnalyzer::stem(const std::string& folded) {
  auto it = stem_cache_.find(folded);
  if (it != stem_cache_.end()) return it->second;
  if (stem_cache_.size() >= kMaxCachedStems) stem_cache_.clear();
  // Snowball does not stem words containing digits sensibly ("covid19"): keep them as they are.
  const bool has_digit = folded.find_first_of("0123456789") != std::string::npos;
  return stem_cache_.emplace(folded, has_digit ? folded : stemmer_(folded)).first->second;
}

void GermanAnalyzer::analyze_word(std::string_view word, Terms& out) {
  out.exact.clear();
  append_folded(word, out.exact);
  out.stem = stem(out.exact);
}

bool GermanAnalyzer::WordStream::next(AnalyzedWord& word) {
  while (tokenizer_.next(token_)) {
    const std::string_view surface =
        text_.substr(token_.span.begin, token_.span.end - token_.span.begin);
    analyzer_.analyze_word(surface, word.whole);
    if (word.whole.exact.empty() || word.whole.exact.size() > kMaxTermBytes) continue;
    word.span = token_.span;
    word.stopword = is_stopword(word.whole.exact);
    word.parts.resize(token_.parts.size());
    word.part_spans = token_.parts;
    for (size_t i = 0; i < token_.parts.size(); ++i) {
      const Span part = token_.parts[i];
      analyzer_.analyze_word(text_.substr(part.begin, part.end - part.begin), word.parts[i]);
    }
    return true;
  }
  return false;
}

}  // namespace fundstelle::analysis
