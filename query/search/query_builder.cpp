#include "search/query_builder.hpp"

#include <algorithm>
#include <utility>

#include "analysis/normalizer.hpp"
#include "schema.hpp"
#include "search/filter_queries.hpp"
#include "search/stem_query.hpp"

namespace fundstelle::query {
namespace {

using analysis::AnalyzedWord;
using analysis::Terms;

Xapian::Query scaled(double factor, const Xapian::Query& q) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
}

Xapian::Query combined(Xapian::Query::op op, std::vector<Xapian::Query> queries) {
  std::erase_if(queries, [](const Xapian::Query& q) { return q.empty(); });
  if (queries.empty()) return Xapian::Query::MatchNothing;
  if (queries.size() == 1) return queries.front();
  return Xapian::Query(op, queries.begin(), queries.end());
}

Xapian::Query any_of(std::vector<Xapian::Query> queries) {
  return combined(Xapian::Query::OP_OR, std::move(queries));
}

std::string prefixed(std::string_view prefix, const std::string& term) {
  return std::string(prefix) + term;
}

// Which of a word's evidence a query carries. The candidate phase of a plain question
// (candidate_articles.hpp) takes the stem and the title, each a list walked once. The exact form
// is left out there: every passage with it has the stem, and looking it up for each of them cost
// ~7 % of the latency (bench_query).
enum class Evidence { kAll, kStem, kTitle };

// Stems as queries: with the analyzer and the index's stem lexicon (stem_query.hpp).
struct Stems {
  analysis::GermanAnalyzer& analyzer;
  StemLexicon& lexicon;

  [[nodiscard]] Xapian::Query query(std::string_view prefix, const std::string& stem) const {
    return stem_query(prefix, stem, analyzer, lexicon);
  }

  // The stem's words in the passage text, and the exact form's bonus. When the exact form is
  // the stem's only word ("der", "zu", most names) both weigh one posting list: it is walked
  // once, with the weights' sum (BM25 is linear in the scale), not twice.
  [[nodiscard]] Xapian::Query with_exact(const Terms& terms, double stem_weight,
                                         double exact_weight) const {
    const std::vector<std::string>& words = lexicon.words(terms.stem, analyzer);
    if (words.size() == 1 && words.front() == terms.exact) {
      return scaled(stem_weight + exact_weight, Xapian::Query(terms.exact));
    }
    return any_of({scaled(stem_weight, query("", terms.stem)),
                   scaled(exact_weight, Xapian::Query(terms.exact))});
  }
};

Xapian::Query terms_query(const Stems& stems, const Terms& terms, const QueryWeights& w,
                          Evidence evidence) {
  if (evidence == Evidence::kStem) return scaled(w.stem, stems.query("", terms.stem));
  Xapian::Query title = scaled(w.title, stems.query(schema::kTitle, terms.stem));
  if (evidence == Evidence::kTitle) return title;
  return any_of({stems.with_exact(terms, w.stem, w.exact), title});
}

Xapian::Query word_query(const Stems& stems, const AnalyzedWord& word, const QueryWeights& w,
                         Evidence evidence = Evidence::kAll) {
  Xapian::Query whole = terms_query(stems, word.whole, w, evidence);
  if (word.parts.empty()) return whole;
  std::vector<Xapian::Query> parts;
  for (const Terms& part : word.parts) parts.push_back(terms_query(stems, part, w, evidence));
  return Xapian::Query(Xapian::Query::OP_OR, whole, scaled(w.part, any_of(parts)));
}

// A question's function word without its title term: "der" in a title says nothing about the
// passage, and the title posting list is long (every passage of such an article carries it).
// A stopword the question repeats ("zu ... zu") weighs `times` as much, from one set of lists.
Xapian::Query stopword_query(const Stems& stems, const AnalyzedWord& word, const QueryWeights& w,
                             int times) {
  return scaled(w.stopword * times, stems.with_exact(word.whole, w.stem, w.exact));
}

// The exact forms a phrase or NEAR compares: a compound contributes its parts, which the indexer
// put at consecutive positions.
std::vector<Xapian::Query> positional_terms(const std::vector<AnalyzedWord>& words) {
  std::vector<Xapian::Query> terms;
  for (const AnalyzedWord& word : words) {
    if (word.parts.empty()) {
      terms.emplace_back(word.whole.exact);
    } else {
      for (const Terms& part : word.parts) terms.emplace_back(part.exact);
    }
  }
  return terms;
}

Xapian::Query phrase_query(const std::vector<AnalyzedWord>& words) {
  std::vector<Xapian::Query> terms = positional_terms(words);
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
}

// Words with how often each occurs, in order of first occurrence; `word` is one more.
void count_in(std::vector<std::pair<AnalyzedWord, int>>& counted, const AnalyzedWord& word) {
  const auto seen = std::find_if(counted.begin(), counted.end(), [&](const auto& entry) {
    return entry.first.whole.exact == word.whole.exact;
  });
  if (seen == counted.end()) {
    counted.emplace_back(word, 1);
  } else {
    ++seen->second;
  }
}

bool is_filter(ClauseKind kind) {
  return kind == ClauseKind::kAuthor || kind == ClauseKind::kSite || kind == ClauseKind::kDate;
}

class Builder {
 public:
  Builder(analysis::GermanAnalyzer& analyzer, const QueryWeights& weights,
          const QueryResources& resources, BuiltQuery& out)
      : analyzer_(analyzer),
        stems_{analyzer, resources.stem_lexicon != nullptr ? *resources.stem_lexicon : no_lexicon_},
        w_(weights),
        resources_(resources),
        out_(out) {}

