// Interactive mode: query after query against the open index, with :show N, :more, :help, :quit.
#pragma once

#include <ostream>

#include "cli/line_reader.hpp"
#include "cli/query_options.hpp"
#include "print/printer.hpp"
#include "search/searcher.hpp"

namespace fundstelle::cli {

// Answers `first_query` (if not empty), then reads lines from `reader` until :quit or end of
// input, printing results to `out` in the format of `options` (text with `style`). A query
// without hits offers the searcher's suggestion as the next line's prefill ("Meinten Sie …",
// accepted with Enter). Returns the exit status (0).
int run_interactive(query::Searcher& searcher, const QueryOptions& options,
                    const query::TextStyle& style, LineReader& reader, std::ostream& out,
                    const std::string& first_query = {});

}  // namespace fundstelle::cli
