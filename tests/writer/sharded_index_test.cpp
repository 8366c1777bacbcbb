#include "writer/sharded_index.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "analysis/german_analyzer.hpp"
#include "schema.hpp"
#include "stem_words.hpp"
#include "support/temp_dir.hpp"
#include "vocabulary_keys.hpp"
#include "writer/document_builder.hpp"

namespace fundstelle::writer {
namespace {

namespace fs = std::filesystem;

using fundstelle::testing::TempDir;

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_text(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

class ShardedIndexTest : public ::testing::Test {
 protected:
  // Twelve articles spread over the shards of `index`, committed.
  void fill(ShardedIndex& index) {
    for (int i = 0; i < 12; ++i) {
      IndexedArticle input;
      input.docid = "artikel" + std::to_string(i) + ".txt";
      input.article.title = "Meldung " + std::to_string(i);
      input.article.blocks = {{extract::BlockKind::kParagraph,
                               "Der Vorstand berichtet über Fall " + std::to_string(i) + ".", 0}};
      input.passages = passages::split_passages(input.article);
      IndexWriter& shard = index.shard(index.shard_of(input.docid));
      shard.replace_article(input.docid, build_documents(input, analyzer_));
    }
    for (unsigned i = 0; i < index.shard_count(); ++i) index.shard(i).commit();
  }

  TempDir dir_;
  fs::path path_ = dir_.path() / "index";
  analysis::GermanAnalyzer analyzer_;
};

TEST_F(ShardedIndexTest, MergesTheShardsIntoOneDatabase) {
  {
    ShardedIndex index(path_, 3);
    fill(index);
    ASSERT_EQ(index.shard_count(), 3u);
    ASSERT_TRUE(index.merge_into_one());
    EXPECT_EQ(index.shard_count(), 1u);
    EXPECT_EQ(index.shard_path(0), path_ / "shard3");
  }
  EXPECT_EQ(read_text(path_ / "XAPIANDB"), "auto shard3\n");
  for (const char* old : {"shard0", "shard1", "shard2"}) EXPECT_FALSE(fs::exists(path_ / old));
  EXPECT_FALSE(fs::exists(path_ / "MERGING"));
  EXPECT_EQ(Xapian::Database(path_.string()).get_doccount(), 12u);
  // The merged index is an ordinary one-shard index: it opens, and keeps its one shard.
  ShardedIndex reopened(path_, 4);
  EXPECT_EQ(reopened.shard_count(), 1u);
  fill(reopened);  // the same articles again: replaced, not duplicated
  EXPECT_EQ(Xapian::Database(path_.string()).get_doccount(), 12u);
}

TEST_F(ShardedIndexTest, ANewIndexWaitsForItsMergeAcrossReopens) {
  {
    ShardedIndex index(path_, 2);
    EXPECT_TRUE(index.merge_pending());
    fill(index);
  }  // a run that ends (or is killed) before the merge
  {
    ShardedIndex reopened(path_, 2);
    EXPECT_TRUE(reopened.merge_pending()) << "the rerun that completes the index merges";
    ASSERT_TRUE(reopened.merge_into_one());
    EXPECT_FALSE(reopened.merge_pending());
  }
  EXPECT_FALSE(ShardedIndex(path_, 2).merge_pending()) << "a merged index is not merged again";
  // A Xapian database the indexer did not create is never marked.
  const fs::path plain = dir_.path() / "plain";
  Xapian::WritableDatabase(plain.string(), Xapian::DB_CREATE).commit();
  EXPECT_FALSE(ShardedIndex(plain, 2).merge_pending());
}

TEST_F(ShardedIndexTest, MergingJoinsTheShardsStemLexicons) {
  // Each shard lists the words of its own articles; the merged shard must list them all.
  const std::vector<std::string> forms = {"Häuser", "Hauses", "Häusern", "Hause"};
  std::set<std::string> expected;
  {
    ShardedIndex index(path_, 3);
    // One form per article, article i in shard i % 3: no shard lists every form.
    for (size_t i = 0; i < forms.size(); ++i) {
      IndexedArticle input;
      input.docid = "haus" + std::to_string(i) + ".txt";
      input.article.blocks = {{extract::BlockKind::kParagraph, "Wir sahen " + forms[i] + ".", 0}};
      input.passages = passages::split_passages(input.article);
      const ArticleDocuments built = build_documents(input, analyzer_);
      for (const StemWord& entry : built.stem_words) {
        if (entry.stem == "haus") expected.insert(entry.word);
      }
      index.shard(static_cast<unsigned>(i % 3)).replace_article(input.docid, built);
    }
    for (unsigned i = 0; i < index.shard_count(); ++i) index.shard(i).commit();
    ASSERT_TRUE(index.merge_into_one());
  }
  ASSERT_EQ(expected.size(), forms.size());
  const std::vector<std::string> merged =
      decode_stem_words(Xapian::Database(path_.string()).get_metadata(stem_lexicon_key("haus")));
  EXPECT_EQ(std::set<std::string>(merged.begin(), merged.end()), expected);
  EXPECT_EQ(merged.size(), expected.size());  // each once
  // The vocabulary too: each shard's words are keys of their own.
  const Xapian::Database db(path_.string());
  for (const std::string& word : expected) {
    EXPECT_EQ(db.get_metadata(vocabulary_key(word)), "1") << word;
  }
  EXPECT_EQ(db.get_metadata(schema::kMetaHasVocabulary), "1");
}

TEST_F(ShardedIndexTest, MergeKilledBeforeTheStubChangedKeepsTheOldShards) {
  {
    ShardedIndex index(path_, 2);
    fill(index);
  }
  // What a kill during compaction leaves: the plan and a half-written merged shard.
  write_text(path_ / "MERGING", "shard2\nshard0\nshard1\n");
  fs::create_directories(path_ / "shard2");
  write_text(path_ / "shard2" / "postlist.glass", "half");

  ShardedIndex reopened(path_, 2);
  EXPECT_EQ(reopened.shard_count(), 2u);
  EXPECT_FALSE(fs::exists(path_ / "shard2"));
  EXPECT_FALSE(fs::exists(path_ / "MERGING"));
  EXPECT_EQ(Xapian::Database(path_.string()).get_doccount(), 12u);
}

TEST_F(ShardedIndexTest, MergeKilledAfterTheStubChangedRemovesTheOldShards) {
  {
    ShardedIndex index(path_, 2);
    fill(index);
    ASSERT_TRUE(index.merge_into_one());
  }
  // What a kill after the stub named the merged shard leaves: the plan and an old shard.
  write_text(path_ / "MERGING", "shard2\nshard0\nshard1\n");
  fs::create_directories(path_ / "shard0");

  ShardedIndex reopened(path_, 2);
  EXPECT_EQ(reopened.shard_count(), 1u);
  EXPECT_FALSE(fs::exists(path_ / "shard0"));
  EXPECT_TRUE(fs::exists(path_ / "shard2"));
  EXPECT_FALSE(fs::exists(path_ / "MERGING"));
  EXPECT_EQ(Xapian::Database(path_.string()).get_doccount(), 12u);
}

TEST_F(ShardedIndexTest, ShardsOutsideTheIndexDirectoryAreNotMerged) {
  const fs::path elsewhere = dir_.path() / "elsewhere";
  {
    ShardedIndex other(elsewhere, 1);
    fill(other);
  }
  fs::create_directories(path_);
  write_text(path_ / "XAPIANDB", "auto ../elsewhere/shard0\n");
  ShardedIndex index(path_, 2);
  EXPECT_FALSE(index.merge_into_one());
  EXPECT_EQ(Xapian::Database((elsewhere / "shard0").string()).get_doccount(), 12u);
  EXPECT_EQ(read_text(path_ / "XAPIANDB"), "auto ../elsewhere/shard0\n");
}

TEST_F(ShardedIndexTest, APlainXapianDatabaseIsNotMerged) {
  { Xapian::WritableDatabase(path_.string(), Xapian::DB_CREATE); }
  ShardedIndex index(path_, 2);
  EXPECT_FALSE(index.merge_into_one());
  EXPECT_EQ(index.shard_count(), 1u);
}

}  // namespace
}  // namespace fundstelle::writer