  // A run of juxtaposed clauses: words that rank, +required, -excluded, filters.
  Xapian::Query sequence(const std::vector<Clause>& clauses) {
    const bool top_level = sequences_++ == 0;
    std::vector<AnalyzedClause> analyzed;
    bool has_content_word = false;
    for (const Clause& clause : clauses) {
      AnalyzedClause entry{&clause, analyze(clause)};
      const bool positive = clause.occurrence != Occurrence::kMustNot;
      // An excluded word is no content: "Wer wurde -Altman" still searches for "wer wurde".
      for (const AnalyzedWord& word : entry.words) {
        has_content_word = has_content_word ||
                           (positive && (!word.stopword || clause.kind == ClauseKind::kPhrase ||
                                         clause.occurrence == Occurrence::kMust));
      }
      if (positive && !is_textual(clause.kind) && !is_filter(clause.kind)) has_content_word = true;
      analyzed.push_back(std::move(entry));
    }

    // The stopwords of a question, each with how often it occurs: they add weight to passages
    // that match anyway (`boost`).
    std::vector<Xapian::Query> should, must, must_not, boost, filters;
    std::vector<std::pair<AnalyzedWord, int>> stopwords;
    std::vector<Xapian::Query> phrases;        // quoted, neither + nor -
    bool loose_words = false;                  // optional clauses besides phrases and their words
    std::vector<Xapian::Query> stems, titles;  // a plain question's should, split by Evidence
    bool plain_question = true;  // only words that rank: no operators, phrases, filters
    for (const AnalyzedClause& entry : analyzed) {
      const Clause& clause = *entry.clause;
      std::vector<Xapian::Query>& target = clause.occurrence == Occurrence::kMust      ? must
                                           : clause.occurrence == Occurrence::kMustNot ? must_not
                                                                                       : should;
      const bool positive = clause.occurrence != Occurrence::kMustNot;
      plain_question = plain_question && clause.kind == ClauseKind::kWord &&
                       clause.occurrence == Occurrence::kShould;
      if (!is_textual(clause.kind)) {
        if (is_filter(clause.kind) && positive) {
          filters.push_back(operand(clause));
        } else if (clause.kind == ClauseKind::kTitle && positive) {
          must.push_back(operand(clause));
        } else {
          target.push_back(operand(clause));
          loose_words = loose_words || clause.occurrence == Occurrence::kShould;
        }
        continue;
      }
      // A quoted word is a phrase too: its exact form, as in operands (operand()).
      if (clause.kind == ClauseKind::kPhrase && !entry.words.empty()) {
        const bool optional = clause.occurrence == Occurrence::kShould;
        (optional ? phrases : target).push_back(with_synonyms(phrase(entry.words), entry.words));
        if (!positive) continue;
        // The phrase filters (+, or phrases alone) or boosts; its words also rank like words.
        for (const AnalyzedWord& word : entry.words) {
          if (!word.stopword) should.push_back(word_query(stems_, word, w_));
          remember(word);
        }
        continue;
      }
      for (const AnalyzedWord& word : entry.words) {
        const bool minor =
            clause.occurrence == Occurrence::kShould && word.stopword && has_content_word;
        if (minor) {
          count_in(stopwords, word);
          continue;
        }
        target.push_back(with_synonyms(word_query(stems_, word, w_), {word}));
        loose_words = loose_words || clause.occurrence == Occurrence::kShould;
        if (positive) remember(word);
        if (!plain_question) continue;
        stems.push_back(
            with_synonyms(word_query(stems_, word, w_, Evidence::kStem), {word}, Evidence::kStem));
        titles.push_back(with_synonyms(word_query(stems_, word, w_, Evidence::kTitle), {word},
                                       Evidence::kTitle));
      }
    }
    add_multiword_synonyms(analyzed, should);
    // Beside other words or required clauses a phrase only adds weight; a query of nothing but
    // phrases (with filters or exclusions) asks for them: at least one must match.
    if (loose_words || !must.empty()) {
      should.insert(should.end(), phrases.begin(), phrases.end());
    } else if (!phrases.empty()) {
      must.push_back(any_of(std::move(phrases)));
    }
    // A multi-word synonym is a phrase: the candidate query has its words' stems ANDed, the
    // searcher restricts the full query with a filter the phrase may meet (DocidSet).
    if (top_level && plain_question && !stems.empty()) {
      add_multiword_synonyms(analyzed, stems, Evidence::kStem);
      // Stopwords stay out: their posting lists hold nearly every passage, and looking each
      // candidate up in them costs as much as the full query (measured with bench_query).
      // Titles are alternatives, not an AND_MAYBE: probing every title list for each passage the
      // stems match took 22 % of the candidate phase's instructions (callgrind, 100 questions),
      // walking the title lists once takes none of that, and the top 10s stayed as they were.
      stems.insert(stems.end(), titles.begin(), titles.end());
      out_.candidates = any_of(std::move(stems));
    }

    for (const auto& [word, times] : stopwords) {
      boost.push_back(stopword_query(stems_, word, w_, times));
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
      query = all_of(must, should);
    } else if (!should.empty()) {
      query = any_of(should);
    } else if (!must_not.empty() || !filters.empty()) {
      query = Xapian::Query::MatchAll;
    }
    if (!filters.empty() && !query.empty()) {
      query = restricted(query, combined(Xapian::Query::OP_AND, filters), out_.positional);
    }
    if (!must_not.empty() && !query.empty()) {
      query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, any_of(must_not));
    }
    return query;
  }

