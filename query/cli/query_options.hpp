// Command-line options of fundstelle-query, as a plain struct registered on a CLI11 app.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace fundstelle::cli {

enum class ColorMode { kAuto, kAlways, kNever };

struct QueryOptions {
  std::vector<std::filesystem::path> dbs;  // empty: default_index_path()
  std::vector<std::string> query_words;
  size_t limit = 10;
  size_t offset = 0;
  unsigned per_article = 2;
  bool json = false;
  ColorMode color = ColorMode::kAuto;
  // Batch evaluation: --topics FILE --run FILE
  std::filesystem::path topics;
  std::filesystem::path run;
  size_t hits = 1000;
  std::string run_name = "fundstelle";
};

// Registers the options on `app` (so tests can parse argument lists without running anything).
void register_query_options(CLI::App& app, QueryOptions& options);

}  // namespace fundstelle::cli
