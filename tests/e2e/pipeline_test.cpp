// End-to-end: archives and compressed inputs, parallel shards, crash safety, incremental re-runs.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "e2e/run_command.hpp"

namespace fundstelle::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kArticles = fs::path(FUNDSTELLE_SOURCE_DIR) / "data" / "articles";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_tar_gz(const fs::path& path,
                  const std::vector<std::pair<std::string, std::string>>& members) {
  fs::create_directories(path.parent_path());
  std::unique_ptr<archive, decltype(&archive_write_free)> out(archive_write_new(),
                                                              &archive_write_free);
  archive_write_set_format_pax_restricted(out.get());
  archive_write_add_filter_gzip(out.get());
  ASSERT_EQ(archive_write_open_filename(out.get(), path.c_str()), ARCHIVE_OK);
  for (const auto& [name, bytes] : members) {
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                        &archive_entry_free);
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_write_header(out.get(), entry.get());
    archive_write_data(out.get(), bytes.data(), bytes.size());
  }
  archive_write_close(out.get());
}

// Articles m0.txt ... m<count - 1>.txt in `dir`, each one paragraph of its own: "Der
// Zitronenfalter fliegt im Absatz <i>" + `ending`.
void write_messages(const fs::path& dir, int count, const std::string& ending) {
  for (int i = 0; i < count; ++i) {
    write_file(dir / ("m" + std::to_string(i) + ".txt"),
               "Meldung " + std::to_string(i) + "\n\nDer Zitronenfalter fliegt im Absatz " +
                   std::to_string(i) + ending + "\n");
  }
}

// Indexes `in` into the new index `db` as two shards, left as written (--keep-shards).
void index_keeping_two_shards(const fs::path& in, const fs::path& db) {
  const CommandResult result = run_command(
      {kIndexBin, "-q", "--keep-shards", "--shards", "2", "--db", db.string(), in.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(db / "XAPIANDB"), "auto shard0\nauto shard1\n");
}

std::set<std::string> docids_for(const fs::path& db, const std::string& query) {
  const CommandResult result = run_command(
      {kQueryBin, "--db", db.string(), "--json", "-n", "1000", "--per-article", "1", query});
  std::set<std::string> docids;
  std::istringstream in(result.out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) docids.insert(nlohmann::json::parse(line)["docid"].get<std::string>());
  }
  return docids;
}

TEST(PipelineTest, IndexesArchiveMembersAndCompressedFiles) {
  TempDir dir;
  const fs::path in = dir.path() / "in";
  write_tar_gz(in / "articles.tar.gz",
               {{"2023/openai-altman.html", read_file(kArticles / "openai-altman.html")}});
  {
    std::unique_ptr<archive, decltype(&archive_write_free)> out(archive_write_new(),
                                                                &archive_write_free);
    archive_write_set_format_raw(out.get());
    archive_write_add_filter_bzip2(out.get());
    archive_write_open_filename(out.get(), (in / "notiz.txt.bz2").c_str());
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                        &archive_entry_free);
    const std::string text = "Notiz\n\nDer Quartalsbericht des Zitronenfalters liegt vor.\n";
    archive_entry_set_pathname(entry.get(), "data");
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(text.size()));
    archive_write_header(out.get(), entry.get());
    archive_write_data(out.get(), text.data(), text.size());
    archive_write_close(out.get());
  }
  const fs::path db = dir.path() / "index";
  const CommandResult result = run_command({kIndexBin, "--db", db.string(), in.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(docids_for(db, "Murati"),
            std::set<std::string>{"articles.tar.gz/2023/openai-altman.html"});
  EXPECT_EQ(docids_for(db, "Zitronenfalter"), std::set<std::string>{"notiz.txt.bz2"});
}

TEST(PipelineTest, BrokenCompressedInputIsReportedAndTheRestIndexed) {
  TempDir dir;
  const fs::path in = dir.path() / "in";
  std::string members;
  write_tar_gz(in / "broken.tar.gz", {{"a.txt", std::string(200000, 'x') + " Aal"}});
  fs::resize_file(in / "broken.tar.gz", fs::file_size(in / "broken.tar.gz") / 2);
  write_file(in / "good.txt", "Gut\n\nEin Absatz über Zitronenfalter.\n");
  const fs::path db = dir.path() / "index";
  const CommandResult result = run_command({kIndexBin, "--db", db.string(), in.string()});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("broken.tar.gz"), std::string::npos) << result.err;
  EXPECT_EQ(docids_for(db, "Zitronenfalter"), std::set<std::string>{"good.txt"});
}

