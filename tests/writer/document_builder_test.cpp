#include "writer/document_builder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "analysis/normalizer.hpp"
#include "schema.hpp"
#include "stored_passage.hpp"

namespace fundstelle::writer {
namespace {

using Positions = std::vector<Xapian::termpos>;

// Every term of `doc` with its positions (empty for terms without positions).
std::map<std::string, Positions> terms_of(const Xapian::Document& doc) {
  std::map<std::string, Positions> out;
  for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    Positions& positions = out[*it];
    for (Xapian::PositionIterator p = it.positionlist_begin(); p != it.positionlist_end(); ++p) {
      positions.push_back(*p);
    }
  }
  return out;
}

IndexedArticle sample_article() {
  IndexedArticle input;
  input.docid = "news/a.html";
  input.source = "/data/news/a.html";
  input.content_hash = "sha-123";
  input.article.title = "KI-Entwicklung bei OpenAI";
  input.article.metadata = {{extract::meta::kAuthor, "Anna Berg, Tom Roth,"},
                            {extract::meta::kPublished, "2023-11-20"},
                            {extract::meta::kSiteName, "Tech-Blog"},
                            {extract::meta::kUrl, "https://www.Tech-Blog.example:443/a?x=1"},
                            {extract::meta::kLanguage, "de"},
                            {extract::meta::kTags, "KI, Wirtschaft,"}};
  input.article.blocks = {
      {extract::BlockKind::kParagraph, "Die Mitarbeitern drohen mit Kündigung.", 0},
      {extract::BlockKind::kParagraph, "Die KI-Entwicklung ist wichtig.", 0}};
  input.passages = passages::split_passages(input.article, {.max_bytes = 1000, .min_bytes = 10});
  return input;
}

class DocumentBuilderTest : public ::testing::Test {
 protected:
  std::string stem(const char* folded) { return analyzer_.stem(folded); }

