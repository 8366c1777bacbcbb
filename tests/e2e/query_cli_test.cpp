// End-to-end: fundstelle-query's flags and modes (issue #6) on data/, through the real binary.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "e2e/json_lines.hpp"
#include "e2e/run_command.hpp"
#include "schema.hpp"

namespace fundstelle::testing {
namespace {

namespace fs = std::filesystem;

class QueryCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const CommandResult result = run_command({kIndexBin, "--db", db(), kDataDir.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return (dir_->path() / "index").string(); }

  static CommandResult query(std::vector<std::string> args, const std::string& input = {},
                             const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {kQueryBin, "--db", db()});
    return run_command(args, env, input);
  }

 private:
  static TempDir* dir_;
};
TempDir* QueryCliTest::dir_ = nullptr;

TEST_F(QueryCliTest, FormatJsonEqualsJsonAlias) {
  const CommandResult alias = query({"--json", "-n", "3", "--per-article", "0", "OpenAI"});
  const CommandResult format =
      query({"--format", "json", "--limit", "3", "--per-article", "0", "OpenAI"});
  ASSERT_EQ(alias.exit_code, 0) << alias.err;
  EXPECT_EQ(alias.out, format.out);
  EXPECT_EQ(parse_json_lines(format.out).size(), 3u);
}

TEST_F(QueryCliTest, ExhaustiveRankingGivesTheSameTopPassagesOnTheSampleData) {
  for (const char* question :
       {"Wer wurde Interims-CEO von OpenAI?", "Wie viele Mitarbeiter drohten mit Kündigung",
        "Was bietet Microsoft Sam Altman an"}) {
    const CommandResult fast = query({"--format", "trec", "-n", "5", question});
    const CommandResult exhaustive =
        query({"--format", "trec", "-n", "5", "--exhaustive", question});
    ASSERT_EQ(fast.exit_code, 0) << fast.err;
    ASSERT_EQ(exhaustive.exit_code, 0) << exhaustive.err;
    EXPECT_FALSE(fast.out.empty()) << question;
    EXPECT_EQ(fast.out, exhaustive.out) << question;
  }
}

TEST_F(QueryCliTest, JobsDoNotChangeTheRanking) {
  for (const char* question : {"Wer wurde Interims-CEO von OpenAI?", "Altman Microsoft"}) {
    const CommandResult one = query({"--format", "trec", "-n", "8", "--jobs", "1", question});
    const CommandResult three = query({"--format", "trec", "-n", "8", "--jobs", "3", question});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_FALSE(one.out.empty()) << question;
    EXPECT_EQ(one.out, three.out) << question;
  }
  EXPECT_EQ(query({"--jobs", "0", "Altman"}).exit_code, 2);
  // Too few file descriptors for 64 threads' handles: one thread ranks, alike.
  const CommandResult one = query({"--format", "trec", "-n", "8", "--jobs", "1", "Altman"});
  const CommandResult starved =
      run_command({"/bin/sh", "-c",
                   "ulimit -n 40 && exec \"$0\" --db \"$1\" --format trec -n 8 --jobs 64 Altman",
                   kQueryBin, db()});
  ASSERT_EQ(starved.exit_code, 0) << starved.err;
  EXPECT_EQ(starved.out, one.out);
}

TEST_F(QueryCliTest, FormatTrecPrintsRunLines) {
  const CommandResult result = query({"--format", "trec", "-n", "2", "Murati"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::istringstream lines(result.out);
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    std::istringstream fields(line);
    std::string qid, q0, id, rank, score, run;
    fields >> qid >> q0 >> id >> rank >> score >> run;
    EXPECT_EQ(q0, "Q0");
    EXPECT_NE(id.find('#'), std::string::npos);
    EXPECT_EQ(rank, std::to_string(n + 1));
  }
  EXPECT_EQ(n, 2);
}

TEST_F(QueryCliTest, OffsetContinuesWhereLimitStopped) {
  const auto all =
      parse_json_lines(query({"--json", "-n", "6", "--per-article", "0", "OpenAI"}).out);
  const auto page = parse_json_lines(
      query({"--json", "-n", "3", "--offset", "3", "--per-article", "0", "OpenAI"}).out);
  ASSERT_EQ(all.size(), 6u);
  ASSERT_EQ(page.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(page[i]["docid"], all[i + 3]["docid"]);
    EXPECT_EQ(page[i]["passage"], all[i + 3]["passage"]);
    EXPECT_EQ(page[i]["rank"], i + 4);
  }
}

TEST_F(QueryCliTest, SinceUntilFilterOnThePublishedDate) {
  // data/'s articles are published 2023-11-20 (HTML, XML); the text version has no date.
  const auto in_range =
      parse_json_lines(query({"--json", "--per-article", "0", "-n", "100", "--since", "2023-11",
                              "--until", "2023-11-20", "Altman"})
                           .out);
  ASSERT_FALSE(in_range.empty());
  for (const auto& hit : in_range) {
    EXPECT_EQ(hit["published"].get<std::string>().substr(0, 10), "2023-11-20");
  }
  EXPECT_EQ(query({"--since", "2023-11-21", "Altman"}).exit_code, 1);
  EXPECT_EQ(query({"--until", "2023-10", "Altman"}).exit_code, 1);
  const CommandResult bad = query({"--since", "letzte Woche", "Altman"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("YYYY-MM-DD"), std::string::npos) << bad.err;
}

TEST_F(QueryCliTest, SortByDatePutsDatedArticlesFirst) {
  const auto hits = parse_json_lines(
      query({"--json", "--sort", "date", "--per-article", "0", "-n", "200", "Altman"}).out);
  ASSERT_FALSE(hits.empty());
  bool undated_seen = false;
  std::string previous = "9999";
  for (const auto& hit : hits) {
    const std::string date = hit.value("published", "");
    if (date.empty()) {
      undated_seen = true;
      continue;
    }
    EXPECT_FALSE(undated_seen) << "dated hit after an undated one";
    EXPECT_LE(date, previous);
    previous = date;
  }
  EXPECT_TRUE(undated_seen);
}

TEST_F(QueryCliTest, CountPrintsArticlesAndPassagesOnly) {
  const CommandResult text = query({"--count", "Murati"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const auto json = parse_json_lines(query({"--count", "--json", "Murati"}).out);
  ASSERT_EQ(json.size(), 1u);
  const size_t articles = json[0]["articles"];
  const size_t passages = json[0]["passages"];
  EXPECT_EQ(articles, 3u);  // the seed article as HTML, XML and text
  EXPECT_GE(passages, articles);
  EXPECT_EQ(text.out,
            std::to_string(articles) + " articles, " + std::to_string(passages) + " passages\n");
  // The count agrees with listing everything.
  const auto all =
      parse_json_lines(query({"--json", "--per-article", "0", "-n", "1000", "Murati"}).out);
  EXPECT_LE(all.size(), passages);  // identical passage texts are listed once
  EXPECT_EQ(query({"--count", "Quantenchromodynamik"}).exit_code, 1);
}

TEST_F(QueryCliTest, ExplainShowsPartsThatAddUpToTheScore) {
  const auto hits = parse_json_lines(query({"--json", "--explain", "-n", "3", "Interims-CEO"}).out);
  ASSERT_FALSE(hits.empty());
  for (const auto& hit : hits) {
    double sum = 0;
    for (const auto& part : hit["explain"]["terms"]) sum += part["weight"].get<double>();
    EXPECT_NEAR(sum, hit["score"].get<double>(), 1e-6);
  }
  const CommandResult text = query({"--explain", "-n", "1", "OpenAI Gefahr"});
  EXPECT_NE(text.out.find("why: score"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("title evidence"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  title "), std::string::npos) << text.out;  // "Gefahr" in the title
}

TEST_F(QueryCliTest, ShowPrintsTheArticleWithThePassageMarked) {
  const auto hit = parse_json_lines(query({"--json", "-n", "1", "Murati Interims-CEO"}).out).at(0);
  const std::string ref = hit["docid"].get<std::string>() + "#" + hit["passage"].dump();
  const CommandResult text = query({"--show", ref});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find(hit["title"].get<std::string>()), std::string::npos);
  EXPECT_NE(text.out.find("▶ #" + hit["passage"].dump()), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("─ #1 "), std::string::npos) << text.out;

  const auto json = parse_json_lines(query({"--show", ref, "--json"}).out).at(0);
  EXPECT_EQ(json["docid"], hit["docid"]);
  EXPECT_EQ(json["chosen"], hit["passage"]);
  const auto& passages = json["passages"];
  ASSERT_EQ(passages.size(), json["passage_count"].get<size_t>());
  EXPECT_EQ(passages[hit["passage"].get<size_t>() - 1]["text"], hit["text"]);
}

TEST_F(QueryCliTest, ShowOfAnUnknownDocidExitsWithOne) {
  const CommandResult result = query({"--show", "gibt-es-nicht.html#2"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("no article gibt-es-nicht.html"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
}

TEST_F(QueryCliTest, AQuotedPhraseAloneFindsOnlyPassagesWithThePhrase) {
  // Three of the sample articles hold "des Unternehmens", none "Verwaltungsrat".
  const CommandResult absent = query({"\"Verwaltungsrat des Unternehmens\""});
  EXPECT_EQ(absent.exit_code, 1) << absent.out;
  const CommandResult present =
      query({"--json", "--per-article", "0", "-n", "50", "\"des Unternehmens\""});
  ASSERT_EQ(present.exit_code, 0) << present.err;
  const std::vector<nlohmann::json> hits = parse_json_lines(present.out);
  EXPECT_FALSE(hits.empty());
  for (const nlohmann::json& hit : hits) {
    EXPECT_NE(hit["text"].get<std::string>().find("des Unternehmens"), std::string::npos)
        << hit["text"];
  }
}

TEST_F(QueryCliTest, AWordWithALeadingMinusExcludesItWithoutDoubleDash) {
  for (const std::vector<std::string>& words :
       {std::vector<std::string>{"Altman", "-Microsoft"}, {"-Microsoft", "Altman"}}) {
    std::vector<std::string> args{"--json", "--per-article", "0", "-n", "50"};
    args.insert(args.end(), words.begin(), words.end());
    const CommandResult result = query(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::vector<nlohmann::json> hits = parse_json_lines(result.out);
    EXPECT_FALSE(hits.empty());
    for (const nlohmann::json& hit : hits) {
      EXPECT_EQ(hit["text"].get<std::string>().find("Microsoft"), std::string::npos) << hit["text"];
    }
  }
}

TEST_F(QueryCliTest, StatsDescribeTheIndex) {
  const auto stats = parse_json_lines(query({"--stats", "--json"}).out).at(0);
  EXPECT_EQ(stats["articles"], 3);
  EXPECT_EQ(stats["passages"], 55);
  EXPECT_GT(stats["terms"].get<int>(), 500);
  EXPECT_GT(stats["bytes_on_disk"].get<int>(), 0);
  EXPECT_EQ(stats["sources"], (nlohmann::json{{"html", 1}, {"txt", 1}, {"xml", 1}}));
  EXPECT_EQ(stats["schema_version"], std::to_string(fundstelle::schema::kSchemaVersion));
  EXPECT_FALSE(stats["last_update"].get<std::string>().empty());
  const CommandResult text = query({"--stats"});
  EXPECT_NE(text.out.find("articles:       3"), std::string::npos) << text.out;
}

TEST_F(QueryCliTest, InteractiveModeReadsQueriesFromAPipe) {
  const CommandResult result = query(
      {"-i", "--json", "-n", "1"}, "Murati\n:more\n:show 2\n:help\nQuantenchromodynamik\n:quit\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\"rank\":1"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"rank\":2"), std::string::npos) << result.out;   // :more
  EXPECT_NE(result.out.find("\"chosen\":"), std::string::npos) << result.out;  // :show 2
  EXPECT_NE(result.out.find(":quit"), std::string::npos) << result.out;        // :help
  EXPECT_NE(result.out.find("no passages match"), std::string::npos) << result.out;
}

TEST_F(QueryCliTest, InteractiveModeOffersASuggestionThatAnEmptyLineAccepts) {
  // "Kündigng" is no word of the index; the empty line that follows takes "Meinten Sie …".
  const CommandResult result = query({"-i", "--json", "-n", "1"}, "Kündigng\n\n:quit\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Meinten Sie"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"rank\":1"), std::string::npos) << result.out;  // the accepted query
}

TEST_F(QueryCliTest, PipedOutputIsNeverPaged) {
  // A pager that would leave a mark: it must not run when stdout is a file.
  const CommandResult result = query({"-n", "20", "Altman"}, {}, {"PAGER=echo PAGED", "LINES=5"});
  ASSERT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out.find("PAGED"), std::string::npos);
  EXPECT_GT(result.out.size(), 1000u);
}

TEST_F(QueryCliTest, NoColorAndNarrowTerminalStayReadable) {
  const CommandResult narrow =
      query({"--color", "auto", "-n", "1", "Altman"}, {}, {"NO_COLOR=1", "COLUMNS=30"});
  ASSERT_EQ(narrow.exit_code, 0);
  EXPECT_EQ(narrow.out.find('\033'), std::string::npos);
  std::istringstream lines(narrow.out);
  size_t long_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    size_t columns = 0;
    for (unsigned char c : line) columns += (c & 0xC0) != 0x80;
    long_lines += columns > 40;  // only the title line and words longer than the width
  }
  EXPECT_LE(long_lines, 3u) << narrow.out;
}

TEST_F(QueryCliTest, TimingsFileHasOneLinePerTopic) {
  TempDir dir;
  write_file(dir.path() / "topics.tsv", "q1\tWer wurde Interims-CEO?\nq2\tBrief Wired\n");
  const fs::path timings = dir.path() / "timings.tsv";
  const CommandResult result =
      query({"--topics", (dir.path() / "topics.tsv").string(), "--run",
             (dir.path() / "run.trec").string(), "--timings", timings.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::ifstream in(timings);
  std::vector<std::string> ids;
  std::string id;
  double ms = -1;
  while (in >> id >> ms) {
    ids.push_back(id);
    EXPECT_GT(ms, 0.0);
    EXPECT_LT(ms, 10000.0);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"q1", "q2"}));
}

TEST_F(QueryCliTest, HelpHasExamplesAndVersionIsPrinted) {
  const CommandResult help = run_command({kQueryBin, "--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* flag : {"--format", "--sort", "--since", "--until", "--count", "--explain",
                           "--show", "--stats", "--interactive", "--allow-partial", "Examples:"}) {
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  }
  for (const std::string& bin : {kQueryBin, kIndexBin}) {
    const CommandResult version = run_command({bin, "--version"});
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_NE(version.out.find(fs::path(bin).filename().string() + " "), std::string::npos);
  }
}

}  // namespace
}  // namespace fundstelle::testing