TEST(PipelineTest, ShardedIndexAnswersLikeOneIndex) {
  TempDir dir;
  const fs::path in = dir.path() / "in";
  const char* subjects[] = {"Vorstand", "Aktienkurs", "Mitarbeiter", "Gewerkschaft",
                            "Bahn",     "Wetter",     "Fußball",     "Forschung"};
  for (int i = 0; i < 40; ++i) {
    std::string text = "Meldung " + std::to_string(i) + "\n\n";
    for (int p = 0; p <= i % 5; ++p) {
      text += std::string("Der Bericht über ") + subjects[(i + p) % 8] + " und " +
              subjects[(i * 3 + p) % 8] + " nennt " + std::to_string(i * 17 + p) +
              " Fälle in Absatz " + std::to_string(p) + ".\n\n";
    }
    write_file(in / ("m" + std::to_string(i) + ".txt"), text);
  }
  const fs::path one = dir.path() / "one";
  const fs::path three = dir.path() / "three";
  ASSERT_EQ(
      run_command({kIndexBin, "-q", "--shards", "1", "--db", one.string(), in.string()}).exit_code,
      0);
  ASSERT_EQ(run_command(
                {kIndexBin, "-q", "--shards", "3", "-j", "3", "--db", three.string(), in.string()})
                .exit_code,
            0);
  EXPECT_TRUE(fs::exists(three / "XAPIANDB"));
  // Xapian combines the shards' statistics: the same passages get the same scores. Hits with
  // equal scores may come in another order, so all hits are compared sorted by (score, id).
  const auto ranking = [](const fs::path& db, const char* query) {
    const auto result = run_command(
        {kQueryBin, "--db", db.string(), "--json", "-n", "1000", "--per-article", "0", query});
    std::vector<std::pair<std::string, std::string>> hits;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
      const auto hit = nlohmann::json::parse(line);
      char score[32];
      std::snprintf(score, sizeof score, "%.9f", hit["score"].get<double>());
      hits.emplace_back(
          score, hit["docid"].get<std::string>() + "#" + std::to_string(hit["passage"].get<int>()));
    }
    std::sort(hits.rbegin(), hits.rend());
    return hits;
  };
  for (const char* query : {"Vorstand Aktienkurs", "Wie viele Fälle nennt der Bericht?", "Bahn"}) {
    const auto a = ranking(one, query);
    EXPECT_FALSE(a.empty()) << query;
    EXPECT_EQ(a, ranking(three, query)) << query;
  }
}

// kill -9 at some moment leaves a usable index; a re-run completes it to what an uninterrupted
// run produces.
TEST(PipelineTest, KilledIndexerLeavesAUsableIndexAndARerunCompletesIt) {
  TempDir dir;
  const fs::path in = dir.path() / "in";
  for (int i = 0; i < 400; ++i) {
    std::string text = "Artikel " + std::to_string(i) + "\n\n";
    for (int p = 0; p < 6; ++p) {
      text += "Absatz " + std::to_string(p) + " von Artikel " + std::to_string(i) +
              ": Der Vorstand berichtet über die Quartalszahlen und die Lage im Markt. "
              "Die Mitarbeiter warten auf Entscheidungen.\n\n";
    }
    write_file(in / ("a" + std::to_string(i) + ".txt"), text);
  }
  const fs::path reference = dir.path() / "reference";
  ASSERT_EQ(run_command({kIndexBin, "-q", "--db", reference.string(), in.string()}).exit_code, 0);
  const Xapian::doccount expected = Xapian::Database(reference.string()).get_doccount();

  const fs::path db = dir.path() / "index";
  for (int delay_ms : {30, 120}) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const std::string db_arg = db.string();
      const std::string in_arg = in.string();
      execl(kIndexBin.c_str(), kIndexBin.c_str(), "-q", "--commit-every", "20", "--db",
            db_arg.c_str(), in_arg.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    // Whatever was committed is searchable; nothing is broken. Killed before the index was
    // complete, there is no index yet (and the query tool says so).
    const CommandResult during = run_command({kQueryBin, "--db", db.string(), "Vorstand"});
    const bool no_index_yet =
        !fs::exists(db / "XAPIANDB") && during.err.find("no index") != std::string::npos;
    EXPECT_TRUE(during.exit_code == 0 || during.exit_code == 1 || no_index_yet) << during.err;
  }
  const CommandResult rerun = run_command({kIndexBin, "-q", "--db", db.string(), in.string()});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), expected);
  // The run that completed the new index merged its shards, as an uninterrupted one does.
  const std::string stub = read_file(db / "XAPIANDB");
  EXPECT_EQ(std::count(stub.begin(), stub.end(), '\n'), 1) << stub;
  // And once more: nothing changes, nothing is duplicated.
  ASSERT_EQ(run_command({kIndexBin, "-q", "--db", db.string(), in.string()}).exit_code, 0);
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), expected);
}

