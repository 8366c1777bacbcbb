// The German analyzer: the one definition of how text becomes index terms, used by the indexer
// for documents and by the query tool for queries, so that both sides always agree.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/tokenizer.hpp"

namespace fundstelle::analysis {

// Name and version of the analysis, stored in the index; bump it whenever terms change.
inline constexpr std::string_view kAnalyzerName = "german2-fold-hyphenparts/1";

// A word's two index forms: `exact` is the folded surface form (normalizer.hpp), `stem` the
// Snowball "german2" stem of it — every word is stemmed, nouns included.
struct Terms {
  std::string exact;
  std::string stem;
};

// One analysed word of the input.
struct AnalyzedWord {
  Span span;                 // bytes in the analysed text
  Terms whole;               // for "KI-Entwicklung": "kientwicklung" / its stem
  std::vector<Terms> parts;  // for "KI-Entwicklung": "ki", "entwicklung"; empty for simple words
  std::vector<Span> part_spans;  // where each part is, parallel to `parts`
  bool stopword = false;         // the whole word is a German stopword
};

// Terms longer than this (URLs, base64, garbage) are not indexed; Xapian's hard limit is 245.
inline constexpr size_t kMaxTermBytes = 64;

// Not thread-safe (it caches stems): use one analyzer per thread.
class GermanAnalyzer {
 public:
  GermanAnalyzer();

  // Streams the words of `text` (which must outlive the stream).
  class WordStream {
   public:
    // Fills `word` (reusing its storage); false at the end.
    bool next(AnalyzedWord& word);

   private:
    friend class GermanAnalyzer;
    WordStream(GermanAnalyzer& analyzer, std::string_view text)
        : analyzer_(analyzer), text_(text), tokenizer_(text) {}
    GermanAnalyzer& analyzer_;
    std::string_view text_;
    Tokenizer tokenizer_;
    Token token_;
  };

  [[nodiscard]] WordStream words(std::string_view text) { return WordStream(*this, text); }

  // The stem of an already folded word (cached).
  [[nodiscard]] const std::string& stem(const std::string& folded);

  // Folds and stems one word.
  void analyze_word(std::string_view word, Terms& out);

 private:
  Xapian::Stem stemmer_;
  std::unordered_map<std::string, std::string> stem_cache_;
};

}  // namespace fundstelle::analysis
