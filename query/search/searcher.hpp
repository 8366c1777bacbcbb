// Opening one or more Fundstelle indexes and ranking passages for a query.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/german_analyzer.hpp"
#include "search/hit.hpp"
#include "search/query_builder.hpp"
#include "stored_passage.hpp"

namespace fundstelle::query {

// Thrown when an index cannot be used: missing, unreadable, or of another schema version. The
// message names the index and says what to do.
class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SearchOptions {
  size_t offset = 0;
  size_t limit = 10;
  unsigned per_article = 2;  // at most this many passages of one article; 0 = no limit
  bool synonyms = true;      // expand words with their group in data/synonyms-de.txt
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

class Searcher {
 public:
  // Opens all `indexes` as one (Xapian combines their statistics). Throws SearchError.
  explicit Searcher(const std::vector<std::filesystem::path>& indexes);

  // Ranks passages for the user's query text. Not thread-safe.
  [[nodiscard]] std::vector<Hit> search(std::string_view query_text, const SearchOptions& options);

  // search() plus a spelling suggestion (costs a term lookup per word, and a scan of one first
  // letter's vocabulary per unknown word). Not thread-safe.
  [[nodiscard]] SearchResult search_with_suggestion(std::string_view query_text,
                                                    const SearchOptions& options);

 private:
  std::vector<Hit> ranked(const BuiltQuery& built, const SearchOptions& options,
                          Xapian::doccount& matches_estimated);
  Hit make_hit(StoredPassage&& stored, size_t rank, double score, const BuiltQuery& built);

  Xapian::Database db_;
  analysis::GermanAnalyzer analyzer_;
};

}  // namespace fundstelle::query
