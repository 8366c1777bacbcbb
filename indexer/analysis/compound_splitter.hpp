// Splitting closed German compounds ("Aktienkurs" -> "aktie" + "kurs") into known words, after
// Koehn & Knight (2003): a split wins when the geometric mean of its parts' corpus frequencies
// beats the whole word's frequency.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/compound_lexicon.hpp"

namespace fundstelle::analysis {

// Stateless and thread-safe; callers cache results per word (GermanAnalyzer does).
class CompoundSplitter {
 public:
  // Shorter words are never split (two parts of at least three letters).
  static constexpr size_t kMinWordBytes = 6;

  explicit CompoundSplitter(const CompoundLexicon& lexicon = CompoundLexicon::embedded())
      : lexicon_(lexicon) {}

  // The parts of a folded word, linking elements removed ("vorstandsmitglieder" -> "vorstand",
  // "mitglieder"; "aktienkurs" -> "aktie", "kurs"), at most three; empty if the word is not
  // split. The last part (the head) keeps the word's inflection.
  [[nodiscard]] std::vector<std::string> split(std::string_view folded_word) const;

 private:
  struct Segmentation;
  class Search;

  const CompoundLexicon& lexicon_;
};

}  // namespace fundstelle::analysis
