// One run of fundstelle-index: walking the inputs, extracting, splitting and writing.
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>

#include "cli/index_options.hpp"

namespace fundstelle {

struct RunSummary {
  size_t files = 0;      // inputs read
  size_t articles = 0;   // articles indexed (new or changed)
  size_t unchanged = 0;  // articles skipped because the index already has this content
  size_t pruned = 0;     // --prune: articles removed because their input is gone
  bool compacted = false;  // --compact: the shards were merged into one database
  size_t passages = 0;   // passages written for those articles
  size_t skipped = 0;    // inputs (or parts: a feed item, an archive member) not indexed
  std::map<std::string, size_t> skipped_reasons;
  std::map<std::string, size_t> filtered_reasons;  // left out on purpose: wiki redirects, ...
  size_t bytes = 0;                                // input bytes read
  double seconds = 0;
};

// Indexes options.inputs into the index. Per-input failures are logged (one warning with path
// and reason), counted and skipped. Throws writer::IndexError or std::runtime_error for fatal
// conditions (missing input path, locked or foreign index) after committing what was done.
[[nodiscard]] RunSummary run_index(const cli::IndexOptions& options);

// --extract: writes one JSON object per article to `out`, indexes nothing.
[[nodiscard]] RunSummary run_extract(const cli::IndexOptions& options, std::ostream& out);

}  // namespace fundstelle
