#include "search/searcher.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "schema.hpp"
#include "support/temp_dir.hpp"
#include "support/test_index.hpp"
#include "writer/document_builder.hpp"
#include "writer/index_writer.hpp"

namespace fundstelle::query {
namespace {

namespace fs = std::filesystem;

using fundstelle::testing::TempDir;
using fundstelle::testing::TestArticle;
using fundstelle::testing::write_index;

const std::string kThreat =
    "Mehr als 500 Mitarbeiter drohen mit der Kündigung, falls Sam Altman nicht zurückkehrt.";

const std::string kWeather = "Das Wetter in San Francisco war am Wochenende sonnig und mild.";

const std::vector<TestArticle> kArticles = {
    {"krise.html",
     "Unruhe bei OpenAI",
     {kWeather, kThreat,
      "Die Mitarbeiter von OpenAI schrieben einen offenen Brief an den Vorstand.",
      "Auch Mitarbeitern anderer Firmen fiel die Entscheidung leicht."},
     {{"author", "Anna Berg"}, {"published", "2023-11-20"}}},
    {"boerse.html",
     "Börse",
     {"Die Aktienkurse stiegen am Montag deutlich an.",
      "Anleger hoffen auf sinkende Zinsen im Frühjahr."}},
    {"kopie.html", "Kopie", {kWeather}},  // the same passage text as krise.html#1
    {"microsoft.html",
     "Microsoft",
     {"Microsoft bietet Sam Altman und seinen Mitarbeitern neue Stellen an."}},
};

std::string id_of(const Hit& hit) { return hit.docid + "#" + std::to_string(hit.passage); }

std::vector<std::string> ids_of(const std::vector<Hit>& hits) {
  std::vector<std::string> out;
  for (const Hit& hit : hits) out.push_back(id_of(hit));
  return out;
}

class SearcherTest : public ::testing::Test {
 protected:
  SearcherTest() { write_index(index_, kArticles); }

  std::vector<Hit> search(std::string_view query, SearchOptions options = {}) {
    Searcher searcher({index_});
    return searcher.search(query, options);
  }

  TempDir dir_;
  fs::path index_ = dir_.path() / "index";
};

TEST_F(SearcherTest, RanksThePassageWithTheQueryWordsFirst) {
  struct Case {
    const char* query;
    std::string first;
  };
  const Case cases[] = {
      {"Entscheidung leicht", "krise.html#4"},
      {"Aktienkurse", "boerse.html#1"},
      {"Zinsen Frühjahr", "boerse.html#2"},
      {"offener Brief an den Vorstand", "krise.html#3"},
      {"Wer bietet neue Stellen an?", "microsoft.html#1"},
  };
  for (const Case& c : cases) {
    const std::vector<Hit> hits = search(c.query);
    ASSERT_FALSE(hits.empty()) << c.query;
    EXPECT_EQ(id_of(hits[0]), c.first) << c.query;
  }
}

TEST_F(SearcherTest, FillsHitsFromTheStoredPassage) {
  const std::vector<Hit> hits = search("Kündigung Mitarbeiter", {.limit = 10, .per_article = 0});
  ASSERT_FALSE(hits.empty());
  const Hit& hit = hits[0];
  EXPECT_EQ(hit.rank, 1u);
  EXPECT_GT(hit.score, 0.0);
  EXPECT_EQ(hit.docid, "krise.html");
  EXPECT_EQ(hit.passage, 2);  // 1-based
  EXPECT_EQ(hit.passage_count, 4);
  EXPECT_EQ(hit.title, "Unruhe bei OpenAI");
  EXPECT_EQ(hit.source, "/data/krise.html");
  EXPECT_EQ(hit.text, kThreat);
  EXPECT_EQ(hit.metadata.at("author"), "Anna Berg");
  EXPECT_EQ(hit.metadata.at("published"), "2023-11-20");
  std::vector<std::string> highlighted;
  for (const auto& [begin, end] : hit.highlights) {
    highlighted.push_back(hit.text.substr(begin, end - begin));
  }
  EXPECT_EQ(highlighted, (std::vector<std::string>{"Mitarbeiter", "Kündigung"}));
  ASSERT_GE(hits.size(), 2u);
  for (size_t i = 0; i < hits.size(); ++i) EXPECT_EQ(hits[i].rank, i + 1);
  for (size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score);
}

TEST_F(SearcherTest, FindsInflectedForms) {
  const std::vector<Hit> hits = search("kündigen", {.limit = 10, .per_article = 0});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(id_of(hits[0]), "krise.html#2");
  ASSERT_EQ(hits[0].highlights.size(), 1u);
  const auto [begin, end] = hits[0].highlights[0];
  EXPECT_EQ(hits[0].text.substr(begin, end - begin), "Kündigung");
}

TEST_F(SearcherTest, ShowsIdenticalPassageTextOnce) {
  // krise.html#1 and kopie.html#1 have the same text.
  const std::vector<Hit> alone = search("Wetter in San Francisco", {.limit = 10, .per_article = 0});
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].text, kWeather);

