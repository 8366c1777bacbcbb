// Two-phase ranking of plain questions: the articles whose passages best match the words' stems
// and titles are the candidates, and the full query (exact forms, compound parts, stopwords,
// synonyms) ranks only their passages. The full query walks three posting lists per word and the
// stopwords' over the whole index; the candidate query walks the stems' and titles' lists
// (BuiltQuery::candidates).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "search/parallel_match.hpp"

namespace fundstelle::query {

// Candidate articles for a top-10 page; more when the page asks for more (see searcher.cpp).
// On the 200 MB benchmark index 110 give the exhaustive top 10 for 478 of 500 dev questions
// (100: 474, 120: 480); every 10 more cost ~3 % of the median latency (bench_query).
inline constexpr Xapian::doccount kCandidateArticles = 110;

struct CandidateArticles {
  // The articles' Q terms, best first; fewer than asked: every article that matches.
  std::vector<std::string> terms;
  // Each article's best passage, a docid of the combined database (it names the article's shard).
  std::vector<Xapian::docid> best_passages;
  // Passages the candidate query matches (Xapian's estimate).
  Xapian::doccount matches_estimated = 0;
};

// The best `articles` articles by their best passage under `stems_query` (BM25 `weighting`).
[[nodiscard]] CandidateArticles find_candidate_articles(ParallelMatcher& matcher,
                                                        const Xapian::Query& stems_query,
                                                        const Xapian::Weight& weighting,
                                                        Xapian::doccount articles);

}  // namespace fundstelle::query
