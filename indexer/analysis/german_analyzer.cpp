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

const std::vector<Terms>& GermanAnalyzer::compound_parts(const std::string& folded) {
  // Most words are too short to split: they skip the cache lookup.
  static const std::vector<Terms> kNone;
  if (folded.size() < CompoundSplitter::kMinWordBytes) return kNone;
  auto it = compound_cache_.find(folded);
  if (it != compound_cache_.end()) return it->second;
  if (compound_cache_.size() >= kMaxCachedStems) compound_cache_.clear();
  std::vector<Terms> parts;
  for (std::string& part : splitter_.split(folded)) {
    std::string part_stem = stem(part);
    parts.push_back({std::move(part), std::move(part_stem)});
  }
  return compound_cache_.emplace(folded, std::move(parts)).first->second;
}

void GermanAnalyzer::append_parts(const Terms& terms, Span span, AnalyzedWord& word) {
  const std::vector<Terms>& closed = compound_parts(terms.exact);
  if (closed.empty()) {
    word.parts.push_back(terms);
    word.part_spans.push_back(span);
    return;
  }
  word.parts.insert(word.parts.end(), closed.begin(), closed.end());
  word.part_spans.insert(word.part_spans.end(), closed.size(), span);
}

bool GermanAnalyzer::WordStream::next(AnalyzedWord& word) {
  while (tokenizer_.next(token_)) {
    const std::string_view surface =
        text_.substr(token_.span.begin, token_.span.end - token_.span.begin);
    analyzer_.analyze_word(surface, word.whole);
    if (word.whole.exact.empty() || word.whole.exact.size() > kMaxTermBytes) continue;
    word.span = token_.span;
    word.stopword = is_stopword(word.whole.exact);
    word.parts.clear();
    word.part_spans.clear();
    if (token_.parts.empty()) {
      const std::vector<Terms>& closed = analyzer_.compound_parts(word.whole.exact);
      word.parts.assign(closed.begin(), closed.end());
      word.part_spans.assign(closed.size(), token_.span);
      return true;
    }
    for (const Span part : token_.parts) {
      analyzer_.analyze_word(text_.substr(part.begin, part.end - part.begin), part_terms_);
      analyzer_.append_parts(part_terms_, part, word);
    }
    return true;
  }
  return false;
}

}  // namespace fundstelle::analysis
