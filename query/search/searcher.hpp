// Opening one or more Fundstelle indexes and ranking passages for a query.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <stdexcept>
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
};

class Searcher {
 public:
  // Opens all `indexes` as one (Xapian combines their statistics). Throws SearchError.
  explicit Searcher(const std::vector<std::filesystem::path>& indexes);

  // Ranks passages for the user's query text. Not thread-safe.
  [[nodiscard]] std::vector<Hit> search(std::string_view query_text, const SearchOptions& options);

 private:
  Hit make_hit(StoredPassage&& stored, size_t rank, double score, const BuiltQuery& built);

  Xapian::Database db_;
  analysis::GermanAnalyzer analyzer_;
};

}  // namespace fundstelle::query