  analysis::GermanAnalyzer analyzer_;
};

TEST_F(DocumentBuilderTest, BuildsOneDocumentPerPassage) {
  const IndexedArticle input = sample_article();
  ASSERT_EQ(input.passages.size(), 2u);
  EXPECT_EQ(build_documents(input, analyzer_).passages.size(), 2u);

  IndexedArticle empty = input;
  empty.passages.clear();
  EXPECT_TRUE(build_documents(empty, analyzer_).passages.empty());
}

TEST_F(DocumentBuilderTest, IndexesExactFormsWithPositionsAndNoStemTerms) {
  const std::vector<Xapian::Document> docs = build_documents(sample_article(), analyzer_).passages;
  ASSERT_EQ(docs.size(), 2u);
  const std::map<std::string, Positions> terms = terms_of(docs[0]);
  struct Case {
    std::string term;
    Positions positions;
  };
  const Case cases[] = {
      {"die", {1}},        {"mitarbeitern", {2}}, {"drohen", {3}},
      {"mit", {4}},  // stopwords are indexed too, so that phrases with them match
      {"kuendigung", {5}},
  };
  for (const Case& c : cases) {
    const auto it = terms.find(c.term);
    ASSERT_NE(it, terms.end()) << c.term;
    EXPECT_EQ(it->second, c.positions) << c.term;
  }
  for (const auto& [term, positions] : terms) {
    EXPECT_FALSE(term.starts_with("Z")) << term;  // stems are found through the stem lexicon
  }
  EXPECT_EQ(terms.count("Kündigung"), 0u);    // never the surface form
  EXPECT_EQ(terms.count("mitarbeiter"), 0u);  // the exact form is the folded surface form
  EXPECT_EQ(terms.count("entwicklung"), 0u);  // another passage's words
}

TEST_F(DocumentBuilderTest, ListsEveryWordThatDiffersFromItsStemOnce) {
  IndexedArticle input = sample_article();
  input.article.title = "Mitarbeiter und Häuser";
  input.article.blocks = {
      {extract::BlockKind::kParagraph, "Mitarbeiter fragen Mitarbeitern, was Mitarbeiter tun.", 0},
      {extract::BlockKind::kParagraph, "Die KI-Entwicklung ist wichtig für das Haus.", 0}};
  input.passages = passages::split_passages(input.article, {.max_bytes = 1000, .min_bytes = 10});
  const ArticleDocuments built = build_documents(input, analyzer_);
  ASSERT_EQ(built.passages.size(), 2u);
  std::vector<StemWord> expected;
  for (const char* word :
       {"mitarbeiter", "mitarbeitern", "fragen", "was", "tun", "haeuser", "kientwicklung",
        "entwicklung", "wichtig", "die", "ist", "fuer", "das", "haus", "ki", "und"}) {
    const std::string folded = analysis::fold(word);
    if (stem(folded.c_str()) != folded) expected.push_back({stem(folded.c_str()), folded});
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(built.stem_words, expected);
  // Some of them are there: inflected forms, a title word, a compound and its part.
  for (const char* word : {"mitarbeitern", "kientwicklung", "entwicklung"}) {
    const std::string folded = analysis::fold(word);
    EXPECT_TRUE(
        std::count(expected.begin(), expected.end(), StemWord{stem(folded.c_str()), folded}) == 1)
        << word;
  }
}

TEST_F(DocumentBuilderTest, CountsEveryOccurrenceOfAWord) {
  IndexedArticle input = sample_article();
  input.article.blocks = {
      {extract::BlockKind::kParagraph, "Mitarbeiter fragen Mitarbeitern, was Mitarbeiter tun.", 0}};
  input.passages = passages::split_passages(input.article);
  const std::vector<Xapian::Document> docs = build_documents(input, analyzer_).passages;
  ASSERT_EQ(docs.size(), 1u);
  const auto wdf_of = [&](const std::string& term) -> Xapian::termcount {
    Xapian::TermIterator it = docs[0].termlist_begin();
    it.skip_to(term);
    return it != docs[0].termlist_end() && *it == term ? it.get_wdf() : 0;
  };
  EXPECT_EQ(wdf_of("mitarbeiter"), 2u);
  EXPECT_EQ(wdf_of("mitarbeitern"), 1u);
  EXPECT_EQ(terms_of(docs[0]).at("mitarbeiter"), (Positions{1, 5}));
}

TEST_F(DocumentBuilderTest, PutsCompoundPartsAtConsecutivePositions) {
  const std::vector<Xapian::Document> docs = build_documents(sample_article(), analyzer_).passages;
  ASSERT_EQ(docs.size(), 2u);
  const std::map<std::string, Positions> terms =
      terms_of(docs[1]);  // "Die KI-Entwicklung ist wichtig."
  struct Case {
    std::string term;
    Positions positions;
  };
  const Case cases[] = {
      {"die", {1}},         {"kientwicklung", {2}}, {"ki", {2}},
      {"entwicklung", {3}}, {"ist", {4}},  // the word after a compound follows its last part
      {"wichtig", {5}},
  };
  for (const Case& c : cases) {
    const auto it = terms.find(c.term);
    ASSERT_NE(it, terms.end()) << c.term;
    EXPECT_EQ(it->second, c.positions) << c.term;
  }
}

TEST_F(DocumentBuilderTest, PhraseOverCompoundPartsMatches) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const Xapian::Document& doc : build_documents(sample_article(), analyzer_).passages) {
    db.add_document(doc);
  }
  const auto matches = [&](std::vector<std::string> words) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
    return enquire.get_mset(0, 10).size();
  };
  EXPECT_EQ(matches({"ki", "entwicklung"}), 1u);
  EXPECT_EQ(matches({"die", "ki", "entwicklung", "ist"}), 1u);
  EXPECT_EQ(matches({"die", "kientwicklung"}), 1u);
  EXPECT_EQ(matches({"entwicklung", "ki"}), 0u);
}

TEST_F(DocumentBuilderTest, IndexesTitleTermsWithoutPositionsOnEveryPassage) {
  const std::vector<Xapian::Document> docs = build_documents(sample_article(), analyzer_).passages;
  ASSERT_EQ(docs.size(), 2u);
  for (const Xapian::Document& doc : docs) {
    const std::map<std::string, Positions> terms = terms_of(doc);
    const std::vector<std::string> expected = {"Skientwicklung", "Ski", "Sentwicklung", "Sbei",
                                               "Sopenai"};
    for (const std::string& term : expected) {
      const auto it = terms.find(term);
      ASSERT_NE(it, terms.end()) << term;
      EXPECT_TRUE(it->second.empty()) << term;
    }
  }
}

