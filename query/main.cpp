// fundstelle-query: parse options, open the index, run the chosen mode; every error is caught
// here, at the edge.
#include <algorithm>
#include <clocale>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/interactive.hpp"
#include "cli/line_reader.hpp"
#include "cli/query_options.hpp"
#include "cli/terminal.hpp"
#include "index_location.hpp"
#include "search/searcher.hpp"

namespace {

namespace cli = fundstelle::cli;
namespace q = fundstelle::query;

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

int run(const cli::QueryOptions& options) {
  q::Searcher searcher(options.dbs, options.allow_partial, options.jobs);
  for (const std::string& skipped : searcher.skipped()) {
    std::cerr << "fundstelle-query: warning: searching without a shard: " << skipped << '\n';
  }
  if (!options.show.empty()) return cli::run_show(searcher, options);
  if (options.stats) return cli::run_stats(searcher, options);
  if (!options.topics.empty()) return cli::run_topics(searcher, options);

  const std::string query = join(options.query_words);
  if (options.interactive || (query.empty() && cli::stdin_is_terminal())) {
    const auto reader = cli::stdin_is_terminal()
                            ? cli::make_readline_reader(cli::default_history_file())
                            : cli::make_stream_reader(std::cin);
    return cli::run_interactive(searcher, options, cli::text_style(options), *reader, std::cout,
                                query);
  }
  if (query.empty()) {
    std::cerr << "fundstelle-query: no query given; try: fundstelle-query Wer wurde Interims-CEO? "
                 "(or -i for interactive mode)\n";
    return cli::kExitError;
  }
  return cli::run_query(searcher, options, query);
}

}  // namespace

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");  // for the terminal's character set only; output stays UTF-8
  std::setlocale(LC_NUMERIC, "C");
  CLI::App app{"fundstelle-query", "fundstelle-query"};
  cli::QueryOptions options;
  cli::register_query_options(app, options);
  app.set_version_flag("--version", "fundstelle-query " FUNDSTELLE_VERSION);
  try {
    std::vector<std::string> args = cli::with_minus_words_behind_dashes(
        app, std::vector<std::string>(argv + std::min(argc, 1), argv + argc));
    std::reverse(args.begin(), args.end());  // CLI11 takes them reversed
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : cli::kExitError;
  }
  try {
    if (options.dbs.empty()) options.dbs.push_back(fundstelle::default_index_path());
    return run(options);
  } catch (const std::exception& e) {
    std::cerr << "fundstelle-query: " << e.what() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "fundstelle-query: " << e.get_description() << '\n';
  }
  return cli::kExitError;
}
