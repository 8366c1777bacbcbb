// Command-line options of fundstelle-query, as a plain struct registered on a CLI11 app.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace fundstelle::cli {

enum class ColorMode { kAuto, kAlways, kNever };
enum class OutputFormat { kText, kJson, kTrec };
enum class SortOrder { kRelevance, kDate };

struct QueryOptions {
  std::vector<std::filesystem::path> dbs;  // directories or stub files; empty: default_index_path()
  std::vector<std::string> query_words;
  size_t limit = 10;
  size_t offset = 0;
  unsigned per_article = 2;
  OutputFormat format = OutputFormat::kText;  // --json is an alias of --format json
  ColorMode color = ColorMode::kAuto;
  SortOrder sort = SortOrder::kRelevance;
  std::string since;  // ISO 8601 date, possibly partial ("2023", "2023-11"); empty: open
  std::string until;
  bool count = false;       // print only the number of matching articles and passages
  bool explain = false;     // per-term contributions per hit
  bool exhaustive = false;  // rank every matching passage, not only the candidate articles
  std::string show;         // DOCID or DOCID#PASSAGE: print the article
  bool stats = false;       // print facts about the index
  bool interactive = false;
  bool allow_partial = false;  // search the reachable shards when some cannot be opened
  unsigned jobs = 0;           // threads that match a query over local shards; 0: one per core
  bool no_pager = false;
  bool no_context = false;  // text output: no sentence from the previous passage before a hit
  // Batch evaluation: --topics FILE --run FILE
  std::filesystem::path topics;
  std::filesystem::path run;
  size_t hits = 1000;
  std::string run_name = "fundstelle";
  std::filesystem::path timings;  // batch: "qid<TAB>milliseconds" per query (benchmarks)
};

// Registers the options on `app` (so tests can parse argument lists without running anything).
// Contradictory combinations (--show with --stats, ...) are rejected by CLI11 at parse time.
void register_query_options(CLI::App& app, QueryOptions& options);

// Query words may start with "-" ("Altman -Microsoft"), which CLI11 would reject as unknown
// options. From the first such word on, every argument that is neither an option of `app` nor
// its value moves behind "--", so the query keeps its word order. `args` without the program
// name, in order; returned unchanged when no word starts with "-" (or "--" is already there).
[[nodiscard]] std::vector<std::string> with_minus_words_behind_dashes(
    const CLI::App& app, const std::vector<std::string>& args);

}  // namespace fundstelle::cli
