#include "writer/index_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "schema.hpp"
#include "stored_passage.hpp"
#include "support/temp_dir.hpp"
#include "vocabulary_keys.hpp"
#include "writer/document_builder.hpp"

namespace fundstelle::writer {
namespace {

namespace fs = std::filesystem;

using fundstelle::testing::TempDir;

IndexedArticle make_article(const std::string& docid, const std::vector<std::string>& paragraphs,
                            const std::string& hash) {
  IndexedArticle input;
  input.docid = docid;
  input.source = "/data/" + docid;
  input.content_hash = hash;
  input.article.title = "Titel von " + docid;
  for (const std::string& p : paragraphs) {
    input.article.blocks.push_back({extract::BlockKind::kParagraph, p, 0});
  }
  input.passages = passages::split_passages(input.article, {.max_bytes = 1000, .min_bytes = 10});
  return input;
}

class IndexWriterTest : public ::testing::Test {
 protected:
  ArticleDocuments documents(const IndexedArticle& input) {
    return build_documents(input, analyzer_);
  }

  // The passages of `docid` as the committed index holds them, in passage order.
  std::vector<StoredPassage> stored_passages(const std::string& docid) const {
    StoredIndexReader reader{Xapian::Database(index_.string())};
    std::optional<StoredArticleText> article = reader.article(docid);
    return article ? article->passages : std::vector<StoredPassage>{};
  }

  TempDir dir_;
  fs::path index_ = dir_.path() / "nested" / "index";
  analysis::GermanAnalyzer analyzer_;
};

TEST_F(IndexWriterTest, CreatesAnIndexWithSchemaMetadata) {
  {
    IndexWriter writer(index_);
    EXPECT_EQ(writer.passage_count(), 0u);
    writer.commit();
  }
  ASSERT_TRUE(fs::is_directory(index_));
  Xapian::Database db(index_.string());
  EXPECT_EQ(db.get_metadata(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  EXPECT_EQ(db.get_metadata(schema::kMetaAnalyzer), analysis::kAnalyzerName);
  const std::string last_update = db.get_metadata(schema::kMetaLastUpdate);
  ASSERT_EQ(last_update.size(), 20u) << last_update;  // 2023-11-20T08:00:00Z
  EXPECT_EQ(last_update[10], 'T');
  EXPECT_EQ(last_update.back(), 'Z');
}

// The words of the vocabulary for spelling suggestions, as the committed index lists them.
std::vector<std::string> vocabulary_of(const fs::path& index) {
  const Xapian::Database db(index.string());
  std::vector<std::string> words;
  const std::string prefix(schema::kMetaVocabulary);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    words.emplace_back(vocabulary_word(*it));
  }
  std::sort(words.begin(), words.end());
  return words;
}

TEST_F(IndexWriterTest, RecordsEveryWordOfTextAndTitleInTheVocabulary) {
  {
    IndexWriter writer(index_);
    const IndexedArticle a = make_article("a.txt", {"Die KI-Entwicklung im Jahr 2023."}, "h1");
    writer.replace_article(a.docid, documents(a));
    writer.commit();
  }
  // Whole words and compound parts, folded; numbers and words under 3 bytes are not kept.
  EXPECT_EQ(vocabulary_of(index_),
            (std::vector<std::string>{"die", "entwicklung", "jahr", "kientwicklung", "titel", "txt",
                                      "von"}));
  EXPECT_EQ(Xapian::Database(index_.string()).get_metadata(schema::kMetaHasVocabulary), "1");
}

TEST_F(IndexWriterTest, AShardWrittenBeforeTheVocabularyIsNotTakenAsHavingOne) {
  {
    IndexWriter writer(index_);
    writer.commit();
  }
  {  // what an older fundstelle-index left: no marker
    Xapian::WritableDatabase db(index_.string());
    db.set_metadata(schema::kMetaHasVocabulary, "");
    db.commit();
  }
  IndexWriter writer(index_);
  const IndexedArticle a = make_article("a.txt", {"Ein Absatz."}, "h1");
  writer.replace_article(a.docid, documents(a));
  writer.commit();
  EXPECT_EQ(Xapian::Database(index_.string()).get_metadata(schema::kMetaHasVocabulary), "");
}

TEST_F(IndexWriterTest, ReplacingAnArticleTwiceLeavesNoDuplicates) {
  const IndexedArticle a = make_article(
      "a.txt", {"Erster Absatz über Kündigungen.", "Zweiter Absatz über Mitarbeiter."}, "h1");
  const IndexedArticle b = make_article("b.txt", {"Ein anderer Artikel."}, "h2");
  ASSERT_EQ(a.passages.size(), 2u);
  {
    IndexWriter writer(index_);
    writer.replace_article(a.docid, documents(a));
    writer.replace_article(b.docid, documents(b));
    writer.replace_article(a.docid, documents(a));
    EXPECT_EQ(writer.passage_count(), 3u);
    writer.commit();
  }
  {
    IndexWriter writer(index_);  // reopening an existing index
    writer.replace_article(a.docid, documents(a));
    writer.commit();
    EXPECT_EQ(writer.passage_count(), 3u);
  }
  const std::vector<StoredPassage> stored = stored_passages("a.txt");
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].passage, 1);
  EXPECT_EQ(stored[0].text, "Erster Absatz über Kündigungen.");
  EXPECT_EQ(stored[1].passage, 2);
  EXPECT_EQ(stored_passages("b.txt").size(), 1u);
}

TEST_F(IndexWriterTest, ReplacingWithFewerPassagesDropsTheRest) {
  IndexWriter writer(index_);
  const IndexedArticle before =
      make_article("a.txt", {"Erster Absatz.", "Zweiter Absatz.", "Dritter Absatz."}, "h1");
  ASSERT_EQ(before.passages.size(), 3u);
  writer.replace_article(before.docid, documents(before));
  const IndexedArticle after = make_article("a.txt", {"Nur noch ein Absatz."}, "h2");
  writer.replace_article(after.docid, documents(after));
  EXPECT_EQ(writer.passage_count(), 1u);
  writer.replace_article("a.txt", {});  // no documents: the article is deleted
  EXPECT_EQ(writer.passage_count(), 0u);
  writer.commit();
}

TEST_F(IndexWriterTest, RemembersContentHashes) {
  IndexWriter writer(index_);
  EXPECT_EQ(writer.stored_content_hash("a.txt"), "");
  const IndexedArticle a = make_article("a.txt", {"Ein Absatz."}, "hash-1");
  writer.replace_article(a.docid, documents(a));
  EXPECT_EQ(writer.stored_content_hash("a.txt"), "hash-1");
  const IndexedArticle changed = make_article("a.txt", {"Ein neuer Absatz."}, "hash-2");
  writer.replace_article(changed.docid, documents(changed));
  EXPECT_EQ(writer.stored_content_hash("a.txt"), "hash-2");
  EXPECT_EQ(writer.stored_content_hash("b.txt"), "");
  EXPECT_EQ(writer.stored_content_hash("a.tx"), "");  // ids are whole terms, not prefixes
}

TEST_F(IndexWriterTest, SecondWriterOnTheSameIndexIsLockedOut) {
  IndexWriter first(index_);
  try {
    IndexWriter second(index_);
    FAIL() << "a second writer opened a locked index";
  } catch (const IndexError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("locked"), std::string::npos) << message;
    EXPECT_NE(message.find(index_.string()), std::string::npos) << message;
  }
  // The first writer is unaffected.
  const IndexedArticle a = make_article("a.txt", {"Ein Absatz."}, "h");
  first.replace_article(a.docid, documents(a));
  first.commit();
  EXPECT_EQ(first.passage_count(), 1u);
}

