#include "cli/query_options.hpp"

#include <gtest/gtest.h>

#include "cli/pager.hpp"
#include "cli/terminal.hpp"

namespace fundstelle::cli {
namespace {

// Parses `args` (without the program name) as fundstelle-query would.
QueryOptions parse(std::vector<std::string> args) {
  CLI::App app;
  QueryOptions options;
  register_query_options(app, options);
  std::reverse(args.begin(), args.end());  // CLI11 takes them reversed
  app.parse(args);
  return options;
}

bool rejected(std::vector<std::string> args) {
  try {
    (void)parse(std::move(args));
    return false;
  } catch (const CLI::ParseError&) {
    return true;
  }
}

// As main() parses: minus words moved behind "--" first.
QueryOptions parse_command_line(const std::vector<std::string>& args) {
  CLI::App app;
  QueryOptions options;
  register_query_options(app, options);
  std::vector<std::string> moved = with_minus_words_behind_dashes(app, args);
  std::reverse(moved.begin(), moved.end());
  app.parse(moved);
  return options;
}

TEST(QueryOptionsTest, QueryWordsMayStartWithAMinus) {
  using Words = std::vector<std::string>;
  EXPECT_EQ(parse_command_line({"Altman", "-Microsoft"}).query_words,
            (Words{"Altman", "-Microsoft"}));
  EXPECT_EQ(parse_command_line({"-Microsoft", "Altman"}).query_words,
            (Words{"-Microsoft", "Altman"}));
  const QueryOptions mixed =
      parse_command_line({"+Altman", "-nato", "-n", "3", "--db", "idx", "-5", "OpenAI", "-i"});
  EXPECT_EQ(mixed.query_words, (Words{"+Altman", "-nato", "-5", "OpenAI"}));
  EXPECT_EQ(mixed.limit, 3u);
  EXPECT_EQ(mixed.dbs, std::vector<std::filesystem::path>{"idx"});
  EXPECT_TRUE(mixed.interactive);
  const QueryOptions attached = parse_command_line({"-n3", "a", "-b", "--", "-c"});
  EXPECT_EQ(attached.query_words, (Words{"a", "-b", "-c"}));
  EXPECT_EQ(attached.limit, 3u);
  EXPECT_EQ(parse_command_line({"a", "-b", "--limit=4"}).limit, 4u);
  // Option values that start with "-" stay values; a mistyped long option is still an error.
  EXPECT_EQ(parse_command_line({"--run-name", "-x", "a", "-b"}).run_name, "-x");
  EXPECT_THROW((void)parse_command_line({"a", "-b", "--limt", "3"}), CLI::ParseError);
  // Without a minus word, nothing moves.
  CLI::App app;
  QueryOptions unused;
  register_query_options(app, unused);
  const Words plain{"-n", "3", "Altman", "--", "-x"};
  EXPECT_EQ(with_minus_words_behind_dashes(app, plain), plain);
}

TEST(QueryOptionsTest, Defaults) {
  const QueryOptions o = parse({"Altman"});
  EXPECT_EQ(o.query_words, std::vector<std::string>{"Altman"});
  EXPECT_EQ(o.limit, 10u);
  EXPECT_EQ(o.offset, 0u);
  EXPECT_EQ(o.format, OutputFormat::kText);
  EXPECT_EQ(o.color, ColorMode::kAuto);
  EXPECT_EQ(o.sort, SortOrder::kRelevance);
  EXPECT_FALSE(o.count || o.explain || o.stats || o.interactive || o.allow_partial);
}

TEST(QueryOptionsTest, ParsesEveryFlag) {
  const QueryOptions o =
      parse({"--db",     "a",      "--db",          "b.stub",    "--limit",         "3",
             "--offset", "6",      "--per-article", "0",         "--format",        "trec",
             "--color",  "always", "--sort",        "date",      "--since",         "2023-11",
             "--until",  "2024",   "--count",       "--explain", "--allow-partial", "--no-pager",
             "Wer",      "wurde",  "CEO?"});
  EXPECT_EQ(o.dbs.size(), 2u);
  EXPECT_EQ(o.limit, 3u);
  EXPECT_EQ(o.offset, 6u);
  EXPECT_EQ(o.per_article, 0u);
  EXPECT_EQ(o.format, OutputFormat::kTrec);
  EXPECT_EQ(o.color, ColorMode::kAlways);
  EXPECT_EQ(o.sort, SortOrder::kDate);
  EXPECT_EQ(o.since, "2023-11");
  EXPECT_EQ(o.until, "2024");
  EXPECT_TRUE(o.count && o.explain && o.allow_partial && o.no_pager);
  EXPECT_EQ(o.query_words, (std::vector<std::string>{"Wer", "wurde", "CEO?"}));
  EXPECT_EQ(parse({"-n", "2", "x"}).limit, 2u);
}

TEST(QueryOptionsTest, JsonIsAnAliasOfFormatJson) {
  EXPECT_EQ(parse({"--json", "x"}).format, OutputFormat::kJson);
  EXPECT_EQ(parse({"--format", "JSON", "x"}).format, OutputFormat::kJson);
}

TEST(QueryOptionsTest, ModesTakeTheirArguments) {
  EXPECT_EQ(parse({"--show", "a.html#3"}).show, "a.html#3");
  EXPECT_TRUE(parse({"--stats"}).stats);
  EXPECT_TRUE(parse({"-i"}).interactive);
  EXPECT_TRUE(parse({"--interactive"}).interactive);
}

TEST(QueryOptionsTest, BatchModeOptions) {
  const QueryOptions o = parse({"--topics", "q.jsonl", "--run", "r.trec", "--hits", "100",
                                "--run-name", "x", "--timings", "t.tsv"});
  EXPECT_EQ(o.topics, "q.jsonl");
  EXPECT_EQ(o.run, "r.trec");
  EXPECT_EQ(o.hits, 100u);
  EXPECT_EQ(o.run_name, "x");
  EXPECT_EQ(o.timings, "t.tsv");
  EXPECT_TRUE(rejected({"--timings", "t.tsv", "x"}));  // only with --topics
}

TEST(QueryOptionsTest, RejectsBadValuesAndContradictions) {
  const std::vector<std::vector<std::string>> bad = {
      {"--format", "xml", "x"},    {"--color", "sometimes", "x"},       {"--sort", "random", "x"},
      {"--since", "gestern", "x"}, {"--until", "2023-13", "x"},         {"-n", "0", "x"},
      {"--stats", "--show", "a"},  {"--json", "--format", "text", "x"}, {"-i", "--stats"},
      {"--topics", "t.tsv"}};
  for (const auto& args : bad) EXPECT_TRUE(rejected(args)) << ::testing::PrintToString(args);
}

TEST(TerminalTest, ColourFollowsModeTerminalAndNoColor) {
  struct Case {
    ColorMode mode;
    bool terminal;
    const char* no_color;
    bool expected;
  };
  const Case cases[] = {
      {ColorMode::kAuto, true, nullptr, true}, {ColorMode::kAuto, false, nullptr, false},
      {ColorMode::kAuto, true, "1", false},    {ColorMode::kAuto, true, "", true},
      {ColorMode::kAlways, false, "1", true},  {ColorMode::kNever, true, nullptr, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(use_color(c.mode, c.terminal, c.no_color), c.expected)
        << static_cast<int>(c.mode) << c.terminal << (c.no_color ? c.no_color : "unset");
  }
}

TEST(PagerTest, PagesOnlyTallOutputOnATerminal) {
  const std::string tall(50, '\n');
  EXPECT_TRUE(should_page(tall, /*terminal=*/true, /*rows=*/24, /*disabled=*/false));
  EXPECT_FALSE(should_page(tall, false, 24, false));  // piped
  EXPECT_FALSE(should_page(tall, true, 24, true));    // --no-pager
  EXPECT_FALSE(should_page("one\ntwo\n", true, 24, false));
  EXPECT_FALSE(should_page(tall, true, 0, false));  // unknown height
}

}  // namespace
}  // namespace fundstelle::cli