TEST(PipelineTest, PruneRemovesArticlesWhoseInputIsGone) {
  TempDir dir;
  const fs::path in = dir.path() / "in";
  write_file(in / "bleibt.txt", "Bleibt\n\nDer Zitronenfalter bleibt im Index.\n");
  write_file(in / "geht.txt", "Geht\n\nDer Zitronenfalter verschwindet bald.\n");
  const fs::path db = dir.path() / "index";
  ASSERT_EQ(run_command({kIndexBin, "-q", "--db", db.string(), in.string()}).exit_code, 0);
  fs::remove(in / "geht.txt");
  // Without --prune nothing is removed ...
  ASSERT_EQ(run_command({kIndexBin, "-q", "--db", db.string(), in.string()}).exit_code, 0);
  EXPECT_EQ(docids_for(db, "Zitronenfalter"), (std::set<std::string>{"bleibt.txt", "geht.txt"}));
  // ... with it, the index mirrors the inputs.
  const CommandResult pruned =
      run_command({kIndexBin, "--prune", "--db", db.string(), in.string()});
  ASSERT_EQ(pruned.exit_code, 0) << pruned.err;
  EXPECT_NE(pruned.err.find("1 pruned"), std::string::npos) << pruned.err;
  EXPECT_EQ(docids_for(db, "Zitronenfalter"), std::set<std::string>{"bleibt.txt"});
}