  const std::vector<Hit> hits = search("Wetter Sam Altman", {.limit = 10, .per_article = 0});
  const auto copies =
      std::count_if(hits.begin(), hits.end(), [](const Hit& h) { return h.text == kWeather; });
  EXPECT_EQ(copies, 1);
  std::vector<std::string> ids = ids_of(hits);
  std::sort(ids.begin(), ids.end());
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_TRUE(ids[0] == "kopie.html#1" || ids[0] == "krise.html#1") << ids[0];
  EXPECT_EQ(ids[1], "krise.html#2");
  EXPECT_EQ(ids[2], "microsoft.html#1");
  // Ranks stay consecutive although a duplicate was skipped.
  for (size_t i = 0; i < hits.size(); ++i) EXPECT_EQ(hits[i].rank, i + 1);
}

TEST_F(SearcherTest, LimitsPassagesPerArticle) {
  // "Mitarbeiter" is in three passages of krise.html.
  const std::vector<Hit> all = search("Mitarbeiter", {.limit = 10, .per_article = 0});
  const auto from_krise = [](const std::vector<Hit>& hits) {
    return std::count_if(hits.begin(), hits.end(),
                         [](const Hit& h) { return h.docid == "krise.html"; });
  };
  EXPECT_EQ(from_krise(all), 3);

  for (unsigned per_article : {1u, 2u}) {
    const std::vector<Hit> hits = search("Mitarbeiter", {.limit = 10, .per_article = per_article});
    EXPECT_EQ(from_krise(hits), per_article);
    std::map<std::string, unsigned> per_docid;
    for (const Hit& h : hits) ++per_docid[h.docid];
    for (const auto& [docid, count] : per_docid) EXPECT_LE(count, per_article) << docid;
  }
}

TEST_F(SearcherTest, PagesWithOffsetAndLimit) {
  const std::vector<Hit> all = search("Mitarbeiter", {.limit = 10, .per_article = 0});
  ASSERT_EQ(all.size(), 4u);  // krise.html #2 #3 #4 and microsoft.html #1

  for (size_t offset = 0; offset <= all.size(); ++offset) {
    for (size_t limit : {size_t{1}, size_t{2}, size_t{10}}) {
      const std::vector<Hit> page =
          search("Mitarbeiter", {.offset = offset, .limit = limit, .per_article = 0});
      const size_t expected = std::min(limit, all.size() - offset);
      ASSERT_EQ(page.size(), expected) << "offset " << offset << " limit " << limit;
      for (size_t i = 0; i < page.size(); ++i) {
        EXPECT_EQ(id_of(page[i]), id_of(all[offset + i]));
        EXPECT_EQ(page[i].rank, offset + i + 1);  // ranks count from the first result
      }
    }
  }
  EXPECT_TRUE(search("Mitarbeiter", {.limit = 0}).empty());
}

TEST_F(SearcherTest, NoWordsOrNoMatchesGiveNoHits) {
  EXPECT_TRUE(search("").empty());
  EXPECT_TRUE(search("  ?! ").empty());
  EXPECT_TRUE(search("Zebrastreifen").empty());
}

TEST_F(SearcherTest, ExcludesAndRequires) {
  const std::vector<Hit> hits = search("Mitarbeiter -OpenAI", {.limit = 10, .per_article = 0});
  for (const Hit& h : hits) EXPECT_EQ(h.text.find("OpenAI"), std::string::npos) << id_of(h);
  EXPECT_FALSE(hits.empty());

  const std::vector<Hit> required = search("+Microsoft Mitarbeiter");
  ASSERT_EQ(required.size(), 1u);
  EXPECT_EQ(id_of(required[0]), "microsoft.html#1");
}

TEST_F(SearcherTest, AcceptsDecomposedQueries) {
  // "Kündigung" with a combining diaeresis, as some terminals send it.
  const std::vector<Hit> hits = search("Ku\u0308ndigung");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(id_of(hits[0]), "krise.html#2");
}

