#include "cli/query_options.hpp"

#include <map>

namespace fundstelle::cli {

void register_query_options(CLI::App& app, QueryOptions& options) {
  app.description("Rank the passages of a Fundstelle index for a German question or keywords.");
  app.footer(
      "Examples:\n"
      "  fundstelle-query Wer wurde Interims-CEO?\n"
      "  fundstelle-query -n 3 --json \"Sam Altman\" Microsoft\n"
      "  fundstelle-query --topics queries.jsonl --run run.trec --hits 100\n"
      "\n"
      "Query syntax: words or a natural question; \"exact phrase\"; +must; -exclude.\n"
      "Exit status: 0 hits found, 1 no hits, 2 error.");
  app.add_option("--db", options.dbs, "Index directory; repeat to search several as one")
      ->type_name("DIR")
      ->allow_extra_args(false)  // one directory per --db: query words are not swallowed
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("query", options.query_words, "The question or keywords")->type_name("QUERY...");
  app.add_option("-n,--limit", options.limit, "Number of passages to show")
      ->check(CLI::PositiveNumber);
  app.add_option("--offset", options.offset, "Skip this many passages first");
  app.add_option("--per-article", options.per_article,
                 "At most this many passages of one article (0: no limit)");
  app.add_flag(
      "--json", options.json,
      "JSON Lines output, one object per hit (in batch mode: the run file, with query_id)");
  const std::map<std::string, ColorMode> colors{
      {"auto", ColorMode::kAuto}, {"always", ColorMode::kAlways}, {"never", ColorMode::kNever}};
  app.add_option("--color", options.color,
                 "Highlight with colour: auto (terminal only), always, never")
      ->transform(CLI::CheckedTransformer(colors, CLI::ignore_case).description(""))
      ->type_name("WHEN");
  auto* topics = app.add_option("--topics", options.topics,
                                "Batch mode: queries as TSV (qid<TAB>query) or JSON Lines "
                                "(query_id, query_text)")
                     ->type_name("FILE");
  app.add_option("--run", options.run, "Batch mode: write a TREC run file here")
      ->type_name("FILE")
      ->needs(topics);
  topics->needs("--run");
  app.add_option("--hits", options.hits, "Batch mode: passages per query")
      ->check(CLI::PositiveNumber);
  app.add_option("--run-name", options.run_name, "Batch mode: the run's name in the TREC file");
}

}  // namespace fundstelle::cli
