#include "analysis/german_analyzer.hpp"

#include "analysis/normalizer.hpp"
#include "analysis/stopwords.hpp"

namespace fundstelle::analysis {
namespace {

// The cache only has to hold a language's working vocabulary; beyond that it is reset so that
// memory stays bounded on endless streams of rare words.
constexpr size_t kMaxCachedWords = 1 << 20;

}  // namespace

GermanAnalyzer::GermanAnalyzer() : stemmer_("german2") {}

GermanAnalyzer::KnownWord& GermanAnalyzer::known(const std::string& folded) {
  if (KnownWord* word = known_.find(folded)) return *word;
  if (known_.size() >= kMaxCachedWords) known_.clear();
  // Snowball does not stem words containing digits sensibly ("covid19"): keep them as they are.
  const bool has_digit = folded.find_first_of("0123456789") != std::string::npos;
  KnownWord word;
  word.stem = has_digit ? folded : stemmer_(folded);
  // Most words are too short to split: they are known as unsplit at once.
  word.split = folded.size() < CompoundSplitter::kMinWordBytes;
  word.stopword = is_stopword(folded);
  return known_.insert(folded, std::move(word));
}

const std::string& GermanAnalyzer::stem(const std::string& folded) { return known(folded).stem; }

void GermanAnalyzer::analyze_word(std::string_view word, Terms& out) { (void)analyze(word, out); }

const std::vector<Terms>& GermanAnalyzer::compound_parts(const std::string& folded) {
  KnownWord* word = &known(folded);
  if (word->split) return word->parts;
  std::vector<Terms> parts;
  for (std::string& part : splitter_.split(folded)) {
    std::string part_stem = stem(part);
    parts.push_back({std::move(part), std::move(part_stem)});
  }
  // Stemming the parts may have reset the cache: look the word up again.
  word = &known(folded);
  word->parts = std::move(parts);
  word->split = true;
  return word->parts;
}

const GermanAnalyzer::KnownWord& GermanAnalyzer::analyze(std::string_view surface, Terms& out) {
  out.exact.clear();
  append_folded(surface, out.exact);
  const KnownWord& word = known(out.exact);
  out.stem = word.stem;
  return word;
}

void GermanAnalyzer::append_parts(const Terms& terms, const std::vector<Terms>& closed, Span span,
                                  AnalyzedWord& word) {
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
    const KnownWord& known = analyzer_.analyze(surface, word.whole);
    if (word.whole.exact.empty() || word.whole.exact.size() > kMaxTermBytes) continue;
    word.span = token_.span;
    word.stopword = known.stopword;
    word.parts.clear();
    word.part_spans.clear();
    if (token_.parts.empty()) {
      const std::vector<Terms>& closed = analyzer_.parts_of(known, word.whole.exact);
      word.parts.assign(closed.begin(), closed.end());
      word.part_spans.assign(closed.size(), token_.span);
      return true;
    }
    for (const Span part : token_.parts) {
      const KnownWord& part_known =
          analyzer_.analyze(text_.substr(part.begin, part.end - part.begin), part_terms_);
      analyzer_.append_parts(part_terms_, analyzer_.parts_of(part_known, part_terms_.exact), part,
                             word);
    }
    return true;
  }
  return false;
}

}  // namespace fundstelle::analysis