TEST_F(DocumentBuilderTest, AddsIdentityAndFilterTerms) {
  const std::vector<Xapian::Document> docs = build_documents(sample_article(), analyzer_).passages;
  ASSERT_EQ(docs.size(), 2u);
  for (size_t n = 0; n < docs.size(); ++n) {
    const std::map<std::string, Positions> terms = terms_of(docs[n]);
    const std::string expected[] = {"Qnews/a.html", "Aanna berg", "Atom roth", "Htechblog",
                                    "Htechblog.example"};
    for (const std::string& term : expected) EXPECT_EQ(terms.count(term), 1u) << term;
    EXPECT_EQ(terms.count("A"), 0u);  // the trailing comma adds no empty author
    // Language and tags have no query operator: stored, not indexed.
    for (const auto& [term, positions] : terms) {
      EXPECT_FALSE(term.starts_with('L') || term.starts_with('K')) << term;
    }
    for (const auto& [term, positions] : terms) EXPECT_FALSE(term.starts_with("XP")) << term;
  }
  EXPECT_EQ(article_term("news/a.html"), "Qnews/a.html");
}

TEST_F(DocumentBuilderTest, LongDocidsAreBoundedInTerms) {
  const std::string docid(300, 'x');
  const std::string term = article_term(docid);
  EXPECT_EQ(term.size(), 240u);
  EXPECT_EQ(term.substr(0, 2), "Qx");

  IndexedArticle input = sample_article();
  input.docid = docid;
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const Xapian::Document& doc : build_documents(input, analyzer_).passages)
    db.add_document(doc);
  EXPECT_EQ(db.get_termfreq(term), 2u);
}

TEST_F(DocumentBuilderTest, StoresValuesPerSchema) {
  const IndexedArticle input = sample_article();
  const std::vector<Xapian::Document> docs = build_documents(input, analyzer_).passages;
  ASSERT_EQ(docs.size(), 2u);
  for (size_t n = 0; n < docs.size(); ++n) {
    const Xapian::Document& doc = docs[n];
    EXPECT_EQ(doc.get_value(schema::kSlotArticle), "news/a.html");
    EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(schema::kSlotPassage)),
              static_cast<double>(n + 1));  // 1-based
    EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(schema::kSlotStart)),
              static_cast<double>(input.passages[n].start));
    EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(schema::kSlotEnd)),
              static_cast<double>(input.passages[n].end));
    EXPECT_EQ(doc.get_value(schema::kSlotDate), "2023-11-20");
    // Article-level: on the first passage only.
    EXPECT_EQ(doc.get_value(schema::kSlotContentHash), n == 0 ? "sha-123" : "");
  }
  // The second passage starts after the first block and the blank line.
  EXPECT_EQ(input.passages[1].start, input.article.blocks[0].text.size() + 2);

  IndexedArticle bare = input;
  bare.content_hash.clear();
  bare.article.metadata.clear();
  for (const Xapian::Document& doc : build_documents(bare, analyzer_).passages) {
    EXPECT_EQ(doc.get_value(schema::kSlotDate), "");
    EXPECT_EQ(doc.get_value(schema::kSlotContentHash), "");
    EXPECT_EQ(doc.get_value(schema::kSlotArticle), "news/a.html");
  }
}

TEST_F(DocumentBuilderTest, ArticleDataIsStoredOnceOnTheFirstPassage) {
  const IndexedArticle input = sample_article();
  const std::vector<Xapian::Document> docs = build_documents(input, analyzer_).passages;
  ASSERT_EQ(docs.size(), 2u);
  for (size_t n = 0; n < docs.size(); ++n) {
    PassageData data;
    ASSERT_TRUE(decode_passage_data(docs[n].get_data(), data));
    EXPECT_EQ(data.text, input.passages[n].text);
    EXPECT_EQ(data.article.has_value(), n == 0) << "passage " << n + 1;
  }
}

TEST_F(DocumentBuilderTest, StoredPassagesReadBackWithTheirArticle) {
  const IndexedArticle input = sample_article();
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const Xapian::Document& doc : build_documents(input, analyzer_).passages)
    db.add_document(doc);
  StoredIndexReader reader(db);
  for (Xapian::docid id = 1; id <= 2; ++id) {
    const std::optional<StoredPassage> stored = reader.passage(db.get_document(id));
    ASSERT_TRUE(stored);
    StoredPassage expected;
    expected.docid = "news/a.html";
    expected.passage = static_cast<int>(id);
    expected.passage_count = 2;
    expected.title = "KI-Entwicklung bei OpenAI";
    expected.source = "/data/news/a.html";
    expected.text = input.passages[id - 1].text;
    expected.start = input.passages[id - 1].start;
    expected.end = input.passages[id - 1].end;
    expected.metadata = input.article.metadata;
    EXPECT_EQ(*stored, expected) << "passage " << id;
  }
}

}  // namespace
}  // namespace fundstelle::writer
