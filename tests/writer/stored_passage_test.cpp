#include "stored_passage.hpp"

#include <gtest/gtest.h>

#include <string>

#include "schema.hpp"

namespace fundstelle {
namespace {

StoredArticle sample_article() {
  StoredArticle a;
  a.docid = "news/2023/openai-altman.html";
  a.title = "OpenAI ist in Gefahr — „Kündigung“ droht";
  a.source = "/home/anna/news/2023/openai-altman.html";
  a.passage_count = 2;
  a.metadata = {{"author", "Anna Berg"},
                {"published", "2023-11-20T08:00:00Z"},
                {"url", "https://example.org/a?b=1&c=2"}};
  return a;
}

const std::string kFirst = "Mehr als 500 Mitarbeiter drohen.\n\nZweiter Absatz mit \"Zitat\".";
const std::string kSecond = "Der Vorstand schweigt.";

// The documents of sample_article() as the writer stores them (data and value slots).
Xapian::Document passage_document(const std::string& docid, int number, const std::string& text,
                                  size_t start, const StoredArticle* article) {
  Xapian::Document doc;
  doc.add_boolean_term(article_term(docid));
  doc.add_value(schema::kSlotArticle, docid);
  doc.add_value(schema::kSlotPassage, Xapian::sortable_serialise(number));
  doc.add_value(schema::kSlotStart, Xapian::sortable_serialise(static_cast<double>(start)));
  doc.add_value(schema::kSlotEnd,
                Xapian::sortable_serialise(static_cast<double>(start + text.size())));
  doc.set_data(encode_passage_data(text, article));
  return doc;
}

class StoredIndexReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const StoredArticle article = sample_article();
    db_.add_document(passage_document(article.docid, 1, kFirst, 0, &article));
    db_.add_document(passage_document("other.txt", 1, "Anderer Text.", 0, nullptr));
    db_.add_document(passage_document(article.docid, 2, kSecond, kFirst.size() + 2, nullptr));
  }
  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST(PassageDataTest, RoundTripsTextAndArticle) {
  const StoredArticle article = sample_article();
  PassageData data;
  ASSERT_TRUE(decode_passage_data(encode_passage_data(kFirst, &article), data));
  EXPECT_EQ(data.text, kFirst);
  ASSERT_TRUE(data.article);
  StoredArticle expected = article;
  expected.docid.clear();  // a value slot, not stored in the data
  EXPECT_EQ(*data.article, expected);

  ASSERT_TRUE(decode_passage_data(encode_passage_data(kSecond, nullptr), data));
  EXPECT_EQ(data.text, kSecond);
  EXPECT_FALSE(data.article);
}

TEST(PassageDataTest, KeepsBytesAsTheyAre) {
  const std::string text = std::string("kaputt \xFF\xFE Ende mit \0 NUL", 23);
  StoredArticle article;
  article.title = "\xC3";
  PassageData data;
  ASSERT_TRUE(decode_passage_data(encode_passage_data(text, &article), data));
  EXPECT_EQ(data.text, text);
  EXPECT_EQ(data.article->title, "\xC3");
}

TEST(PassageDataTest, RejectsDataItCannotRead) {
  const StoredArticle article = sample_article();
  const std::string good = encode_passage_data(kFirst, &article);
  const std::string inputs[] = {
      "",
      R"({"docid": "a", "passage": 1, "text": "t"})",  // schema 1 (JSON)
      good.substr(0, good.size() - 1),                  // truncated
      good + "x",                                       // trailing bytes
      good.substr(0, 1 + 1 + kFirst.size()) + "B",      // unknown section
      std::string("\x02\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", 11),  // overlong number
  };
  for (const std::string& input : inputs) {
    PassageData out;
    EXPECT_FALSE(decode_passage_data(input, out)) << input;
  }
}

TEST_F(StoredIndexReaderTest, PassageGetsItsArticleFieldsFromTheFirstPassage) {
  StoredIndexReader reader(db_);
  const std::optional<StoredPassage> second = reader.passage(db_.get_document(3));
  ASSERT_TRUE(second);
  EXPECT_EQ(second->docid, "news/2023/openai-altman.html");
  EXPECT_EQ(second->passage, 2);
  EXPECT_EQ(second->passage_count, 2);
  EXPECT_EQ(second->title, sample_article().title);
  EXPECT_EQ(second->source, sample_article().source);
  EXPECT_EQ(second->metadata, sample_article().metadata);
  EXPECT_EQ(second->text, kSecond);
  EXPECT_EQ(second->start, kFirst.size() + 2);
  EXPECT_EQ(second->end, kFirst.size() + 2 + kSecond.size());

  // An article whose first passage is missing still gives its passages' own fields.
  const std::optional<StoredPassage> orphan = reader.passage(db_.get_document(2));
  ASSERT_TRUE(orphan);
  EXPECT_EQ(orphan->text, "Anderer Text.");
  EXPECT_EQ(orphan->title, "");
}

TEST_F(StoredIndexReaderTest, LoadsAWholeArticleInPassageOrder) {
  StoredIndexReader reader(db_);
  const std::optional<StoredArticleText> article = reader.article("news/2023/openai-altman.html");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->article, sample_article());
  ASSERT_EQ(article->passages.size(), 2u);
  EXPECT_EQ(article->passages[0].text, kFirst);
  EXPECT_EQ(article->passages[1].text, kSecond);
  EXPECT_EQ(article->passages[1].passage, 2);

  EXPECT_FALSE(reader.article("missing.html"));
  EXPECT_FALSE(reader.article("other.txt"));  // no article record
}

TEST_F(StoredIndexReaderTest, ReadsOnePassageTextByNumber) {
  StoredIndexReader reader(db_);
  const std::string docid = sample_article().docid;
  EXPECT_EQ(reader.passage_text(docid, 1), kFirst);
  EXPECT_EQ(reader.passage_text(docid, 2), kSecond);
  EXPECT_EQ(reader.passage_text("other.txt", 1), "Anderer Text.");
  EXPECT_FALSE(reader.passage_text(docid, 3));
  EXPECT_FALSE(reader.passage_text("missing.html", 1));
}

TEST(ArticleTermTest, BoundsLongDocids) {
  EXPECT_EQ(article_term("news/a.html"), "Qnews/a.html");
  EXPECT_EQ(article_term(std::string(300, 'x')).size(), 240u);
}

}  // namespace
}  // namespace fundstelle
