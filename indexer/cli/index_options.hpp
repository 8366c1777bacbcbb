// Command-line options of fundstelle-index, as a plain struct registered on a CLI11 app.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace fundstelle::cli {

struct IndexOptions {
  std::filesystem::path db;  // empty: default_index_path()
  std::vector<std::filesystem::path> inputs;
  std::vector<std::string> excludes;  // glob patterns, as in .fundstelle-ignore
  bool extract_only = false;          // --extract: print JSON Lines, write no index
  bool prune = false;                 // remove articles not found in this run's inputs
  bool compact = false;               // merge the shards into one compacted database at the end
  bool keep_shards = false;           // leave a new index's shards as written (no merge at its end)
  bool quiet = false;
  int verbosity = 0;              // -v: debug, -vv: trace
  size_t commit_every = 2000;     // articles between commits (per shard)
  unsigned jobs = 0;              // extraction threads; 0: one per core
  unsigned shards = 0;            // shards of a new index; 0: one per core
  std::filesystem::path xml_map;  // --xml-map: XPath mapping for article XML (extract/xml_map.hpp)
};

// Registers the options on `app` (so tests can parse argument lists without running anything).
void register_index_options(CLI::App& app, IndexOptions& options);

}  // namespace fundstelle::cli
