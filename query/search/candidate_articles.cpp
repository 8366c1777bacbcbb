#include "search/candidate_articles.hpp"

#include <string>
#include <vector>

#include "schema.hpp"
#include "stored_passage.hpp"

namespace fundstelle::query {

CandidateArticles find_candidate_articles(const Xapian::Database& db,
                                          const Xapian::Query& stems_query,
                                          const Xapian::Weight& weighting,
                                          Xapian::doccount articles) {
  Xapian::Enquire enquire(db);
  enquire.set_query(stems_query);
  enquire.set_weighting_scheme(weighting);
  // One passage per article: the collapse key is the article's docid, which names its Q term.
  enquire.set_collapse_key(schema::kSlotArticle, 1);
  const Xapian::MSet mset = enquire.get_mset(0, articles);

  std::vector<Xapian::Query> terms;
  terms.reserve(mset.size());
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    terms.emplace_back(article_term(it.get_collapse_key()));
  }
  CandidateArticles found;
  found.articles = mset.size();
  found.matches_estimated = mset.get_matches_estimated();
  found.filter = terms.empty() ? Xapian::Query::MatchNothing
                               : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return found;
}

}  // namespace fundstelle::query
