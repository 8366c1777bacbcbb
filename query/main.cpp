// fundstelle-query: parse options, search, print; every error is caught here, at the edge.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/query_options.hpp"
#include "index_location.hpp"
#include "print/printer.hpp"
#include "search/searcher.hpp"
#include "search/topics.hpp"

namespace {

using fundstelle::cli::ColorMode;
using fundstelle::cli::QueryOptions;
namespace q = fundstelle::query;

constexpr int kExitHits = 0;
constexpr int kExitNoHits = 1;
constexpr int kExitError = 2;

q::TextStyle text_style(const QueryOptions& options) {
  q::TextStyle style;
  const bool terminal = isatty(STDOUT_FILENO) != 0;
  const char* no_color = std::getenv("NO_COLOR");
  const bool color_allowed = no_color == nullptr || *no_color == '\0';
  style.color = options.color == ColorMode::kAlways ||
                (options.color == ColorMode::kAuto && terminal && color_allowed);
  if (const char* columns = std::getenv("COLUMNS"))
    style.width = std::strtoul(columns, nullptr, 10);
  if (style.width < 40) style.width = 100;
  return style;
}

int run_topics(q::Searcher& searcher, const QueryOptions& options) {
  auto topics = q::read_topics(options.topics);
  if (!topics) {
    std::cerr << "fundstelle-query: " << topics.error().reason << '\n';
    return kExitError;
  }
  std::ofstream run(options.run);
  if (!run) {
    std::cerr << "fundstelle-query: cannot write run file " << options.run.string() << '\n';
    return kExitError;
  }
  q::SearchOptions search;
  search.limit = options.hits;
  search.per_article = options.per_article;
  for (const q::Topic& topic : topics.value()) {
    const std::vector<q::Hit> hits = searcher.search(topic.text, search);
    if (options.json) {
      q::print_json(hits, run, topic.id);
    } else {
      q::print_trec(topic.id, hits, options.run_name, run);
    }
  }
  return run.good() ? kExitHits : kExitError;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"fundstelle-query", "fundstelle-query"};
  QueryOptions options;
  fundstelle::cli::register_query_options(app, options);
  app.set_version_flag("--version", "fundstelle-query " FUNDSTELLE_VERSION);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitError;
  }
  try {
    if (options.dbs.empty()) options.dbs.push_back(fundstelle::default_index_path());
    q::Searcher searcher(options.dbs);
    if (!options.topics.empty()) return run_topics(searcher, options);

    const std::string query = join(options.query_words);
    if (query.empty()) {
      std::cerr
          << "fundstelle-query: no query given; try: fundstelle-query Wer wurde Interims-CEO?\n";
      return kExitError;
    }
    q::SearchOptions search;
    search.limit = options.limit;
    search.offset = options.offset;
    search.per_article = options.per_article;
    const q::SearchResult result = searcher.search_with_suggestion(query, search);
    const std::vector<q::Hit>& hits = result.hits;
    if (result.suggestion && !options.json) {
      std::cerr << "Meinten Sie: " << *result.suggestion << '\n';
    }
    if (options.json) {
      q::print_json(hits, std::cout);
    } else if (hits.empty()) {
      std::cerr << "fundstelle-query: no passages match: " << query << '\n';
    } else {
      q::print_text(hits, text_style(options), std::cout);
    }
    std::cout.flush();
    return hits.empty() ? kExitNoHits : kExitHits;
  } catch (const std::exception& e) {
    std::cerr << "fundstelle-query: " << e.what() << '\n';
    return kExitError;
  } catch (const Xapian::Error& e) {
    std::cerr << "fundstelle-query: " << e.get_description() << '\n';
    return kExitError;
  }
}
