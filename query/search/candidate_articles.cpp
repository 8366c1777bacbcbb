#include "search/candidate_articles.hpp"

#include <string>
#include <vector>

#include "schema.hpp"
#include "stored_passage.hpp"

namespace fundstelle::query {

CandidateArticles find_candidate_articles(ParallelMatcher& matcher,
                                          const Xapian::Query& stems_query,
                                          const Xapian::Weight& weighting,
                                          Xapian::doccount articles) {
  MatchRequest request;
  request.query = stems_query;
  request.weighting = &weighting;
  // One passage per article: the collapse key is the article's docid, which names its Q term.
  request.collapse_slot = schema::kSlotArticle;
  request.collapse_max = 1;
  const Matches best = matcher.top(request, articles);

  CandidateArticles found;
  found.terms.reserve(best.items.size());
  found.best_passages.reserve(best.items.size());
  for (const Match& match : best.items) {
    found.terms.push_back(article_term(match.collapse_key));
    found.best_passages.push_back(match.docid);
  }
  found.matches_estimated = best.matches_estimated;
  return found;
}

}  // namespace fundstelle::query
