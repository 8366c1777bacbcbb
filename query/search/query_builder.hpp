// Turning parsed clauses into a Xapian query over the passage index, with the same analyzer the
// indexer used.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "analysis/german_analyzer.hpp"
#include "search/query_parser.hpp"
#include "search/stem_query.hpp"
#include "search/synonyms.hpp"

namespace fundstelle::query {

// Relative weights of the evidence a word contributes (BM25 scores are scaled by these).
struct QueryWeights {
  double stem = 1.0;      // the word's stem: every inflected form matches
  double exact = 0.3;     // bonus when the surface form (folded) matches too
  double part = 0.5;      // a compound's part (KI-Entwicklung, Aktienkurs), below the whole word
  double title = 0.3;     // the word in the article's title
  double stopword = 0.5;  // function words of a question: they only add to passages matched anyway
  double synonym = 0.8;   // another member of the word's synonym group, below what was typed
};

// Word* expands to at most this many index terms, the most frequent ones: enough for the
// inflections and compounds of a stem, bounded so that "ab*" stays fast.
inline constexpr Xapian::termcount kMaxWildcardTerms = 100;
// author:/site: a value that is a word of longer names matches at most this many of them.
inline constexpr size_t kMaxFieldValues = 200;

// What the builder may consult besides the analyzer; each is optional.
struct QueryResources {
  const Synonyms* synonyms = nullptr;          // null: no synonyms
  const Xapian::Database* database = nullptr;  // null: author:/site: match whole values only
  StemLexicon* stem_lexicon = nullptr;         // null: a stem stands only for itself
};

struct BuiltQuery {
  Xapian::Query query;  // empty (MatchNothing) if the input had no words
  // For a plain question (words only, no operators): the words' stems and titles, a cheaper query
  // whose best articles hold the best passages of `query` (see candidate_articles.hpp). Empty
  // when the query has operators, phrases or filters, which prune well on their own.
  Xapian::Query candidates;
  // The query holds a phrase or NEAR: filters must not probe it (restricted(), filter_queries.hpp).
  bool positional = false;
  // What to highlight in hits: folded exact forms, stems and prefixes (Word*) of positive words.
  std::set<std::string> highlight_exact;
  std::set<std::string> highlight_stems;
  std::set<std::string> highlight_prefixes;
};

// Stopwords ("Wer", "wurde", "die") weigh little unless the query has nothing else; inside a
// quoted phrase they match exactly. author:, site: and date: filter without adding weight;
// title: requires its words in the article's title.
[[nodiscard]] BuiltQuery build_query(const std::vector<Clause>& clauses,
                                     analysis::GermanAnalyzer& analyzer,
                                     const QueryWeights& weights = {},
                                     const QueryResources& resources = {});

}  // namespace fundstelle::query
