// Spelling suggestions from the index vocabulary ("Meinten Sie: …"): the words the index
// lists by length and first byte (vocabulary.hpp), their frequencies from its terms (see README,
// "Suggestions").
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "analysis/german_analyzer.hpp"
#include "search/stem_query.hpp"
#include "search/vocabulary.hpp"

namespace fundstelle::query {

struct SpellingOptions {
  // Also correct words the index knows but rarely (at most this many passages) when a close word
  // is far more frequent; the caller sets it when the query found little. 0: unknown words only.
  Xapian::doccount rare_below = 0;
  // A replacement must occur in at least this many passages (a typo in the corpus is no advice).
  Xapian::doccount min_frequency = 2;
};

// The folded index word closest to the folded `word` (edit distance 1, or 2 for words of 6 bytes
// or more; same first letter), the most frequent on ties, then the first in byte order; nullopt
// for words under 4 bytes or when nothing is close. Reads the vocabulary's words of the word's
// first byte and about its length.
[[nodiscard]] std::optional<std::string> suggest_word(const Xapian::Database& db,
                                                      const Vocabulary& vocabulary,
                                                      std::string_view word,
                                                      const SpellingOptions& options = {});

// `query_text` with its misspelled words replaced (case of the first letter kept, the rest of
// the text untouched), or nullopt if every word is known. Operators, field names and stopwords
// are never changed. A word is known if the index has it or another word of its stem (`lexicon`).
// Never throws for any input text; Xapian errors propagate.
[[nodiscard]] std::optional<std::string> suggest_query(
    const Xapian::Database& db, const Vocabulary& vocabulary, std::string_view query_text,
    analysis::GermanAnalyzer& analyzer, StemLexicon& lexicon, const SpellingOptions& options = {});

// Optimal string alignment distance (Levenshtein plus adjacent transpositions) of two byte
// strings, or `limit + 1` as soon as it must exceed `limit`.
[[nodiscard]] size_t edit_distance(std::string_view a, std::string_view b, size_t limit);

}  // namespace fundstelle::query
