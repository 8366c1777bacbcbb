// Turning parsed clauses into a Xapian query over the passage index, with the same analyzer the
// indexer used.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "analysis/german_analyzer.hpp"
#include "search/query_parser.hpp"

namespace fundstelle::query {

// Relative weights of the evidence a word contributes (BM25 scores are scaled by these).
struct QueryWeights {
  double stem = 1.0;      // the word's stem: every inflected form matches
  double exact = 0.3;     // bonus when the surface form (folded) matches too
  double part = 0.5;      // a compound's part (KI-Entwicklung, Aktienkurs), below the whole word
  double title = 0.3;     // the word in the article's title
  double stopword = 0.1;  // function words of a question: they break ties, never dominate
};

struct BuiltQuery {
  Xapian::Query query;  // empty (MatchNothing) if the input had no words
  // What to highlight in hits: folded exact forms and stems of the positive words.
  std::set<std::string> highlight_exact;
  std::set<std::string> highlight_stems;
};

// Stopwords ("Wer", "wurde", "die") weigh little unless the query has nothing else; inside a
// quoted phrase they match exactly.
[[nodiscard]] BuiltQuery build_query(const std::vector<Clause>& clauses,
                                     analysis::GermanAnalyzer& analyzer,
                                     const QueryWeights& weights = {});

}  // namespace fundstelle::query
