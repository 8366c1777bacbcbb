#include "search/query_builder.hpp"

#include "schema.hpp"

namespace fundstelle::query {
namespace {

using analysis::AnalyzedWord;
using analysis::Terms;

Xapian::Query scaled(double factor, const Xapian::Query& q) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
}

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
  if (queries.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

std::string prefixed(std::string_view prefix, const std::string& term) {
  return std::string(prefix) + term;
}

Xapian::Query terms_query(const Terms& terms, const QueryWeights& w) {
  std::vector<Xapian::Query> evidence{
      scaled(w.stem, Xapian::Query(prefixed(schema::kStem, terms.stem))),
      scaled(w.exact, Xapian::Query(terms.exact)),
      scaled(w.title, Xapian::Query(prefixed(schema::kTitleStem, terms.stem))),
  };
  return any_of(evidence);
}

Xapian::Query word_query(const AnalyzedWord& word, const QueryWeights& w) {
  Xapian::Query whole = terms_query(word.whole, w);
  if (word.parts.empty()) return whole;
  std::vector<Xapian::Query> parts;
  for (const Terms& part : word.parts) parts.push_back(terms_query(part, w));
  return Xapian::Query(Xapian::Query::OP_OR, whole, scaled(w.part, any_of(parts)));
}

// A phrase matches consecutive exact forms; compounds contribute their parts, which the indexer
// put at consecutive positions.
Xapian::Query phrase_query(const std::vector<AnalyzedWord>& words) {
  std::vector<Xapian::Query> terms;
  for (const AnalyzedWord& word : words) {
    if (word.parts.empty()) {
      terms.emplace_back(word.whole.exact);
    } else {
      for (const Terms& part : word.parts) terms.emplace_back(part.exact);
    }
  }
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
}

struct AnalyzedClause {
  const Clause* clause;
  std::vector<AnalyzedWord> words;
};

void remember_highlights(const AnalyzedWord& word, BuiltQuery& out) {
  out.highlight_exact.insert(word.whole.exact);
  out.highlight_stems.insert(word.whole.stem);
  for (const Terms& part : word.parts) {
    out.highlight_exact.insert(part.exact);
    out.highlight_stems.insert(part.stem);
  }
}

}  // namespace

BuiltQuery build_query(const std::vector<Clause>& clauses, analysis::GermanAnalyzer& analyzer,
                       const QueryWeights& weights) {
  std::vector<AnalyzedClause> analyzed;
  bool has_content_word = false;
  for (const Clause& clause : clauses) {
    AnalyzedClause entry{&clause, {}};
    AnalyzedWord word;
    auto stream = analyzer.words(clause.text);
    // An excluded word is no content: "Wer wurde -Altman" still searches for "wer wurde".
    const bool positive = clause.occurrence != Occurrence::kMustNot;
    while (stream.next(word)) {
      has_content_word =
          has_content_word ||
          (positive && (!word.stopword || clause.phrase || clause.occurrence == Occurrence::kMust));
      entry.words.push_back(word);
    }
    if (!entry.words.empty()) analyzed.push_back(std::move(entry));
  }

  BuiltQuery out;
  // `boost` holds the stopwords of a question: they add weight to passages that match anyway.
  std::vector<Xapian::Query> should, must, must_not, boost;
  for (const AnalyzedClause& entry : analyzed) {
    const Clause& clause = *entry.clause;
    std::vector<Xapian::Query>& target = clause.occurrence == Occurrence::kMust      ? must
                                         : clause.occurrence == Occurrence::kMustNot ? must_not
                                                                                     : should;
    if (clause.phrase && entry.words.size() > 1) {
      target.push_back(phrase_query(entry.words));
      if (clause.occurrence == Occurrence::kMustNot) continue;
      // The phrase filters or boosts; its words also rank like ordinary words.
      for (const AnalyzedWord& word : entry.words) {
        if (!word.stopword) should.push_back(word_query(word, weights));
        remember_highlights(word, out);
      }
      continue;
    }
    for (const AnalyzedWord& word : entry.words) {
      const bool minor =
          clause.occurrence == Occurrence::kShould && word.stopword && has_content_word;
      if (minor) {
        boost.push_back(scaled(weights.stopword, word_query(word, weights)));
        continue;
      }
      target.push_back(word_query(word, weights));
      if (clause.occurrence != Occurrence::kMustNot) remember_highlights(word, out);
    }
  }

  if (!boost.empty()) {
    if (!should.empty()) {
      should = {Xapian::Query(Xapian::Query::OP_AND_MAYBE, any_of(should), any_of(boost))};
    } else {
      should = std::move(boost);  // only required words: the stopwords rank what they match
    }
  }
  Xapian::Query query;
  if (!must.empty()) {
    query = Xapian::Query(Xapian::Query::OP_AND, must.begin(), must.end());
    if (!should.empty()) query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, any_of(should));
  } else if (!should.empty()) {
    query = any_of(should);
  } else if (!must_not.empty()) {
    query = Xapian::Query::MatchAll;
  }
  if (!must_not.empty() && !query.empty()) {
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, any_of(must_not));
  }
  out.query = query;
  return out;
}

}  // namespace fundstelle::query
