// The word list behind compound splitting: which folded words are German words, how often each
// occurs in a news corpus, and whether it is a noun. Built at build time by
// make_compound_lexicon.cpp from data/word-counts-de.tsv and the system's German word list.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace fundstelle::analysis {

struct LexiconEntry {
  uint32_t count = 0;             // occurrences in the corpus (0: only in the dictionary)
  bool corpus_noun = false;       // mostly capitalised in the corpus
  bool dictionary_noun = false;   // listed capitalised in the dictionary
  bool dictionary_other = false;  // listed in lower case in the dictionary
};

// A read-only view of lexicon text: sorted lines `word<TAB>count<TAB>flags`, flags being any of
// C (corpus noun), N (dictionary noun), o (other dictionary word). Thread-safe after construction.
class CompoundLexicon {
 public:
  // `text` must outlive the lexicon.
  explicit CompoundLexicon(std::string_view text);

  // The lexicon embedded in the binary (built once, on first use).
  [[nodiscard]] static const CompoundLexicon& embedded();

  [[nodiscard]] std::optional<LexiconEntry> find(std::string_view folded_word) const;
  [[nodiscard]] size_t size() const { return lines_.size(); }

 private:
  // Where a line's word is in `text_`: kept with its length, so that comparing words in the
  // binary search does not scan for the tab (which showed in indexing profiles).
  struct Line {
    uint32_t start;
    uint32_t word_length;
  };
  [[nodiscard]] std::string_view word(const Line& line) const {
    return text_.substr(line.start, line.word_length);
  }

  std::string_view text_;
  std::vector<Line> lines_;
  // Lines whose word starts with the same two bytes are contiguous: the range of each 16-bit
  // prefix narrows the binary search to a few hundred lines.
  std::vector<uint32_t> bucket_begin_;  // 65537 entries, indexes into lines_
};

}  // namespace fundstelle::analysis