TEST_F(IndexWriterTest, WriterCanReopenAfterTheFirstIsClosed) {
  { IndexWriter first(index_); }
  EXPECT_NO_THROW(IndexWriter second(index_));
}

TEST_F(IndexWriterTest, RefusesAnIndexOfAnotherSchemaVersion) {
  {
    IndexWriter writer(index_);
    writer.commit();
  }
  {
    Xapian::WritableDatabase db(index_.string(), Xapian::DB_OPEN);
    db.set_metadata(schema::kMetaSchemaVersion, std::to_string(schema::kSchemaVersion + 1));
    db.commit();
  }
  try {
    IndexWriter writer(index_);
    FAIL() << "opened an index of another schema version";
  } catch (const IndexError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("re-index"), std::string::npos) << message;
    EXPECT_NE(message.find(index_.string()), std::string::npos) << message;
  }
}

TEST_F(IndexWriterTest, RefusesAnIndexOfAnotherAnalyzer) {
  {
    IndexWriter writer(index_);
    writer.commit();
  }
  {
    Xapian::WritableDatabase db(index_.string(), Xapian::DB_OPEN);
    db.set_metadata(schema::kMetaAnalyzer, "english/1");
    db.commit();
  }
  try {
    IndexWriter writer(index_);
    FAIL() << "opened an index of another analyzer";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("re-index"), std::string::npos) << e.what();
  }
}

TEST_F(IndexWriterTest, RefusesAForeignXapianDatabase) {
  {
    fs::create_directories(index_.parent_path());
    Xapian::WritableDatabase db(index_.string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("fremd");
    db.add_document(doc);
    db.commit();
  }
  try {
    IndexWriter writer(index_);
    FAIL() << "opened a database without Fundstelle metadata";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("not a Fundstelle index"), std::string::npos) << e.what();
  }
}

TEST_F(IndexWriterTest, UnopenablePathThrowsIndexError) {
  const fs::path file = dir_.path() / "file";
  { std::ofstream(file) << "kein Index"; }
  EXPECT_THROW(IndexWriter writer(file / "index"), IndexError);
}

}  // namespace
}  // namespace fundstelle::writer
