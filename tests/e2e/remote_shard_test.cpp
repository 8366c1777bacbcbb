// End-to-end beyond one machine: a shard served by xapian-tcpsrv on loopback (started and
// stopped by the test), unreachable shards, and queries while an indexer writes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/background_process.hpp"
#include "e2e/json_lines.hpp"
#include "e2e/run_command.hpp"

namespace fundstelle::testing {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kWords = {
    "Vorstand", "Mitarbeiter", "Kündigung",   "Börse",       "Zinsen",    "Wetter",  "Regierung",
    "Schule",   "Forschung",   "Software",    "Fußball",     "Theater",   "Bahnhof", "Energie",
    "Klima",    "Wahl",        "Gericht",     "Krankenhaus", "Brücke",    "Hafen",   "Museum",
    "Konzert",  "Bäckerei",    "Universität", "Polizei",     "Feuerwehr", "Garten",  "Stadtrat"};

// `count` text articles of a few paragraphs, each a deterministic pseudo-random mix of the words
// above, so that scores hardly ever tie.
void write_corpus(const fs::path& dir, int count, unsigned seed) {
  unsigned state = seed;
  const auto next = [&] { return (state = state * 1103515245u + 12345u) >> 16; };
  for (int a = 0; a < count; ++a) {
    std::string text = "Artikel " + std::to_string(seed) + "-" + std::to_string(a) + "\n\n";
    for (int p = 0; p < 3; ++p) {
      const unsigned length = 20 + next() % 40;
      for (unsigned w = 0; w < length; ++w) text += kWords[next() % kWords.size()] + " ";
      text += "und noch mehr.\n\n";
    }
    TempDir::write_file(
        dir / ("artikel-" + std::to_string(seed) + "-" + std::to_string(a) + ".txt"), text);
  }
}

std::vector<std::string> query_args(const std::string& db, const std::string& words) {
  return {kQueryBin, "--db", db, "--json", "-n", "20", "--per-article", "0", words};
}

class RemoteShardTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    write_corpus(dir_->path() / "corpus", 40, 7);
    for (const char* shards : {"1", "2"}) {
      const CommandResult result =
          run_command({kIndexBin, "-q", "--keep-shards", "--shards", shards, "--db",
                       (dir_->path() / ("shards" + std::string(shards))).string(),
                       (dir_->path() / "corpus").string()});
      ASSERT_EQ(result.exit_code, 0) << result.err;
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static fs::path path(const std::string& name) { return dir_->path() / name; }

 private:
  static TempDir* dir_;
};
TempDir* RemoteShardTest::dir_ = nullptr;

TEST_F(RemoteShardTest, LocalPlusRemoteShardRanksLikeOneIndex) {
  ASSERT_TRUE(fs::exists(path("shards2") / "shard1"));
  const int port = free_tcp_port();
  BackgroundProcess server({"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                            std::to_string(port), (path("shards2") / "shard1").string()});
  ASSERT_TRUE(wait_for_port(port, 10)) << "xapian-tcpsrv did not start on port " << port;
  const fs::path stub = path("mixed.stub");
  TempDir::write_file(stub, "auto " + (path("shards2") / "shard0").string() +
                                "\nremote tcp 127.0.0.1 " + std::to_string(port) + "\n");

  for (const char* words : {"Vorstand Kündigung", "Börse Zinsen Klima", "Fußball",
                            "Wer leitet das Museum am Hafen?", "\"Polizei Feuerwehr\""}) {
    SCOPED_TRACE(words);
    const CommandResult single = run_command(query_args(path("shards1").string(), words));
    const CommandResult mixed = run_command(query_args(stub.string(), words));
    ASSERT_EQ(single.exit_code, 0) << single.err;
    ASSERT_EQ(mixed.exit_code, 0) << mixed.err;
    const auto expected = parse_json_lines(single.out);
    const auto actual = parse_json_lines(mixed.out);
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(actual[i]["docid"], expected[i]["docid"]) << "rank " << i + 1;
      EXPECT_EQ(actual[i]["passage"], expected[i]["passage"]) << "rank " << i + 1;
      EXPECT_NEAR(actual[i]["score"].get<double>(), expected[i]["score"].get<double>(), 1e-9);
    }
  }
  // The spelling check reads the remote shard's vocabulary too.
  const CommandResult misspelled = run_command(query_args(stub.string(), "Museum Krankenhuas"));
  ASSERT_EQ(misspelled.exit_code, 0) << misspelled.err;
  EXPECT_NE(misspelled.err.find("Meinten Sie: Museum Krankenhaus"), std::string::npos)
      << misspelled.err;
  const auto stats =
      parse_json_lines(run_command({kQueryBin, "--db", stub.string(), "--stats", "--json"}).out);
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0]["articles"], 40);
  EXPECT_TRUE(stats[0]["bytes_on_disk"].is_null());  // a remote shard's size is not known here
  server.stop();
}

