// --explain: how much each part of the query added to one passage's score.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "analysis/german_analyzer.hpp"
#include "search/hit.hpp"

namespace fundstelle::query {

// The contributions of `query`'s term leaves (and phrases, as one) to the weight of document
// `did`, highest first; terms that occur in several places of the query are summed. Each part is
// weighed by running it, scaled as in the query, restricted to the passage (its unique
// `only_passage`, see article_reader.hpp) with the same `weighting`, so the parts add up to the
// passage's score. A stem's words (stem_query.hpp) count as the stem, which `analyzer` names; a
// stem with a single word in the index is that word.
[[nodiscard]] std::vector<TermContribution> explain_match(const Xapian::Database& db,
                                                          const Xapian::Query& query,
                                                          Xapian::docid did,
                                                          const Xapian::Query& only_passage,
                                                          const Xapian::Weight& weighting,
                                                          analysis::GermanAnalyzer& analyzer);

}  // namespace fundstelle::query
