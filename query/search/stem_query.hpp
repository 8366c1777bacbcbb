// The terms that stand for all words of one stem. The index writes a stem term only where the
// stem differs from the word's exact form (schema.hpp): "häuser" has "Zhaus", "haus" only its
// exact term "haus". Searching stem s therefore means "Z" + s and, when s is a word that stems
// to itself, the exact term s as well.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "analysis/german_analyzer.hpp"

namespace fundstelle::query {

// Stem `stem` as one term for ranking: OP_SYNONYM, so BM25 sees one word with the summed
// frequency. `stem_prefix`/`exact_prefix`: schema::kStem/"" for passage text,
// schema::kTitleStem/kTitle for titles.
Xapian::Query stem_query(std::string_view stem_prefix, std::string_view exact_prefix,
                         const std::string& stem, analysis::GermanAnalyzer& analyzer);

// Passages holding a word of stem `stem` in their text: the larger of the two terms' counts (a
// lower bound, which is all "does it occur at all" needs).
Xapian::doccount stem_frequency(const Xapian::Database& db, const std::string& stem,
                                analysis::GermanAnalyzer& analyzer);

}  // namespace fundstelle::query
