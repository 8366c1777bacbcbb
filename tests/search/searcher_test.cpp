#include "search/searcher.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "schema.hpp"
#include "search/candidate_articles.hpp"
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

TEST_F(SearcherTest, GivesTheSentenceBeforeAPassageOnRequest) {
  SearchOptions options{.limit = 10, .per_article = 0};
  EXPECT_TRUE(search("Kündigung", options).at(0).context_before.empty());  // not asked for
  options.context = true;
  const std::vector<Hit> hits = search("Kündigung", options);
  ASSERT_EQ(id_of(hits.at(0)), "krise.html#2");
  EXPECT_EQ(hits[0].context_before, kWeather);  // the end of passage 1
  const std::vector<Hit> first = search("Wetter Francisco", options);
  ASSERT_EQ(first.at(0).passage, 1);
  EXPECT_TRUE(first[0].context_before.empty());  // nothing comes before passage 1
}

TEST_F(SearcherTest, FindsInflectedForms) {
  const std::vector<Hit> hits = search("kündigen", {.limit = 10, .per_article = 0});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(id_of(hits[0]), "krise.html#2");
  ASSERT_EQ(hits[0].highlights.size(), 1u);
  const auto [begin, end] = hits[0].highlights[0];
  EXPECT_EQ(hits[0].text.substr(begin, end - begin), "Kündigung");
}

