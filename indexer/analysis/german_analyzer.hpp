// The German analyzer: the one definition of how text becomes index terms, used by the indexer
// for documents and by the query tool for queries, so that both sides always agree.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analysis/compound_splitter.hpp"
#include "analysis/tokenizer.hpp"
#include "analysis/word_table.hpp"

namespace fundstelle::analysis {

// Name and version of the analysis, stored in the index; bump it whenever terms change.
inline constexpr std::string_view kAnalyzerName = "german2-fold-compoundparts/2";

// A word's two index forms: `exact` is the folded surface form (normalizer.hpp), `stem` the
// Snowball "german2" stem of it — every word is stemmed, nouns included.
struct Terms {
  std::string exact;
  std::string stem;
};

// One analysed word of the input.
struct AnalyzedWord {
  Span span;    // bytes in the analysed text
  Terms whole;  // for "KI-Entwicklung": "kientwicklung" / its stem
  // The compound's parts: hyphen parts ("KI-Entwicklung": "ki", "entwicklung") and the parts of
  // closed compounds ("Aktienkurs": "aktie", "kurs"; also inside hyphen parts); empty for simple
  // words.
  std::vector<Terms> parts;
  // Where each part is, parallel to `parts`: a closed compound's parts all span the word (or
  // hyphen part) they come from, since folding and linking elements blur their exact bytes.
  std::vector<Span> part_spans;
  bool stopword = false;  // the whole word is a German stopword
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
    Terms part_terms_;
  };

  [[nodiscard]] WordStream words(std::string_view text) { return WordStream(*this, text); }

  // The stem of an already folded word (cached).
  [[nodiscard]] const std::string& stem(const std::string& folded);

  // Folds and stems one word.
  void analyze_word(std::string_view word, Terms& out);

  // The parts of a closed compound with their stems (CompoundSplitter; cached); empty if the
  // folded word is not split.
  [[nodiscard]] const std::vector<Terms>& compound_parts(const std::string& folded);

 private:
  // What the analyzer knows about a folded word: one cache entry, so that a word of the text
  // costs one hash lookup (WordTable).
  struct KnownWord {
    std::string stem;
    std::vector<Terms> parts;  // closed-compound parts, valid once `split`
    bool split = false;
    bool stopword = false;
  };
  // The entry of `folded`, with its stem; its parts only once compound_parts asked.
  KnownWord& known(const std::string& folded);
  // Folds `surface` into `out.exact` and stems it; returns the word's entry.
  const KnownWord& analyze(std::string_view surface, Terms& out);
  // The closed-compound parts of `folded`, whose entry `word` is (one lookup when known).
  const std::vector<Terms>& parts_of(const KnownWord& word, const std::string& folded) {
    return word.split ? word.parts : compound_parts(folded);
  }
  // Appends `terms` as a part, or its closed-compound parts if it is one.
  void append_parts(const Terms& terms, const std::vector<Terms>& closed, Span span,
                    AnalyzedWord& word);

  Xapian::Stem stemmer_;
  WordTable<KnownWord> known_;
  CompoundSplitter splitter_;
};

}  // namespace fundstelle::analysis
