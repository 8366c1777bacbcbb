// The query language on a small real index: fields, dates, NEAR, wildcards, synonyms, suggestions.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "search/searcher.hpp"
#include "search/spelling.hpp"
#include "support/temp_dir.hpp"
#include "support/test_index.hpp"

namespace fundstelle::query {
namespace {

using fundstelle::testing::TempDir;
using fundstelle::testing::TestArticle;

const std::vector<TestArticle> kArticles = {
    {"altman.html",
     "Machtkampf bei OpenAI",
     {"Der Vorstand von OpenAI hat Sam Altman entlassen, Microsoft reagierte überrascht.",
      "Die Entwicklung neuer Modelle soll weitergehen, sagte die Interimschefin."},
     {{"author", "Jonas Reimann"},
      {"published", "2023-11-17T20:00:00+01:00"},
      {"site_name", "TechBlick"},
      {"url", "https://www.techblick.example/openai/altman"}}},
    {"microsoft.html",
     "Neues Team in Redmond",
     {"Microsoft holt Sam Altman; Satya Nadella kündigte ein neues Team an.",
      "Die künstliche Intelligenz bleibt das wichtigste Geschäftsfeld des Konzerns."},
     {{"author", "Anna Berg"},
      {"published", "2023-11-20"},
      {"url", "https://www.spiegel.de/wirtschaft/microsoft"}}},
    {"boerse.html",
     "Börse im Dezember",
     {"Anleger setzen auf KI: Die Aktienkurse der Entwickler stiegen im Dezember.",
      "Altman und Microsoft spielten an der Börse diesmal keine Rolle, so ein Händler."},
     {{"author", "Anna Berg"}, {"published", "2023-12-04"}}},
    {"alt.html",
     "Rückblick",
     {"Im Jahr 2022 war von Entlassungen noch keine Rede, die Entwicklung lief ruhig."},
     {{"published", "2022-05-01"}}},
};

class QueryLanguageTest : public ::testing::Test {
 protected:
  QueryLanguageTest() { testing::write_index(index_, kArticles); }

  // The docids#passages of all hits, in rank order.
  std::vector<std::string> ids(std::string_view query, bool synonyms = true) {
    Searcher searcher({index_});
    SearchOptions options{.limit = 100, .per_article = 0};
    options.synonyms = synonyms;
    std::vector<std::string> out;
    for (const Hit& hit : searcher.search(query, options)) {
      out.push_back(hit.docid + "#" + std::to_string(hit.passage));
    }
    return out;
  }
  std::set<std::string> id_set(std::string_view query, bool synonyms = true) {
    const std::vector<std::string> v = ids(query, synonyms);
    return {v.begin(), v.end()};
  }

