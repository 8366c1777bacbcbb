#include "search/explain.hpp"

#include <algorithm>
#include <map>

#include "schema.hpp"

namespace fundstelle::query {
namespace {

// Names a term by the evidence it stands for (schema.hpp's prefixes).
TermContribution describe_term(const std::string& term) {
  if (term.starts_with(schema::kTitle)) return {"title", term.substr(schema::kTitle.size()), 0};
  return {"word", term, 0};
}

// The prefix of a Word* query. Xapian 1.4 exposes it only in the description, which ends
// "WILDCARD SYNONYM <prefix>)".
std::string wildcard_pattern(const Xapian::Query& query) {
  std::string description = query.get_description();
  if (description.ends_with(')')) description.pop_back();
  return description.substr(description.rfind(' ') + 1);
}

class Explainer {
 public:
  Explainer(const Xapian::Database& db, Xapian::docid did, const Xapian::Query& only_passage,
            const Xapian::Weight& weighting, analysis::GermanAnalyzer& analyzer)
      : enquire_(db), did_(did), only_passage_(only_passage), analyzer_(analyzer) {
    enquire_.set_weighting_scheme(weighting);
  }

  // The weight `query` alone gives the passage (0 if it does not match it).
  double weight(const Xapian::Query& query) {
    enquire_.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, only_passage_));
    // An article term cut at the length limit may match a few passages: pick ours.
    const Xapian::MSet mset = enquire_.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      if (*it == did_) return it.get_weight();
    }
    return 0;
  }

  void walk(const Xapian::Query& query, double factor) {
    using Q = Xapian::Query;
    switch (query.get_type()) {
      case Q::LEAF_TERM:
        add(describe_term(*query.get_terms_begin()), scaled(query, factor));
        return;
      case Q::OP_SCALE_WEIGHT: {
        // Xapian 1.4 does not expose the factor; it is the ratio of the weights with and
        // without it (a part that does not match this passage adds nothing).
        const Q child = query.get_subquery(0);
        const double unscaled = weight(child);
        if (unscaled <= 0) return;
        walk(child, factor * weight(query) / unscaled);
        return;
      }
      case Q::OP_SYNONYM: {
        // A stem searched as its words (stem_query.hpp): the words share the stem.
        const TermContribution word = describe_term(*query.get_terms_begin());
        add({word.kind == "title" ? "title-stem" : "stem", analyzer_.stem(word.term), 0},
            scaled(query, factor));
        return;
      }
      case Q::OP_PHRASE:
      case Q::OP_NEAR: {
        std::string words;
        for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
          words += (words.empty() ? "" : " ") + describe_term(*it).term;
        }
        add({"phrase", words, 0}, scaled(query, factor));
        return;
      }
      case Q::OP_WILDCARD:
        add({"prefix", wildcard_pattern(query) + "*", 0}, scaled(query, factor));
        return;
      case Q::OP_AND_NOT:
      case Q::OP_FILTER:  // only the left side weighs
        walk(query.get_subquery(0), factor);
        return;
      case Q::OP_AND:
      case Q::OP_OR:
      case Q::OP_AND_MAYBE:
      case Q::OP_XOR:
      case Q::OP_ELITE_SET:
      case Q::OP_MAX:
        for (size_t i = 0; i < query.get_num_subqueries(); ++i) walk(query.get_subquery(i), factor);
        return;
      default:  // value ranges, match-all, posting sources: no term evidence
        return;
    }
  }

  std::vector<TermContribution> result() const {
    std::vector<TermContribution> parts;
    for (const auto& [key, weight] : totals_) parts.push_back({key.first, key.second, weight});
    std::stable_sort(parts.begin(), parts.end(),
                     [](const auto& a, const auto& b) { return a.weight > b.weight; });
    return parts;
  }

 private:
  double scaled(const Xapian::Query& query, double factor) {
    return weight(factor == 1.0 ? query
                                : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, factor));
  }

  void add(const TermContribution& part, double weight) {
    if (weight > 0) totals_[{part.kind, part.term}] += weight;
  }

  Xapian::Enquire enquire_;
  Xapian::docid did_;
  Xapian::Query only_passage_;
  analysis::GermanAnalyzer& analyzer_;
  std::map<std::pair<std::string, std::string>, double> totals_;
};

}  // namespace

std::vector<TermContribution> explain_match(const Xapian::Database& db, const Xapian::Query& query,
                                            Xapian::docid did, const Xapian::Query& only_passage,
                                            const Xapian::Weight& weighting,
                                            analysis::GermanAnalyzer& analyzer) {
  Explainer explainer(db, did, only_passage, weighting, analyzer);
  explainer.walk(query, 1.0);
  return explainer.result();
}

}  // namespace fundstelle::query
