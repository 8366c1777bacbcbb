#include "search/stem_query.hpp"

#include <algorithm>

#include "stem_words.hpp"

namespace fundstelle::query {

StemLexicon::StemLexicon(std::vector<Xapian::Database> shards) : shards_(std::move(shards)) {}

const std::vector<std::string>& StemLexicon::words(const std::string& stem,
                                                   analysis::GermanAnalyzer& analyzer) {
  if (const auto known = words_.find(stem); known != words_.end()) return known->second;
  std::vector<std::string> words;
  // A word that is its own stem ("haus") is not recorded with it.
  if (analyzer.stem(stem) == stem) words.push_back(stem);
  const std::string key = stem_lexicon_key(stem);
  for (const Xapian::Database& shard : shards_) {
    for (std::string& word : decode_stem_words(shard.get_metadata(key))) {
      words.push_back(std::move(word));
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words_.emplace(stem, std::move(words)).first->second;
}

const std::vector<std::string>& StemLexicon::terms(std::string_view prefix, const std::string& stem,
                                                   analysis::GermanAnalyzer& analyzer) {
  std::string key(prefix);
  key += '\0';
  key += stem;
  if (const auto known = terms_.find(key); known != terms_.end()) return known->second;
  std::vector<std::string> held;
  for (const std::string& word : words(stem, analyzer)) {
    std::string term = std::string(prefix) + word;
    if (shards_.empty() ||
        std::any_of(shards_.begin(), shards_.end(),
                    [&](const Xapian::Database& shard) { return shard.term_exists(term); })) {
      held.push_back(std::move(term));
    }
  }
  return terms_.emplace(std::move(key), std::move(held)).first->second;
}

Xapian::Query stem_query(std::string_view prefix, const std::string& stem,
                         analysis::GermanAnalyzer& analyzer, StemLexicon& lexicon) {
  const std::vector<std::string>& terms = lexicon.terms(prefix, stem, analyzer);
  if (terms.empty()) return Xapian::Query::MatchNothing;  // no indexed word has this stem
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

Xapian::doccount stem_frequency(const Xapian::Database& db, const std::string& stem,
                                analysis::GermanAnalyzer& analyzer, StemLexicon& lexicon) {
  Xapian::doccount most = 0;
  for (const std::string& word : lexicon.words(stem, analyzer)) {
    most = std::max(most, db.get_termfreq(word));
  }
  return most;
}

}  // namespace fundstelle::query
