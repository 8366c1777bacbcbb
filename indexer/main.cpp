// fundstelle-index: parse options, run, report; every error is caught here, at the edge.
#include <spdlog/cfg/helpers.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "cli/index_options.hpp"
#include "indexing_run.hpp"

namespace {

void setup_logging(const fundstelle::cli::IndexOptions& options) {
  auto logger = spdlog::stderr_color_mt("fundstelle-index");
  logger->set_pattern("%n: %^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(options.quiet            ? spdlog::level::err
                    : options.verbosity >= 2 ? spdlog::level::trace
                    : options.verbosity == 1 ? spdlog::level::debug
                                             : spdlog::level::info);
  spdlog::cfg::helpers::load_levels(std::getenv("SPDLOG_LEVEL") ? std::getenv("SPDLOG_LEVEL") : "");
}

void report(const fundstelle::RunSummary& s, bool extract_only) {
  std::string skipped;
  for (const auto& [reason, count] : s.skipped_reasons) {
    skipped += fmt::format("{}{} {}", skipped.empty() ? " (" : ", ", count, reason);
  }
  if (!skipped.empty()) skipped += ")";
  std::string filtered;
  for (const auto& [reason, count] : s.filtered_reasons) {
    filtered +=
        fmt::format("{}{} {}", filtered.empty() ? "; left out on purpose: " : ", ", count, reason);
  }
  const double mb = static_cast<double>(s.bytes) / 1e6;
  spdlog::info(
      "{} {} articles, {} passages from {} files ({:.1f} MB); {} unchanged; {} skipped{}{}; "
      "{:.2f} s, {:.1f} articles/s, {:.2f} MB/s",
      extract_only ? "extracted" : "indexed", s.articles, s.passages, s.files, mb, s.unchanged,
      s.skipped, skipped,
      filtered + (s.pruned > 0 ? fmt::format("; {} pruned", s.pruned) : "") +
          (s.compacted ? "; shards merged into one compacted database" : ""),
      s.seconds, s.seconds > 0 ? static_cast<double>(s.articles) / s.seconds : 0.0,
      s.seconds > 0 ? mb / s.seconds : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"fundstelle-index", "fundstelle-index"};
  fundstelle::cli::IndexOptions options;
  fundstelle::cli::register_index_options(app, options);
  app.set_version_flag("--version", "fundstelle-index " FUNDSTELLE_VERSION);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  setup_logging(options);
  try {
    const fundstelle::RunSummary summary = options.extract_only
                                               ? fundstelle::run_extract(options, std::cout)
                                               : fundstelle::run_index(options);
    report(summary, options.extract_only);
    return summary.skipped > 0 ? 1 : 0;
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 2;
  }
}