// The way to reach a shard over ssh: a program speaking Xapian's protocol on stdin/stdout.
TEST_F(RemoteShardTest, ProgramServedShardRanksLikeOneIndex) {
  const fs::path stub = path("prog.stub");
  TempDir::write_file(stub, "auto shards2/shard0\nremote :xapian-progsrv " +
                                (path("shards2") / "shard1").string() + "\n");
  const CommandResult single = run_command(query_args(path("shards1").string(), "Klima Wahl"));
  const CommandResult prog = run_command(query_args(stub.string(), "Klima Wahl"));
  ASSERT_EQ(prog.exit_code, 0) << prog.err;
  const auto expected = parse_json_lines(single.out);
  const auto actual = parse_json_lines(prog.out);
  ASSERT_EQ(actual.size(), expected.size());
  ASSERT_FALSE(actual.empty());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(actual[i]["docid"], expected[i]["docid"]) << "rank " << i + 1;
    EXPECT_NEAR(actual[i]["score"].get<double>(), expected[i]["score"].get<double>(), 1e-9);
  }
}

TEST_F(RemoteShardTest, UnreachableShardIsNamedAndAllowPartialSearchesTheRest) {
  const int port = free_tcp_port();  // nobody listens there
  const fs::path stub = path("broken.stub");
  TempDir::write_file(stub, "auto " + (path("shards2") / "shard0").string() +
                                "\nremote tcp 127.0.0.1 " + std::to_string(port) + "\n");
  const std::string shard_name = "tcp 127.0.0.1:" + std::to_string(port);

  const CommandResult strict = run_command(query_args(stub.string(), "Vorstand"));
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find(shard_name), std::string::npos) << strict.err;
  EXPECT_NE(strict.err.find("--allow-partial"), std::string::npos) << strict.err;

  std::vector<std::string> args = query_args(stub.string(), "Vorstand");
  args.insert(args.begin() + 1, "--allow-partial");
  const CommandResult partial = run_command(args);
  EXPECT_EQ(partial.exit_code, 0) << partial.err;
  EXPECT_NE(partial.err.find(shard_name), std::string::npos) << partial.err;
  // Exactly the local shard's results.
  const CommandResult local =
      run_command(query_args((path("shards2") / "shard0").string(), "Vorstand"));
  std::vector<std::string> got, want;
  for (const auto& hit : parse_json_lines(partial.out)) got.push_back(hit["docid"]);
  for (const auto& hit : parse_json_lines(local.out)) want.push_back(hit["docid"]);
  EXPECT_FALSE(got.empty());
  EXPECT_EQ(got, want);
}

TEST_F(RemoteShardTest, QueriesDuringIndexingNeverFail) {
  const fs::path db = path("growing");
  ASSERT_EQ(
      run_command({kIndexBin, "-q", "--db", db.string(), (path("corpus")).string()}).exit_code, 0);
  write_corpus(path("more"), 600, 11);
  BackgroundProcess indexer(
      {kIndexBin, "-q", "--commit-every", "25", "--db", db.string(), path("more").string()});
  int queries = 0;
  while (indexer.running()) {
    const CommandResult result = run_command(query_args(db.string(), "Vorstand Kündigung"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    ++queries;
  }
  EXPECT_EQ(indexer.exit_code(), 0);
  EXPECT_GT(queries, 0);
  const auto stats =
      parse_json_lines(run_command({kQueryBin, "--db", db.string(), "--stats", "--json"}).out);
  EXPECT_EQ(stats.at(0)["articles"], 640);
}

}  // namespace
}  // namespace fundstelle::testing