TEST(PipelineTest, NewIndexIsMergedAtTheEndOfTheRunThatCompletesIt) {
  TempDir dir;
  const fs::path in = dir.path() / "in";
  write_messages(in, 12, ".");
  const fs::path merged = dir.path() / "merged";
  const CommandResult first =
      run_command({kIndexBin, "--shards", "2", "--db", merged.string(), in.string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("merged into one compacted database"), std::string::npos) << first.err;
  EXPECT_EQ(read_file(merged / "XAPIANDB"), "auto shard2\n");
  EXPECT_FALSE(fs::exists(merged / "shard0"));
  EXPECT_EQ(docids_for(merged, "Zitronenfalter").size(), 12u);
  // Later runs add to the merged database and merge nothing.
  write_file(in / "m12.txt", "Meldung 12\n\nDer Zitronenfalter schläft.\n");
  const CommandResult later = run_command({kIndexBin, "--db", merged.string(), in.string()});
  ASSERT_EQ(later.exit_code, 0) << later.err;
  EXPECT_EQ(later.err.find("merged"), std::string::npos) << later.err;
  EXPECT_EQ(read_file(merged / "XAPIANDB"), "auto shard2\n");
  EXPECT_EQ(docids_for(merged, "Zitronenfalter").size(), 13u);

  // --keep-shards leaves them; the next run without it completes the new index.
  const fs::path kept = dir.path() / "kept";
  index_keeping_two_shards(in, kept);
  EXPECT_EQ(run_command({kIndexBin, "--keep-shards", "--compact", "--db", kept.string()}).exit_code,
            2)
      << "contradictory flags";
  ASSERT_EQ(run_command({kIndexBin, "-q", "--db", kept.string(), in.string()}).exit_code, 0);
  EXPECT_EQ(read_file(kept / "XAPIANDB"), "auto shard2\n");
  EXPECT_EQ(docids_for(kept, "Zitronenfalter"), docids_for(merged, "Zitronenfalter"));
}

TEST(PipelineTest, CompactMergesTheShardsAndKeepsTheAnswers) {
  TempDir dir;
  const fs::path in = dir.path() / "in";
  write_messages(in, 20, " über den Garten.");
  const fs::path db = dir.path() / "index";
  index_keeping_two_shards(in, db);
  const std::set<std::string> before = docids_for(db, "Zitronenfalter Garten");
  ASSERT_EQ(before.size(), 20u);

  // Without paths only --compact is allowed: --prune would empty the index.
  EXPECT_EQ(run_command({kIndexBin, "--db", db.string()}).exit_code, 2);
  EXPECT_EQ(run_command({kIndexBin, "--compact", "--prune", "--db", db.string()}).exit_code, 2);
  const CommandResult compacted = run_command({kIndexBin, "--compact", "--db", db.string()});
  ASSERT_EQ(compacted.exit_code, 0) << compacted.err;
  EXPECT_NE(compacted.err.find("merged into one compacted database"), std::string::npos)
      << compacted.err;
  EXPECT_EQ(read_file(db / "XAPIANDB"), "auto shard2\n");
  EXPECT_FALSE(fs::exists(db / "shard0"));
  EXPECT_FALSE(fs::exists(db / "shard1"));
  EXPECT_EQ(docids_for(db, "Zitronenfalter Garten"), before);

  // Later runs write the merged shard: a changed article is replaced, nothing is duplicated.
  write_file(in / "m3.txt", "Meldung 3\n\nDer Zitronenfalter schläft im Schuppen.\n");
  ASSERT_EQ(run_command({kIndexBin, "-q", "--db", db.string(), in.string()}).exit_code, 0);
  EXPECT_EQ(docids_for(db, "Zitronenfalter").size(), 20u);
  EXPECT_EQ(docids_for(db, "Schuppen"), std::set<std::string>{"m3.txt"});
}

const fs::path kXmlMaps = fs::path(FUNDSTELLE_SOURCE_DIR) / "data" / "xml-maps";

TEST(PipelineTest, XmlMapGivesOneArticlePerRecord) {
  TempDir dir;
  const fs::path db = dir.path() / "index";
  const CommandResult result = run_command(
      {kIndexBin, "--db", db.string(), "--xml-map", (kXmlMaps / "example.json").string(),
       (kXmlMaps / "example.xml").string(), (kArticles / "openai-altman.xml").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(docids_for(db, "Notfahrplan"), std::set<std::string>{"example.xml#2023-1120-01"});
  EXPECT_EQ(docids_for(db, "Radweg Donau"), std::set<std::string>{"example.xml#2023-1121-07"});
  // Other XML (the NITF sample) is read as usual.
  EXPECT_EQ(docids_for(db, "Murati"), std::set<std::string>{"openai-altman.xml"});

  const CommandResult hit =
      run_command({kQueryBin, "--db", db.string(), "--json", "-n", "1", "Radweg am Donauufer"});
  ASSERT_EQ(hit.exit_code, 0) << hit.err;
  const nlohmann::json first = nlohmann::json::parse(hit.out.substr(0, hit.out.find('\n')));
  EXPECT_EQ(first["title"], "Stadtrat beschließt neuen Radweg entlang der Donau");
  EXPECT_EQ(first["author"], "Lukas Huber, Maria Gruber");
  EXPECT_EQ(first["published"], "2023-11-21");
}

TEST(PipelineTest, BadXmlMapStopsBeforeIndexing) {
  TempDir dir;
  const fs::path map = dir.path() / "map.json";
  write_file(map, R"j({"record": "/archiv/beitrag[", "id": "@nr", "body": "text/absatz"})j");
  const fs::path db = dir.path() / "index";
  const CommandResult result = run_command({kIndexBin, "--db", db.string(), "--xml-map",
                                            map.string(), (kXmlMaps / "example.xml").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(map.string() + ": bad XPath in \"record\": /archiv/beitrag["),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(fs::exists(db));
}

}  // namespace
}  // namespace fundstelle::testing