  TempDir dir_;
  std::filesystem::path index_ = dir_.path() / "index";
};

using Ids = std::set<std::string>;

TEST_F(QueryLanguageTest, Fields) {
  EXPECT_EQ(id_set("title:Börse"), (Ids{"boerse.html#1", "boerse.html#2"}));
  EXPECT_EQ(id_set("Altman title:\"Neues Team\""), (Ids{"microsoft.html#1", "microsoft.html#2"}));
  EXPECT_EQ(id_set("title:\"Team Machtkampf\""), Ids{});  // all words of the value
  EXPECT_EQ(id_set("Altman author:\"Jonas Reimann\""), (Ids{"altman.html#1"}));
  EXPECT_EQ(id_set("Altman author:reimann"), (Ids{"altman.html#1"}));  // a word of the name
  EXPECT_EQ(id_set("Altman -author:Berg"), (Ids{"altman.html#1"}));
  EXPECT_EQ(id_set("Microsoft site:TechBlick"), (Ids{"altman.html#1"}));
  EXPECT_EQ(id_set("Microsoft site:spiegel.de"), (Ids{"microsoft.html#1"}));
  EXPECT_EQ(id_set("Microsoft site:www.spiegel.de"), id_set("Microsoft site:spiegel.de"));
  EXPECT_EQ(id_set("Microsoft site:spiegel"), id_set("Microsoft site:spiegel.de"));
  EXPECT_EQ(id_set("site:nirgendwo.example"), Ids{});
}

TEST_F(QueryLanguageTest, DateRanges) {
  EXPECT_EQ(id_set("Altman date:2023-11-17"), (Ids{"altman.html#1"}));
  EXPECT_EQ(id_set("Altman date:2023-11"), (Ids{"altman.html#1", "microsoft.html#1"}));
  EXPECT_EQ(id_set("Altman date:2023-12.."), (Ids{"boerse.html#2"}));
  EXPECT_EQ(id_set("Entwicklung date:..2022"), (Ids{"alt.html#1"}));
  EXPECT_EQ(id_set("Altman date:2023-11..2023-12"),
            (Ids{"altman.html#1", "microsoft.html#1", "boerse.html#2"}));
  EXPECT_EQ(id_set("date:2022"), (Ids{"alt.html#1"}));  // a filter alone lists what it keeps
  EXPECT_EQ(id_set("Altman -date:2023-11"), (Ids{"boerse.html#2"}));
}

TEST_F(QueryLanguageTest, BooleanOperators) {
  EXPECT_EQ(id_set("Altman AND Nadella"), (Ids{"microsoft.html#1"}));
  EXPECT_EQ(id_set("Nadella OR Händler"), (Ids{"microsoft.html#1", "boerse.html#2"}));
  EXPECT_EQ(id_set("Altman NOT Microsoft"), Ids{});
  EXPECT_EQ(id_set("Altman NOT (Vorstand OR Börse)"), (Ids{"microsoft.html#1"}));
  EXPECT_EQ(id_set("(Nadella OR Händler) AND Altman"), (Ids{"microsoft.html#1", "boerse.html#2"}));
}

TEST_F(QueryLanguageTest, Near) {
  // One word between them in "Altman und Microsoft" and "Altman entlassen, Microsoft", two in
  // "Microsoft holt Sam Altman".
  EXPECT_EQ(id_set("Altman NEAR/0 Microsoft"), Ids{});
  EXPECT_EQ(id_set("Altman NEAR/1 Microsoft"), (Ids{"boerse.html#2", "altman.html#1"}));
  EXPECT_EQ(id_set("Microsoft NEAR Altman"),
            (Ids{"boerse.html#2", "altman.html#1", "microsoft.html#1"}));
}

TEST_F(QueryLanguageTest, Wildcards) {
  EXPECT_EQ(id_set("Entwickl*"), (Ids{"altman.html#2", "boerse.html#1", "alt.html#1"}));
  EXPECT_EQ(id_set("Entwickl* -date:2022"), (Ids{"altman.html#2", "boerse.html#1"}));
  Searcher searcher({index_});
  const std::vector<Hit> hits = searcher.search("Entwickler*", {});
  ASSERT_EQ(hits.size(), 1u);
  ASSERT_EQ(hits[0].highlights.size(), 1u);
  EXPECT_EQ(hits[0].text.substr(hits[0].highlights[0].first,
                                hits[0].highlights[0].second - hits[0].highlights[0].first),
            "Entwickler");
}

TEST_F(QueryLanguageTest, Synonyms) {
  // "KI" is in boerse.html#1 only; "künstliche Intelligenz" in microsoft.html#2 only.
  EXPECT_EQ(id_set("KI", false), (Ids{"boerse.html#1"}));
  EXPECT_EQ(id_set("KI"), (Ids{"boerse.html#1", "microsoft.html#2"}));
  EXPECT_EQ(ids("KI").front(), "boerse.html#1");  // what was typed ranks first
  EXPECT_EQ(id_set("künstliche Intelligenz"), (Ids{"boerse.html#1", "microsoft.html#2"}));
  EXPECT_EQ(ids("künstliche Intelligenz").front(), "microsoft.html#2");
  EXPECT_EQ(id_set("\"künstliche Intelligenz\""), (Ids{"boerse.html#1", "microsoft.html#2"}));
  // A phrase compares exact forms; its synonyms still match.
  EXPECT_EQ(id_set("\"künstlichen Intelligenz\""), (Ids{"boerse.html#1"}));
  EXPECT_EQ(id_set("+KI"), (Ids{"boerse.html#1", "microsoft.html#2"}));
}

TEST_F(QueryLanguageTest, MalformedQueriesNeverThrow) {
  Searcher searcher({index_});
  for (const char* q : {"(",
                        ")",
                        "AND",
                        "OR OR",
                        "NOT",
                        "NEAR",
                        "a NEAR/999 b",
                        "*",
                        "**",
                        "title:",
                        "author:",
                        "date:",
                        "date:..",
                        "date:9999-99-99",
                        "site:",
                        "(((Altman",
                        "Altman)))",
                        "-(",
                        "+\"",
                        "title:\"",
                        "x* AND (y OR",
                        "\xff\xfe*",
                        "NEAR/0 NEAR/0",
                        "a NEAR/0 b"}) {
    EXPECT_NO_THROW((void)searcher.search_with_suggestion(q, {})) << q;
  }
}

TEST_F(QueryLanguageTest, SuggestsKnownWordsForUnknownOnes) {
  Searcher searcher({index_});
  SearchResult result = searcher.search_with_suggestion("Wer ist Sam Altmn?", {});
  ASSERT_TRUE(result.suggestion.has_value());
  EXPECT_EQ(*result.suggestion, "Wer ist Sam Altman?");
  result = searcher.search_with_suggestion("Altmn AND Mikrosoft", {});
  ASSERT_TRUE(result.suggestion.has_value());
  EXPECT_EQ(*result.suggestion, "Altman AND Microsoft");
  result = searcher.search_with_suggestion("title:Altmn", {});
  ASSERT_TRUE(result.suggestion.has_value());
  EXPECT_EQ(*result.suggestion, "title:Altman");
  EXPECT_FALSE(searcher.search_with_suggestion("Sam Altman", {}).suggestion.has_value());
  EXPECT_FALSE(searcher.search_with_suggestion("Zebrastreifen", {}).suggestion.has_value());
}

}  // namespace
}  // namespace fundstelle::query
