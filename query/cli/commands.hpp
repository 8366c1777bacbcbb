// What fundstelle-query does for each mode, given parsed options and an open Searcher. Each
// returns the exit status: 0 found, 1 nothing found, 2 error.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/query_options.hpp"
#include "print/printer.hpp"
#include "search/searcher.hpp"

namespace fundstelle::cli {

inline constexpr int kExitHits = 0;
inline constexpr int kExitNoHits = 1;
inline constexpr int kExitError = 2;

[[nodiscard]] query::SearchOptions search_options(const QueryOptions& options);

// Prints `hits` in the chosen format (text with `style`, JSON Lines or TREC lines).
void print_hits(const std::vector<query::Hit>& hits, const QueryOptions& options,
                const query::TextStyle& style, std::ostream& out);

// One query from the command line (also --count).
int run_query(query::Searcher& searcher, const QueryOptions& options, const std::string& query);
// --show DOCID[#N]
int run_show(query::Searcher& searcher, const QueryOptions& options);
// --stats
int run_stats(query::Searcher& searcher, const QueryOptions& options);
// --topics FILE --run FILE
int run_topics(query::Searcher& searcher, const QueryOptions& options);

// Prints the article named by `ref` ("DOCID" or "DOCID#N") to `out`; false if it is not indexed.
bool show_article(query::Searcher& searcher, const std::string& ref, const QueryOptions& options,
                  const query::TextStyle& style, std::ostream& out);

}  // namespace fundstelle::cli
