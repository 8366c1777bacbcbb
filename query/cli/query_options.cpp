#include "cli/query_options.hpp"

#include <cctype>
#include <map>

#include "search/date_range.hpp"

namespace fundstelle::cli {
namespace {

// A --since/--until value must be a date prefix we can compare with the stored ISO 8601 dates.
const CLI::Validator kIsoDate(
    [](std::string& value) {
      return query::is_iso_date_prefix(value)
                 ? std::string()
                 : "'" + value + "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD";
    },
    "");  // no description: --help would print "DATE:DATE" after the type name

// "-Microsoft", "-5", "-nato" are words; "-n", "-n3", "-i" options; "--…" is left to CLI11, so
// that a mistyped long option is reported rather than searched for.
bool is_minus_word(const CLI::App& app, const std::string& arg) {
  if (arg.size() < 2 || arg[0] != '-' || arg[1] == '-') return false;
  const CLI::Option* option = app.get_option_no_throw(arg.substr(0, 2));
  if (option == nullptr) return true;
  if (arg.size() == 2) return false;
  const bool takes_value = option->get_items_expected_min() > 0;
  return !takes_value || std::isdigit(static_cast<unsigned char>(arg[2])) == 0;
}

// An option that is followed by its value as the next argument ("--db DIR", "-n 3").
bool value_follows(const CLI::App& app, const std::string& arg) {
  const bool long_name = arg.rfind("--", 0) == 0;
  if (long_name ? arg.find('=') != std::string::npos : arg.size() > 2) return false;
  const CLI::Option* option = app.get_option_no_throw(arg);
  return option != nullptr && option->get_items_expected_min() > 0;
}

}  // namespace

std::vector<std::string> with_minus_words_behind_dashes(const CLI::App& app,
                                                        const std::vector<std::string>& args) {
  std::vector<std::string> front;  // options, their values, and words before the first minus word
  std::vector<std::string> words;  // the rest of the query, behind "--"
  bool moving = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      if (!moving) return args;
      words.insert(words.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    }
    if (is_minus_word(app, arg)) {
      moving = true;
      words.push_back(arg);
    } else if (arg.size() > 1 && arg[0] == '-') {
      front.push_back(arg);
      if (value_follows(app, arg) && i + 1 < args.size()) front.push_back(args[++i]);
    } else {
      (moving ? words : front).push_back(arg);
    }
  }
  if (!moving) return args;
  front.push_back("--");
  front.insert(front.end(), words.begin(), words.end());
  return front;
}

void register_query_options(CLI::App& app, QueryOptions& options) {
  app.description("Rank the passages of a Fundstelle index for a German question or keywords.");
  app.footer(
      "Examples:\n"
      "  fundstelle-query Wer wurde Interims-CEO?\n"
      "  fundstelle-query -n 3 --format json \"Sam Altman\" Microsoft\n"
      "  fundstelle-query --since 2023-11 --sort date Altman\n"
      "  fundstelle-query --count Mitarbeiter\n"
      "  fundstelle-query --explain -n 1 Wer wurde Interims-CEO?\n"
      "  fundstelle-query --show articles/openai-altman.html#6\n"
      "  fundstelle-query --stats\n"
      "  fundstelle-query -i                      # interactive: :show N, :more, :help, :quit\n"
      "  fundstelle-query --db shards.stub --allow-partial Altman   # stub with remote shards\n"
      "  fundstelle-query --topics queries.jsonl --run run.trec --hits 100\n"
      "\n"
      "Query syntax: words or a natural question; \"exact phrase\"; +must; -exclude.\n"
      "Environment: FUNDSTELLE_DB (default index), NO_COLOR, PAGER (default: less -R), COLUMNS.\n"
      "Exit status: 0 hits found, 1 no hits (or unknown --show DOCID), 2 error.");
  app.add_option("--db", options.dbs,
                 "Index directory or Xapian stub file (may list remote shards); repeat to search "
                 "several as one")
      ->type_name("PATH")
      ->allow_extra_args(false)  // one path per --db: query words are not swallowed
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("query", options.query_words, "The question or keywords")->type_name("QUERY...");
  app.add_option("-n,--limit", options.limit, "Number of passages to show (default 10)")
      ->check(CLI::PositiveNumber);
  app.add_option("--offset", options.offset, "Skip this many passages first");
  app.add_option("--per-article", options.per_article,
                 "At most this many passages of one article (default 2; 0: no limit)");

  const std::map<std::string, OutputFormat> formats{
      {"text", OutputFormat::kText}, {"json", OutputFormat::kJson}, {"trec", OutputFormat::kTrec}};
  auto* format = app.add_option("--format", options.format,
                                "Output: text (default), json (JSON Lines), trec (run lines)")
                     ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case).description(""))
                     ->type_name("FORMAT");
  app.add_flag_callback(
         "--json", [&options] { options.format = OutputFormat::kJson; },
         "Same as --format json (in batch mode: the run file is JSON Lines)")
      ->excludes(format);

  const std::map<std::string, ColorMode> colors{
      {"auto", ColorMode::kAuto}, {"always", ColorMode::kAlways}, {"never", ColorMode::kNever}};
  app.add_option("--color,--colour", options.color,
                 "Highlight with colour: auto (terminal and NO_COLOR unset), always, never")
      ->transform(CLI::CheckedTransformer(colors, CLI::ignore_case).description(""))
      ->type_name("WHEN");
  const std::map<std::string, SortOrder> sorts{{"relevance", SortOrder::kRelevance},
                                               {"date", SortOrder::kDate}};
  app.add_option("--sort", options.sort, "relevance (default) or date (newest first)")
      ->transform(CLI::CheckedTransformer(sorts, CLI::ignore_case).description(""))
      ->type_name("ORDER");
  app.add_option("--since", options.since, "Only articles published on or after DATE")
      ->check(kIsoDate)
      ->type_name("DATE");
  app.add_option("--until", options.until, "Only articles published on or before DATE")
      ->check(kIsoDate)
      ->type_name("DATE");
  app.add_flag("--count", options.count, "Print only the number of matching articles and passages");
  app.add_flag("--explain", options.explain,
               "Show why each passage ranks where it does (per-term contributions)");
  app.add_flag("--exhaustive", options.exhaustive,
               "Rank every matching passage with the full query, not only the passages of the "
               "110 articles that best match the words' stems (slower; for evaluation)");
  auto* show = app.add_option("--show", options.show,
                              "Print the article DOCID from the index, passage N highlighted")
                   ->type_name("DOCID[#N]");
  auto* stats = app.add_flag("--stats", options.stats,
                             "Print articles, passages, terms, size, sources, last update")
                    ->excludes(show);
  app.add_flag("-i,--interactive", options.interactive,
               "Prompt for query after query (the default on a terminal without a query)")
      ->excludes(show)
      ->excludes(stats);
  app.add_flag("--allow-partial", options.allow_partial,
               "Search the shards that can be opened when others (e.g. remote ones) cannot");
  app.add_option("--jobs", options.jobs,
                 "Threads that match each query over local shards (default: one per core)")
      ->check(CLI::Range(1, 256))
      ->type_name("N");
  app.add_flag("--no-pager", options.no_pager, "Never page long output on a terminal");
  app.add_flag("--no-context", options.no_context,
               "Text output: leave out the sentence before each passage (from the one before it)");

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
  app.add_option("--timings", options.timings,
                 "Batch mode: write each query's search time (qid<TAB>milliseconds) here")
      ->type_name("FILE")
      ->needs(topics);
}

}  // namespace fundstelle::cli