 private:
  struct AnalyzedClause {
    const Clause* clause;
    std::vector<AnalyzedWord> words;  // for words and phrases
  };

  static bool is_textual(ClauseKind kind) {
    return kind == ClauseKind::kWord || kind == ClauseKind::kPhrase;
  }

  std::vector<AnalyzedWord> analyze(const Clause& clause) { return words_of(clause.text); }

  std::vector<AnalyzedWord> words_of(std::string_view text) {
    std::vector<AnalyzedWord> words;
    AnalyzedWord word;
    auto stream = analyzer_.words(text);
    while (stream.next(word)) words.push_back(word);
    return words;
  }

  void remember(const AnalyzedWord& word) {
    out_.highlight_exact.insert(word.whole.exact);
    out_.highlight_stems.insert(word.whole.stem);
    for (const Terms& part : word.parts) {
      out_.highlight_exact.insert(part.exact);
      out_.highlight_stems.insert(part.stem);
    }
  }

  // Any clause as one query, its sign left to the caller.
  Xapian::Query operand(const Clause& clause) {
    switch (clause.kind) {
      case ClauseKind::kWord: {
        std::vector<Xapian::Query> words;
        for (const AnalyzedWord& word : analyze(clause)) {
          words.push_back(with_synonyms(word_query(stems_, word, w_), {word}));
          remember(word);
        }
        return any_of(std::move(words));
      }
      case ClauseKind::kPhrase: {
        const std::vector<AnalyzedWord> words = analyze(clause);
        if (words.empty()) return Xapian::Query::MatchNothing;
        for (const AnalyzedWord& word : words) remember(word);
        return with_synonyms(phrase(words), words);
      }
      case ClauseKind::kWildcard: {
        const std::string prefix = analysis::fold(clause.text);
        if (prefix.empty()) return Xapian::Query::MatchNothing;
        out_.highlight_prefixes.insert(prefix);
        return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix, kMaxWildcardTerms,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                             Xapian::Query::OP_SYNONYM);
      }
      case ClauseKind::kTitle: {
        std::vector<Xapian::Query> words;
        for (const AnalyzedWord& word : analyze(clause)) {
          words.push_back(any_of({Xapian::Query(prefixed(schema::kTitle, word.whole.exact)),
                                  stems_.query(schema::kTitle, word.whole.stem)}));
        }
        return combined(Xapian::Query::OP_AND, std::move(words));
      }
      case ClauseKind::kAuthor:
        return field_query(schema::kAuthor, clause.text, resources_.database, kMaxFieldValues);
      case ClauseKind::kSite:
        return field_query(schema::kSite, clause.text, resources_.database, kMaxFieldValues);
      case ClauseKind::kDate:
        return date_query(clause.date_from, clause.date_to);
      case ClauseKind::kNear:
        return near_query(clause);
      case ClauseKind::kAll: {
        std::vector<Xapian::Query> required, excluded;
        for (const Clause& child : clause.children) {
          (child.occurrence == Occurrence::kMustNot ? excluded : required)
              .push_back(operand(child));
        }
        Xapian::Query all = required.empty() ? Xapian::Query::MatchAll : all_of(required);
        if (excluded.empty()) return all;
        return Xapian::Query(Xapian::Query::OP_AND_NOT, all, any_of(std::move(excluded)));
      }
      case ClauseKind::kAny: {
        std::vector<Xapian::Query> alternatives;
        for (const Clause& child : clause.children) alternatives.push_back(operand(child));
        return any_of(std::move(alternatives));
      }
      case ClauseKind::kGroup:
        return sequence(clause.children);
    }
    return Xapian::Query::MatchNothing;
  }

  // Documents matching every one of `required`, weighed by them plus those of `optional` that
  // match too. Plainly an AND (and an AND_MAYBE), which probe all but one of their parts —
  // wrong in Xapian 1.4.22 for a phrase inside an OR (restricted(), filter_queries.hpp): with
  // phrases in the query, the OR of all parts drives and the AND only filters.
  Xapian::Query all_of(const std::vector<Xapian::Query>& required,
                       const std::vector<Xapian::Query>& optional = {}) const {
    const Xapian::Query every = combined(Xapian::Query::OP_AND, required);
    if (every.empty()) return every;
    if (out_.positional && (every.get_type() == Xapian::Query::OP_AND || !optional.empty())) {
      std::vector<Xapian::Query> parts = required;
      parts.insert(parts.end(), optional.begin(), optional.end());
      return restricted(any_of(std::move(parts)), every, true);
    }
    if (optional.empty()) return every;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, every, any_of(optional));
  }

  // A phrase of the words' exact forms (phrase_query), remembered as positional.
  Xapian::Query phrase(const std::vector<AnalyzedWord>& words) {
    Xapian::Query query = phrase_query(words);
    out_.positional = out_.positional || query.get_type() == Xapian::Query::OP_PHRASE;
    return query;
  }

  // Altman NEAR/5 Microsoft: the exact forms (which have positions) within a window of the
  // words themselves plus the allowed gap between neighbours.
  Xapian::Query near_query(const Clause& clause) {
    std::vector<AnalyzedWord> words;
    for (const Clause& child : clause.children) {
      for (AnalyzedWord& word : words_of(child.text)) words.push_back(std::move(word));
    }
    for (const AnalyzedWord& word : words) remember(word);
    std::vector<Xapian::Query> terms = positional_terms(words);
    if (terms.size() < 2) return any_of(std::move(terms));
    const auto window =
        static_cast<Xapian::termcount>(terms.size() + clause.distance * (terms.size() - 1));
    out_.positional = true;
    return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(), window);
  }

  // The other members of a synonym group, each as a query: one word ranks like a typed word,
  // several words as a phrase (for the candidate phase's stems: all their stems).
  Xapian::Query alternatives_query(const std::vector<AnalyzedWord>& words,
                                   Evidence evidence = Evidence::kAll) {
    if (resources_.synonyms == nullptr || words.empty()) return Xapian::Query::MatchNothing;
    std::vector<std::string> stems;
    for (const AnalyzedWord& word : words) stems.push_back(word.whole.stem);
    std::vector<Xapian::Query> alternatives;
    for (std::string_view member : resources_.synonyms->alternatives(stems)) {
      const std::vector<AnalyzedWord> member_words = words_of(member);
      if (member_words.empty()) continue;
      for (const AnalyzedWord& word : member_words) remember(word);
      if (member_words.size() == 1) {
        alternatives.push_back(word_query(stems_, member_words.front(), w_, evidence));
        continue;
      }
      if (evidence == Evidence::kTitle) continue;
      // A phrase weighs the sum of its words; divided, it counts like one word.
      alternatives.push_back(
          scaled(1.0 / static_cast<double>(member_words.size()),
                 evidence == Evidence::kAll ? phrase(member_words) : all_stems(member_words)));
    }
    if (alternatives.empty()) return Xapian::Query::MatchNothing;
    return scaled(w_.synonym, any_of(std::move(alternatives)));
  }

  Xapian::Query all_stems(const std::vector<AnalyzedWord>& words) {
    std::vector<Xapian::Query> stems;
    for (const AnalyzedWord& word : words) {
      stems.push_back(word_query(stems_, word, w_, Evidence::kStem));
    }
    return combined(Xapian::Query::OP_AND, std::move(stems));
  }

  Xapian::Query with_synonyms(Xapian::Query query, const std::vector<AnalyzedWord>& words,
                              Evidence evidence = Evidence::kAll) {
    Xapian::Query alternatives = alternatives_query(words, evidence);
    if (alternatives.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_OR, query, alternatives);
  }

  // "künstliche Intelligenz" typed without quotes is a member too: runs of plain words (longest
  // first) that name a member add the other members as words that rank.
  void add_multiword_synonyms(const std::vector<AnalyzedClause>& analyzed,
                              std::vector<Xapian::Query>& should,
                              Evidence evidence = Evidence::kAll) {
    if (resources_.synonyms == nullptr || resources_.synonyms->longest_member() < 2) return;
    std::vector<std::vector<AnalyzedWord>> runs(1);
    for (const AnalyzedClause& entry : analyzed) {
      const bool plain = entry.clause->kind == ClauseKind::kWord &&
                         entry.clause->occurrence == Occurrence::kShould;
      if (!plain) {
        runs.emplace_back();
        continue;
      }
      runs.back().insert(runs.back().end(), entry.words.begin(), entry.words.end());
    }
    const size_t longest = resources_.synonyms->longest_member();
    for (const std::vector<AnalyzedWord>& run : runs) {
      for (size_t i = 0; i + 1 < run.size();) {
        size_t matched = 0;
        for (size_t n = std::min(longest, run.size() - i); n >= 2 && matched == 0; --n) {
          const std::vector<AnalyzedWord> words(run.begin() + i, run.begin() + i + n);
          Xapian::Query alternatives = alternatives_query(words, evidence);
          if (alternatives.empty()) continue;
          should.push_back(alternatives);
          matched = n;
        }
        i += matched > 0 ? matched : 1;
      }
    }
  }

  analysis::GermanAnalyzer& analyzer_;
  StemLexicon no_lexicon_;  // without an index a stem stands for itself
  Stems stems_;
  const QueryWeights& w_;
  const QueryResources& resources_;
  BuiltQuery& out_;
  int sequences_ = 0;  // sequence() calls so far: the first is the whole query, later ones groups
};

}  // namespace

BuiltQuery build_query(const std::vector<Clause>& clauses, analysis::GermanAnalyzer& analyzer,
                       const QueryWeights& weights, const QueryResources& resources) {
  BuiltQuery out;
  out.query = Builder(analyzer, weights, resources, out).sequence(clauses);
  return out;
}

}  // namespace fundstelle::query