TEST_F(SearcherTest, SearchesSeveralIndexesAsOne) {
  const fs::path second = dir_.path() / "second";
  write_index(second, {{"extra.html", "Extra", {"Die Aktienkurse fielen am Dienstag."}}});
  Searcher searcher({index_, second});
  const std::vector<Hit> hits = searcher.search("Aktienkurse", {.limit = 10, .per_article = 0});
  std::vector<std::string> ids = ids_of(hits);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"boerse.html#1", "extra.html#1"}));
}

// Closed compounds (#5): their parts are indexed and searched, below the whole word.
class CompoundSearchTest : public ::testing::Test {
 protected:
  CompoundSearchTest() {
    write_index(
        index_,
        {{"kurs.html", "Börse", {"Der Aktienkurs von Siemens stieg am Dienstag deutlich."}},
         {"aktie.html", "Börse", {"Der Kurs der Aktie von Siemens stieg am Dienstag deutlich."}},
         {"vorstand.html",
          "Siemens",
          {"Zwei Vorstandsmitglieder verlassen das Unternehmen im Frühjahr."}},
         {"wetter.html", "Wetter", {kWeather}},
         {"krise.html", "Krise", {kThreat}}});
  }

  std::vector<Hit> search(std::string_view query) {
    Searcher searcher({index_});
    return searcher.search(query, {.limit = 10, .per_article = 0});
  }

  TempDir dir_;
  fs::path index_ = dir_.path() / "index";
};

TEST_F(CompoundSearchTest, FindsACompoundByItsParts) {
  const std::vector<std::string> hits = ids_of(search("Kurs der Aktie"));
  EXPECT_NE(std::find(hits.begin(), hits.end(), "kurs.html#1"), hits.end());
  const std::vector<std::string> board = ids_of(search("Mitglieder des Vorstands"));
  ASSERT_FALSE(board.empty());
  EXPECT_EQ(board[0], "vorstand.html#1");
}

TEST_F(CompoundSearchTest, TheExactCompoundRanksFirst) {
  const std::vector<Hit> hits = search("Aktienkurs");
  ASSERT_EQ(hits.size(), 2u);  // the passage with its parts is found too
  EXPECT_EQ(id_of(hits[0]), "kurs.html#1");
  EXPECT_EQ(id_of(hits[1]), "aktie.html#1");
  EXPECT_GT(hits[0].score, hits[1].score);
}

TEST_F(CompoundSearchTest, HighlightsTheCompoundForAPart) {
  const std::vector<Hit> hits = search("Aktie");
  const auto it = std::find_if(hits.begin(), hits.end(),
                               [](const Hit& h) { return id_of(h) == "kurs.html#1"; });
  ASSERT_NE(it, hits.end());
  ASSERT_EQ(it->highlights.size(), 1u);
  const auto [begin, end] = it->highlights[0];
  EXPECT_EQ(it->text.substr(begin, end - begin), "Aktienkurs");
}

TEST(SearcherErrorTest, MissingIndexSaysThereIsNoIndex) {
  TempDir dir;
  const fs::path missing = dir.path() / "does-not-exist";
  try {
    Searcher searcher({missing});
    FAIL() << "opened a missing index";
  } catch (const SearchError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("no index"), std::string::npos) << message;
    EXPECT_NE(message.find(missing.string()), std::string::npos) << message;
  }
}

TEST(SearcherErrorTest, SchemaMismatchAsksForAReindex) {
  struct Case {
    const char* name;
    const char* key;
    std::string value;
  };
  const Case cases[] = {
      {"schema version", schema::kMetaSchemaVersion, std::to_string(schema::kSchemaVersion + 1)},
      {"no schema version", schema::kMetaSchemaVersion, ""},
      {"analyzer", schema::kMetaAnalyzer, "english/1"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const fs::path index = dir.path() / "index";
    write_index(index, {kArticles[1]});
    {
      Xapian::WritableDatabase db(index.string(), Xapian::DB_OPEN);
      db.set_metadata(c.key, c.value);
      db.commit();
    }
    try {
      Searcher searcher({index});
      ADD_FAILURE() << "opened an index of another schema";
    } catch (const SearchError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("re-index"), std::string::npos) << message;
      EXPECT_NE(message.find(index.string()), std::string::npos) << message;
    }
  }
}

}  // namespace
}  // namespace fundstelle::query