// "Haus" is its own stem and has no stem term in the index (schema.hpp); its inflected forms
// have one. Either form finds both, in the text and in titles (title:).
TEST_F(SearcherTest, StemFindsTheWordThatIsItsOwnStem) {
  const fs::path index = dir_.path() / "houses";
  write_index(index, {{"haus.html", "Ein Haus", {"Das Haus am See steht leer."}},
                      {"haeuser.html", "Viele Häuser", {"Die Häuser am See stehen leer."}}});
  Searcher searcher({index});
  for (bool exhaustive : {false, true}) {
    for (const char* query : {"Haus", "Häuser", "Hauses", "title:Haus", "title:Häuser"}) {
      std::vector<std::string> ids =
          ids_of(searcher.search(query, {.limit = 10, .exhaustive = exhaustive}));
      std::sort(ids.begin(), ids.end());
      EXPECT_EQ(ids, (std::vector<std::string>{"haeuser.html#1", "haus.html#1"})) << query;
    }
  }
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

TEST_F(SearcherTest, EqualScoresRankByArticleIdInOneIndexAndInShards) {
  // Same length, same matching words: equal scores (every last word is its own stem, so no
  // article has an extra stem term). Written in an order unlike the ids.
  const std::vector<TestArticle> articles = {
      {"c.html", "Drei", {"Zebras grasen ruhig dort drei."}},
      {"a.html", "Acht", {"Zebras grasen ruhig dort acht."}},
      {"d.html", "Vier", {"Zebras grasen ruhig dort vier."}},
      {"b.html", "Zwei", {"Zebras grasen ruhig dort zwei."}},
  };
  const fs::path one = dir_.path() / "one";
  write_index(one, articles);
  const fs::path left = dir_.path() / "left";
  const fs::path right = dir_.path() / "right";
  write_index(left, {articles[0], articles[2]});
  write_index(right, {articles[1], articles[3]});

  const std::vector<std::string> expected = {"a.html#1", "b.html#1", "c.html#1", "d.html#1"};
  for (bool exhaustive : {false, true}) {
    const SearchOptions options{.limit = 10, .exhaustive = exhaustive};
    EXPECT_EQ(ids_of(Searcher({one}).search("Zebras grasen", options)), expected);
    EXPECT_EQ(ids_of(Searcher({left, right}).search("Zebras grasen", options)), expected);
    EXPECT_EQ(ids_of(Searcher({right, left}).search("Zebras grasen", options)), expected);
  }
}

// A multi-word synonym is a phrase, which a filter must not probe (restricted() in
// filter_queries.hpp): the candidate phase restricts such questions with a DocidSet.
TEST_F(SearcherTest, SynonymPhrasesScoreAlikeWithAndWithoutTheCandidatePhase) {
  const fs::path index = dir_.path() / "eu";
  write_index(index, {{"daenemark.html",
                       "Dänemark",
                       {"Die europäische Idee und die Union der Staaten: Dänemark trat 1973 bei."}},
                      {"eu.html", "EU", {"Dänemark ist seit 1973 Mitglied der EU."}}});
  Searcher searcher({index});
  const std::string question = "Wann ist Dänemark der EU beigetreten?";
  const std::vector<Hit> fast = searcher.search(question, {.limit = 10});
  const std::vector<Hit> exhaustive = searcher.search(question, {.limit = 10, .exhaustive = true});
  ASSERT_EQ(ids_of(fast), ids_of(exhaustive));
  for (size_t i = 0; i < fast.size(); ++i) EXPECT_DOUBLE_EQ(fast[i].score, exhaustive[i].score);
}

// Xapian 1.4.22 can add a phrase's weight to a passage without the phrase when the OR holding
// it is probed by an enclosing filter (see restricted() in filter_queries.hpp). A question
// with a multi-word synonym ("EU" | "Europäische Union") under date and author filters must
// score every passage as the unfiltered question does.
TEST(FilteredPhraseTest, FiltersDoNotChangeTheScoresOfPassagesWithPhrases) {
  TempDir dir;
  std::vector<TestArticle> articles;
  const std::vector<std::string> sentences = {
      "Die EU verhandelt mit Dänemark über neue Regeln.",
      "Die Europäische Union und Dänemark streiten über den Haushalt.",
      "Die Union der Parteien in Dänemark ist europäische Politik.",
      "In Dänemark wird am Sonntag gewählt.",
      "Die EU und die EU-Kommission beraten in Brüssel.",
      "Der Markt in Kopenhagen öffnet früh.",
  };
  for (size_t i = 0; i < 400; ++i) {
    std::vector<std::string> paragraphs;
    for (size_t p = 0; p < 3; ++p) {
      std::string text;
      for (size_t s = 0; s < 1 + (i + p) % 3; ++s) text += sentences[(i * 7 + p * 3 + s) % 6] + " ";
      paragraphs.push_back(text + "Meldung " + std::to_string(i) + "-" + std::to_string(p) + ".");
    }
    const std::string month = std::to_string(1 + i % 12);
    articles.push_back(
        {"artikel" + std::to_string(i) + ".html",
         "Bericht " + std::to_string(i),
         paragraphs,
         {{"author", i % 4 == 0 ? "Anna Berg" : "Jonas Reimann"},
          {"published", "2015-" + (month.size() == 1 ? "0" + month : month) + "-15"}}});
  }
  write_index(dir.path() / "index", articles);
  Searcher searcher({dir.path() / "index"});
  std::map<std::string, double> unfiltered;
  for (const Hit& hit :
       searcher.search("Dänemark EU", {.limit = 2000, .per_article = 0, .exhaustive = true})) {
    unfiltered[id_of(hit)] = hit.score;
  }
  ASSERT_GT(unfiltered.size(), 500u);
  // The candidate phase restricts the phrase-holding question to 110 of the 400 articles
  // (DocidSet): the scores are those of the exhaustive ranking and the sums of their parts.
  for (size_t limit : {size_t{3}, size_t{10}, size_t{40}}) {
    const std::vector<Hit> hits =
        searcher.search("Dänemark EU", {.limit = limit, .per_article = 0, .explain = true});
    ASSERT_EQ(hits.size(), limit);
    for (const Hit& hit : hits) {
      EXPECT_NEAR(hit.score, unfiltered.at(id_of(hit)), 1e-6) << id_of(hit);
      double parts = 0;
      for (const TermContribution& part : hit.explanation) parts += part.weight;
      EXPECT_NEAR(hit.score, parts, 1e-6) << id_of(hit);
    }
  }
  // The same question filtered: the same scores. A required word restricts like a filter and
  // adds its weight as before.
  for (const char* query :
       {"Dänemark EU", "Dänemark EU author:berg", "Dänemark EU date:2015-03..2015-05",
        "+Dänemark EU", "Dänemark AND EU", "+Dänemark +EU", "+(Dänemark OR Schweden) EU"}) {
    for (size_t limit : {size_t{3}, size_t{10}, size_t{40}}) {
      SearchOptions options{.limit = limit, .since = "2015-02", .until = "2015-11"};
      const std::vector<Hit> hits = searcher.search(query, options);
      ASSERT_EQ(hits.size(), limit) << query;
      for (const Hit& hit : hits) {
        ASSERT_EQ(unfiltered.count(id_of(hit)), 1u) << query;
        EXPECT_NEAR(hit.score, unfiltered.at(id_of(hit)), 1e-6) << query << " " << id_of(hit);
      }
    }
  }
  // A phrase inside an OR that is required: every score is the sum of its parts (--explain).
  for (const char* query : {"+(EU OR Schweden) +Dänemark", "Dänemark AND (EU OR Schweden)",
                            "Regeln AND (EU OR Schweden)", "Haushalt AND (EU OR Schweden)",
                            "Politik AND (EU OR Schweden)", "Brüssel AND (EU OR Schweden)"}) {
    SearchOptions options{.limit = 40, .since = "2015-02", .until = "2015-11", .explain = true};
    for (const Hit& hit : searcher.search(query, options)) {
      double parts = 0;
      for (const TermContribution& part : hit.explanation) parts += part.weight;
      EXPECT_NEAR(hit.score, parts, 1e-6) << query << " " << id_of(hit);
    }
  }
}

// More articles than the candidate phase takes (kCandidateArticles): pages beyond them still
// fill, and the first page equals the exhaustive ranking.
TEST(CandidateArticlesTest, PagesBeyondTheCandidatesEqualTheExhaustiveRanking) {
  TempDir dir;
  std::vector<TestArticle> articles;
  const size_t count = 2 * kCandidateArticles + 60;
  for (size_t i = 0; i < count; ++i) {
    std::string text = "Die Aktie stieg";
    for (size_t repeat = 0; repeat < i % 7; ++repeat) text += " und die Aktie stieg";
    articles.push_back({"artikel" + std::to_string(1000 + i) + ".html",
                        i % 5 == 0 ? "Aktienkurs" : "Bericht",
                        {text + " am Tag " + std::to_string(i) + "."}});
  }
  write_index(dir.path() / "index", articles);
  Searcher searcher({dir.path() / "index"});
  for (const size_t offset : {size_t{0}, size_t{95}, size_t{2 * kCandidateArticles}}) {
    SearchOptions options{.offset = offset, .limit = 10};
    const std::vector<Hit> two_phase = searcher.search("Wie stieg die Aktie", options);
    options.exhaustive = true;
    const std::vector<Hit> exhaustive = searcher.search("Wie stieg die Aktie", options);
    EXPECT_EQ(two_phase.size(), 10u) << "offset " << offset;
    EXPECT_EQ(ids_of(two_phase), ids_of(exhaustive)) << "offset " << offset;
  }
}

// Matching on several threads (parallel_match.hpp) ranks as one thread does, in both phases,
// sorted by date too, over shards.
TEST(ParallelSearchTest, ThreadsRankAsOneThreadDoes) {
  TempDir dir;
  std::vector<TestArticle> articles;
  for (size_t i = 0; i < 3 * kCandidateArticles; ++i) {
    std::string text = i % 3 == 0 ? "Die Aktie stieg" : "Der Kurs fiel";
    for (size_t repeat = 0; repeat < i % 5; ++repeat) text += " und die Bank verlor";
    articles.push_back({"artikel" + std::to_string(1000 + i) + ".html",
                        i % 4 == 0 ? "Aktienkurs" : "Bericht",
                        {text + " am Tag " + std::to_string(i) + ".", "Die Zinsen stiegen."},
                        {{"published", "2023-11-" + std::to_string(10 + i % 9)}}});
  }
  write_index(dir.path() / "a", {articles.begin(), articles.begin() + 200});
  write_index(dir.path() / "b", {articles.begin() + 200, articles.end()});
  const std::vector<fs::path> shards = {dir.path() / "a", dir.path() / "b"};
  Searcher one(shards, false, 1);
  Searcher three(shards, false, 3);
  for (const std::string query : {"Wie stieg die Aktie", "Bank verlor Kurs", "Zinsen -Aktie"}) {
    for (const SortBy sort : {SortBy::kRelevance, SortBy::kDate}) {
      for (const unsigned per_article : {0U, 1U, 2U}) {
        const SearchOptions options{.limit = 25, .per_article = per_article, .sort = sort};
        const std::vector<Hit> expected = one.search(query, options);
        const std::vector<Hit> found = three.search(query, options);
        EXPECT_FALSE(found.empty()) << query;
        EXPECT_EQ(ids_of(found), ids_of(expected)) << query << ", per article " << per_article;
      }
    }
  }
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

// --- Dates, sorting, counting, explaining, reading articles, shards ---------------------------

const std::vector<TestArticle> kDated = {
    {"alt.html", "Alt", {"Die Mitarbeiter streikten im Winter."}, {{"published", "2022-12-31"}}},
    {"nov.html",
     "November",
     {"Die Mitarbeiter drohten mit Kündigung.", "Der Vorstand schwieg dazu."},
     {{"published", "2023-11-20T09:30:00+01:00"}}},
    {"dez.html",
     "Dezember",
     {"Mitarbeiter und Vorstand einigten sich."},
     {{"published", "2023-12-01"}}},
    {"ohne.html", "Ohne Datum", {"Mitarbeiter ohne Datum im Text."}},
};

class DatedSearcherTest : public ::testing::Test {
 protected:
  DatedSearcherTest() { write_index(index_, kDated); }
  std::vector<std::string> docids(SearchOptions options, const char* query = "Mitarbeiter") {
    Searcher searcher({index_});
    std::vector<std::string> out;
    for (const Hit& hit : searcher.search(query, options)) out.push_back(hit.docid);
    return out;
  }
  TempDir dir_;
  fs::path index_ = dir_.path() / "index";
};

TEST_F(DatedSearcherTest, SinceAndUntilTakePartialDatesInclusively) {
  struct Case {
    std::string since, until;
    std::vector<std::string> expected;  // sorted
  };
  const Case cases[] = {
      {"2023", "", {"dez.html", "nov.html"}},       {"2023-11", "2023-11", {"nov.html"}},
      {"", "2023-11-20", {"alt.html", "nov.html"}}, {"2023-11-21", "2023-12-01", {"dez.html"}},
      {"2022-12-31", "2022-12-31", {"alt.html"}},   {"2024", "", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.since + ".." + c.until);
    std::vector<std::string> ids = docids({.limit = 10, .since = c.since, .until = c.until});
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, c.expected);
  }
}

TEST_F(DatedSearcherTest, SortByDateIsNewestFirstAndUndatedLast) {
  EXPECT_EQ(docids({.limit = 10, .sort = SortBy::kDate}),
            (std::vector<std::string>{"dez.html", "nov.html", "alt.html", "ohne.html"}));
}

TEST_F(DatedSearcherTest, CountsArticlesAndPassages) {
  Searcher searcher({index_});
  const MatchCount all = searcher.count("Mitarbeiter Vorstand", {});
  EXPECT_EQ(all.articles, 4u);
  EXPECT_EQ(all.passages, 5u);  // nov.html matches with both passages
  const MatchCount dated = searcher.count("Vorstand", {.since = "2023-12"});
  EXPECT_EQ(dated.articles, 1u);
  EXPECT_EQ(dated.passages, 1u);
  EXPECT_EQ(searcher.count("Quantenphysik", {}).passages, 0u);
}

TEST_F(SearcherTest, ExplanationAddsUpToTheScore) {
  Searcher searcher({index_});
  const std::vector<Hit> hits =
      searcher.search("Mitarbeiter Kündigung OpenAI", {.limit = 5, .explain = true});
  ASSERT_FALSE(hits.empty());
  for (const Hit& hit : hits) {
    SCOPED_TRACE(hit.docid + "#" + std::to_string(hit.passage));
    ASSERT_FALSE(hit.explanation.empty());
    double sum = 0;
    for (const TermContribution& part : hit.explanation) sum += part.weight;
    EXPECT_NEAR(sum, hit.score, 1e-6 * hit.score);
  }
  // krise.html#2 has "Mitarbeiter" and "Kündigung" in its text and "OpenAI" in the title.
  const auto top = std::find_if(hits.begin(), hits.end(), [](const Hit& h) {
    return h.docid == "krise.html" && h.passage == 2;
  });
  ASSERT_NE(top, hits.end());
  std::set<std::string> kinds;
  for (const TermContribution& part : top->explanation) kinds.insert(part.kind + ":" + part.term);
  EXPECT_TRUE(kinds.count("stem:mitarbeit")) << ::testing::PrintToString(kinds);
  // "openai" is the only word of its stem in the index: stem and word are one term.
  EXPECT_TRUE(kinds.count("title:openai")) << ::testing::PrintToString(kinds);
  EXPECT_TRUE(kinds.count("word:mitarbeiter")) << ::testing::PrintToString(kinds);
  EXPECT_TRUE(search("Mitarbeiter").front().explanation.empty());  // only on request
}

TEST_F(SearcherTest, ExplanationNamesTheWildcardsPrefix) {
  Searcher searcher({index_});
  const std::vector<Hit> hits = searcher.search("Mitarb* OpenAI", {.limit = 5, .explain = true});
  ASSERT_FALSE(hits.empty());
  for (const Hit& hit : hits) {
    SCOPED_TRACE(hit.docid + "#" + std::to_string(hit.passage));
    double sum = 0;
    std::set<std::string> kinds;
    for (const TermContribution& part : hit.explanation) {
      sum += part.weight;
      kinds.insert(part.kind + ":" + part.term);
    }
    EXPECT_NEAR(sum, hit.score, 1e-6 * hit.score);
    if (hit.text.find("Mitarbeiter") != std::string::npos) {
      EXPECT_TRUE(kinds.count("prefix:mitarb*")) << ::testing::PrintToString(kinds);
    }
  }
}

TEST_F(SearcherTest, ReadsAWholeArticleInPassageOrder) {
  Searcher searcher({index_});
  const std::optional<ArticlePassages> article = searcher.article("krise.html");
  ASSERT_TRUE(article.has_value());
  ASSERT_EQ(article->passages.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(article->passages[i].passage, static_cast<int>(i + 1));
  EXPECT_EQ(article->passages[1].text, kThreat);
  EXPECT_EQ(article->passages[0].title, "Unruhe bei OpenAI");
  EXPECT_FALSE(searcher.article("krise").has_value());
  EXPECT_FALSE(searcher.article("nicht-da.html").has_value());
}

TEST(ArticleRefTest, SplitsPassageNumberOff) {
  struct Case {
    const char* text;
    const char* docid;
    int passage;
  };
  const Case cases[] = {{"a.html#3", "a.html", 3},   {"a.html", "a.html", 0},
                        {"a#b.html", "a#b.html", 0}, {"a#b.html#12", "a#b.html", 12},
                        {"a.html#", "a.html#", 0},   {"a.html#x1", "a.html#x1", 0}};
  for (const Case& c : cases) {
    const ArticleRef ref = parse_article_ref(c.text);
    EXPECT_EQ(ref.docid, c.docid) << c.text;
    EXPECT_EQ(ref.passage, c.passage) << c.text;
  }
}

TEST_F(SearcherTest, StatsCountArticlesPassagesAndSources) {
  Searcher searcher({index_});
  const IndexStats stats = searcher.stats();
  EXPECT_EQ(stats.articles, kArticles.size());
  EXPECT_EQ(stats.passages, 8u);
  EXPECT_GT(stats.terms, 20u);
  ASSERT_TRUE(stats.bytes_on_disk.has_value());
  EXPECT_GT(*stats.bytes_on_disk, 0u);
  EXPECT_EQ(stats.kinds, (std::map<std::string, uint64_t>{{"html", 4}}));
  EXPECT_EQ(stats.schema_version, std::to_string(schema::kSchemaVersion));
  EXPECT_EQ(stats.shards, (std::vector<std::string>{index_.string()}));
}

TEST_F(SearcherTest, StubFileListsShardsRelativeToItself) {
  const fs::path second = dir_.path() / "second";
  write_index(second, {{"extra.html", "Extra", {"Die Aktienkurse fielen am Dienstag."}}});
  const fs::path stub = dir_.path() / "all.stub";
  TempDir::write_file(stub, "# two shards\nauto index\nglass " + second.string() + "\n");
  Searcher searcher({stub});
  EXPECT_EQ(searcher.search("Aktienkurse", {.limit = 10, .per_article = 0}).size(), 2u);
  EXPECT_EQ(searcher.stats().shards.size(), 2u);
}

TEST_F(SearcherTest, AllowPartialLeavesOutShardsThatDoNotOpen) {
  const fs::path stub = dir_.path() / "partial.stub";
  TempDir::write_file(stub, "auto index\nauto missing-shard\n");
  try {
    Searcher strict({stub});
    FAIL() << "opened a stub with a missing shard";
  } catch (const SearchError& e) {
    EXPECT_NE(std::string(e.what()).find("missing-shard"), std::string::npos) << e.what();
  }
  Searcher partial({stub}, /*allow_partial=*/true);
  ASSERT_EQ(partial.skipped().size(), 1u);
  EXPECT_NE(partial.skipped()[0].find("missing-shard"), std::string::npos);
  EXPECT_FALSE(partial.search("Aktienkurse", {}).empty());
}

TEST(ShardListTest, ReadsXapianAndSpelledOutRemoteLines) {
  TempDir dir;
  const fs::path stub = dir.write(
      "x.stub",
      "auto a\nremote 10.0.0.2:6000\nremote tcp host.example 7000\nremote :ssh srv xapian-progsrv "
      "/srv/i\n");
  const std::vector<ShardSpec> shards = list_shards(stub);
  ASSERT_EQ(shards.size(), 4u);
  EXPECT_EQ(shards[0].path, dir.path() / "a");
  EXPECT_EQ(shards[1].name(), "tcp 10.0.0.2:6000");
  EXPECT_EQ(shards[2].name(), "tcp host.example:7000");
  EXPECT_EQ(shards[3].kind, ShardSpec::Kind::kRemoteProg);
  EXPECT_EQ(shards[3].program, "ssh");
  EXPECT_EQ(shards[3].args, "srv xapian-progsrv /srv/i");
  EXPECT_THROW((void)list_shards(dir.write("bad.stub", "remote tcp host notaport\n")),
               std::runtime_error);
  EXPECT_THROW((void)list_shards(dir.write("bad2.stub", "flint /x\n")), std::runtime_error);
}

}  // namespace
}  // namespace fundstelle::query
