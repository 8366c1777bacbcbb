// Printing hits. Printers write to any stream and never see Xapian types.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "search/hit.hpp"

namespace fundstelle::query {

struct TextStyle {
  bool color = false;  // ANSI bold/colour for highlights and headers
  size_t width = 100;  // wrap passages to this many columns
};

// Human-readable: per hit a header (rank, score, title), a line with docid, passage number,
// date/author where known and source, then the passage wrapped with matches highlighted.
void print_text(const std::vector<Hit>& hits, const TextStyle& style, std::ostream& out);

// JSON Lines, one object per hit; the format is documented in README.md ("JSON output").
// A non-empty `query_id` (batch runs) is added as the first key.
inline constexpr int kJsonFormatVersion = 1;
void print_json(const std::vector<Hit>& hits, std::ostream& out, const std::string& query_id = {});

// TREC run lines: "qid Q0 docid#passage rank score run_name".
void print_trec(const std::string& query_id, const std::vector<Hit>& hits,
                const std::string& run_name, std::ostream& out);

}  // namespace fundstelle::query
