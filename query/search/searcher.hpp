// Opening one or more Fundstelle indexes (local or remote shards) and ranking passages.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/german_analyzer.hpp"
#include "search/article_reader.hpp"
#include "search/candidate_articles.hpp"
#include "search/hit.hpp"
#include "search/index_stats.hpp"
#include "search/parallel_match.hpp"
#include "search/query_builder.hpp"
#include "search/shards.hpp"
#include "search/vocabulary.hpp"
#include "stored_passage.hpp"

namespace fundstelle::query {

// Thrown when an index cannot be used: missing, unreadable, unreachable, or of another schema
// version. The message names the index or shard and says what to do.
class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class SortBy { kRelevance, kDate };

struct SearchOptions {
  size_t offset = 0;
  size_t limit = 10;
  unsigned per_article = 2;          // at most this many passages of one article; 0 = no limit
  SortBy sort = SortBy::kRelevance;  // kDate: newest first, relevance breaks ties
  std::string since = {};            // date prefixes ("2023", "2023-11", "2023-11-20"), inclusive;
  std::string until = {};            // empty = open; undated articles drop out with either
  bool explain = false;              // fill Hit::explanation
  bool context = false;              // fill Hit::context_before (for people reading the hits)
  bool synonyms = true;              // expand words with their group in data/synonyms-de.txt
  // false: a plain question ranks only the passages of its candidate articles (found by the
  // words' stems, candidate_articles.hpp); true: every matching passage, several times slower.
  bool exhaustive = false;
  // search_with_suggestion: words the index knows but that occur in fewer passages than this are
  // also corrected when the query matched fewer passages than `suggest_below`.
  Xapian::doccount suggest_below = 5;
};

struct SearchResult {
  std::vector<Hit> hits;
  // A corrected query ("Meinten Sie: …") when a word is not in the index, or when the query
  // matched little and a rare word has a far more frequent neighbour; spelling.hpp.
  std::optional<std::string> suggestion;
};

struct MatchCount {
  size_t articles = 0;
  size_t passages = 0;
};

class Searcher {
 public:
  // Opens all shards behind `indexes` (directories, stub files) as one: Xapian combines their
  // statistics, so the ranking equals one index of the same articles (up to the last digits of a
  // stem's weight, stem_query.hpp). Throws SearchError naming the first shard that cannot be
  // opened — unless `allow_partial`, which leaves such shards out (see skipped()) and throws only
  // if none opens. `threads`: how many threads match a query over local shards (0: one per
  // core; parallel_match.hpp).
  explicit Searcher(const std::vector<std::filesystem::path>& indexes, bool allow_partial = false,
                    unsigned threads = 0);

  // "shard: reason" for every shard left out under allow_partial.
  [[nodiscard]] const std::vector<std::string>& skipped() const { return skipped_; }

  // Ranks passages for the user's query text. Not thread-safe. A concurrent writer's commit is
  // picked up (the database is reopened and the search repeated); results reflect a commit.
  [[nodiscard]] std::vector<Hit> search(std::string_view query_text, const SearchOptions& options);

  // search() plus a spelling suggestion (costs a term lookup per word, and a scan of one first
  // letter's vocabulary per unknown word).
  [[nodiscard]] SearchResult search_with_suggestion(std::string_view query_text,
                                                    const SearchOptions& options);

  // How many articles and passages match (filters apply; offset, limit, per_article do not).
  [[nodiscard]] MatchCount count(std::string_view query_text, const SearchOptions& options);

  // The article `docid`, or nullopt if no such article is indexed.
  [[nodiscard]] std::optional<ArticlePassages> article(const std::string& docid);

  [[nodiscard]] IndexStats stats();

  // "Meinten Sie …": a corrected query from the index vocabulary (spelling.hpp), or empty when
  // every word is known.
  [[nodiscard]] std::string suggest(std::string_view query_text);

 private:
  template <typename Action>
  auto retrying(Action action);
  // The matcher over db_, with handles of its own for each further thread.
  ParallelMatcher new_matcher();
  [[nodiscard]] BuiltQuery build(std::string_view query_text, const SearchOptions& options);
  std::vector<Hit> ranked(const BuiltQuery& built, const SearchOptions& options,
                          Xapian::doccount& matches_estimated);
  // A page of hits before context and explanations, with the Xapian docids behind them.
  struct RankedPassages {
    std::vector<Hit> hits;
    std::vector<Xapian::docid> xapian_ids;
    Xapian::doccount matches_estimated = 0;
  };
  [[nodiscard]] bool all_local() const;
  // The passages of `candidates`, as each shard numbers them; read from the shard that holds
  // each article only.
  [[nodiscard]] std::shared_ptr<const DocidSet::ByShard> candidate_passages(
      const CandidateArticles& candidates) const;
  // `first_window`: how many matches to fetch at first; doubled while duplicates leave the page
  // short. `only`: if set, just these passages.
  RankedPassages top_passages(const Xapian::Query& query,
                              std::shared_ptr<const DocidSet::ByShard> only,
                              const Xapian::Weight& weighting, const SearchOptions& options,
                              const BuiltQuery& built, size_t first_window);
  std::vector<Hit> finish(RankedPassages ranked, const BuiltQuery& built,
                          const Xapian::Weight& weighting, const SearchOptions& options);
  // `query` within the options' date range; `positional`: see restricted().
  [[nodiscard]] Xapian::Query filtered_query(const Xapian::Query& query,
                                             const SearchOptions& options, bool positional) const;
  Hit make_hit(StoredPassage&& stored, size_t rank, double score, const BuiltQuery& built);

  unsigned threads_;
  std::vector<OpenShard> shards_;
  std::vector<std::string> skipped_;
  Xapian::Database db_;
  ParallelMatcher matcher_{db_};
  StemLexicon stem_lexicon_;
  Vocabulary vocabulary_;  // for spelling suggestions
  analysis::GermanAnalyzer analyzer_;
};

}  // namespace fundstelle::query
