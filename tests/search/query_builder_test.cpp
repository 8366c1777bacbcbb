#include "search/query_builder.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "schema.hpp"
#include "search/query_parser.hpp"
#include "writer/document_builder.hpp"
#include "writer/stem_lexicon_writer.hpp"

namespace fundstelle::query {
namespace {

// One single-passage article per text, in an in-memory index; docids "d0", "d1", ...
const char* const kTexts[] = {
    "Mehr als 500 Mitarbeiter drohen mit Kündigung.",      // d0
    "Die Mitarbeitern von OpenAI schrieben einen Brief.",  // d1
    "Microsoft stellt Sam Altman ein.",                    // d2
    "Die KI-Entwicklung geht weiter.",                     // d3
    "Wer wurde entlassen? Sam Altman wurde entlassen.",    // d4
};

class QueryBuilderTest : public ::testing::Test {
 protected:
  QueryBuilderTest() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    writer::StemLexiconWriter stem_lexicon_writer(db_);
    for (size_t i = 0; i < std::size(kTexts); ++i) {
      writer::IndexedArticle input;
      input.docid = "d" + std::to_string(i);
      input.article.blocks = {{extract::BlockKind::kParagraph, kTexts[i], 0}};
      input.passages = passages::split_passages(input.article);
      const writer::ArticleDocuments built = writer::build_documents(input, analyzer_);
      for (const Xapian::Document& doc : built.passages) db_.add_document(doc);
      stem_lexicon_writer.add(built.stem_words);
    }
  }

  BuiltQuery build(std::string_view input) {
    return build_query(parse_query(input), analyzer_, {}, {nullptr, nullptr, &lexicon_});
  }

  // The docids the query matches, sorted.
  std::set<std::string> matches(std::string_view input) {
    const BuiltQuery built = build(input);
    std::set<std::string> out;
    if (built.query.empty()) return out;
    Xapian::Enquire enquire(db_);
    enquire.set_query(built.query);
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      out.insert(it.get_document().get_value(schema::kSlotArticle));
    }
    return out;
  }

  analysis::GermanAnalyzer analyzer_;
  Xapian::WritableDatabase db_;
  StemLexicon lexicon_{{db_}};
};

TEST_F(QueryBuilderTest, EmptyInputGivesAnEmptyQuery) {
  for (const char* input : {"", "   ", "?!", "-", "\"\""}) {
    const BuiltQuery built = build(input);
    EXPECT_TRUE(built.query.empty()) << input;
    EXPECT_TRUE(built.highlight_exact.empty()) << input;
    EXPECT_TRUE(built.highlight_stems.empty()) << input;
  }
  EXPECT_TRUE(build_query({}, analyzer_).query.empty());
}

TEST_F(QueryBuilderTest, AllStopwordQueryStillYieldsAQuery) {
  const BuiltQuery built = build("Wer wurde");
  ASSERT_FALSE(built.query.empty());
  EXPECT_EQ(matches("Wer wurde"), (std::set<std::string>{"d4"}));
  EXPECT_EQ(built.highlight_exact, (std::set<std::string>{"wer", "wurde"}));
}

TEST_F(QueryBuilderTest, MatchesTheRightPassages) {
  struct Case {
    const char* input;
    std::set<std::string> docids;
  };
  const Case cases[] = {
      {"Mitarbeiter", {"d0", "d1"}},  // inflected forms share the stem
      {"Mitarbeitern", {"d0", "d1"}},
      {"kündigen", {"d0"}},
      {"KÜNDIGUNG", {"d0"}},
      {"Entwicklung", {"d3"}},  // a compound part
      {"KI-Entwicklung", {"d3"}},
      {"KI", {"d3"}},
      {"Mitarbeiter -OpenAI", {"d0"}},
      {"+Mitarbeiter -OpenAI", {"d0"}},
      {"-OpenAI", {"d0", "d2", "d3", "d4"}},  // only exclusions: everything else
      {"-\"Sam Altman\"", {"d0", "d1", "d3"}},
      {"+Sam Mitarbeiter", {"d2", "d4"}},  // must, and the rest only ranks
      {"+Sam +Microsoft", {"d2"}},
      {"+\"Sam Altman\"", {"d2", "d4"}},
      {"+\"Altman Sam\"", {}},  // word order matters in a phrase
      {"\"Altman Sam\"", {}},   // a phrase alone is what the query asks for
      {"\"Sam Altman\"", {"d2", "d4"}},
      {"\"Sam Altman\" \"offener Brief\"", {"d2", "d4"}},  // one of several phrases
      {"\"Altman Sam\" Kündigung", {"d0", "d2", "d4"}},    // beside words a phrase only ranks
      {"\"Altman Sam\" -Microsoft", {}},
      {"\"Sam Altman\" -Microsoft", {"d4"}},
      {"\"Mitarbeitern\"", {"d1"}},  // a quoted word: its exact form, not its stem
      {"\"MITARBEITERN\" Kündigung", {"d0", "d1"}},
      {"Brief OR \"Altman Sam\"", {"d1"}},
      {"+\"KI Entwicklung\"", {"d3"}},           // a phrase over compound parts
      {"+\u201Ewurde entlassen\u201C", {"d4"}},  // stopwords inside a phrase count
      {"Wer Kündigung", {"d0"}},                 // a stopword alone matches nothing
      {"+wurde", {"d4"}},                        // unless it is required
      {"Wer wurde -Microsoft", {"d4"}},          // an excluded word is no content word
      {"die -OpenAI", {"d3"}},
      {"Zebra", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(matches(c.input), c.docids) << c.input;
  }
}

TEST_F(QueryBuilderTest, RanksStopwordsBelowContentWords) {
  // "die" is in d1 and d3 but only d0 has the content word: d0 first.
  const BuiltQuery built = build("die Kündigung");
  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  ASSERT_GE(mset.size(), 1u);
  EXPECT_EQ(mset.begin().get_document().get_value(schema::kSlotArticle), "d0");
}

TEST_F(QueryBuilderTest, StopwordsAddWeightToRequiredWords) {
  const auto score_of_d4 = [&](std::string_view input) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(build(input).query);
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      if (it.get_document().get_value(schema::kSlotArticle) == "d4") return it.get_weight();
    }
    ADD_FAILURE() << input << ": d4 not found";
    return 0.0;
  };
  EXPECT_GT(score_of_d4("+Altman wurde"), score_of_d4("+Altman"));
  EXPECT_GT(score_of_d4("Altman wurde"), score_of_d4("Altman"));
  EXPECT_EQ(matches("+Altman wurde"), (std::set<std::string>{"d2", "d4"}));
}

TEST_F(QueryBuilderTest, CollectsHighlightTermsOfPositiveWords) {
  const BuiltQuery built = build("Mitarbeiter -OpenAI \"Sam Altman\" KI-Entwicklung wer");
  for (const char* term : {"mitarbeiter", "sam", "altman", "kientwicklung", "ki", "entwicklung"}) {
    EXPECT_EQ(built.highlight_exact.count(term), 1u) << term;
  }
  EXPECT_EQ(built.highlight_stems.count("mitarbeit"), 1u);
  EXPECT_EQ(built.highlight_exact.count("openai"), 0u);  // excluded words are not highlighted
  EXPECT_EQ(built.highlight_exact.count("wer"), 0u);     // nor stopwords of a question
}

TEST_F(QueryBuilderTest, BuildsTheXapianQueryShapeOfEachOperator) {
  struct Case {
    const char* input;
    std::vector<std::string> parts;  // substrings of Query::get_description()
  };
  const Case cases[] = {
      {"Entwickl*", {"WILDCARD SYNONYM entwickl"}},
      {"Altman NEAR Microsoft", {"altman NEAR 12 microsoft"}},
      {"Altman NEAR/3 Microsoft", {"altman NEAR 5 microsoft"}},
      {"\"Sam Altman\"", {"sam PHRASE 2 altman"}},
      {"Altman AND Microsoft", {"AND"}},
      {"Altman OR Microsoft", {"altman", " OR ", "microsoft"}},
      {"Altman NOT Microsoft", {"AND_NOT"}},
      {"date:2023-11..2023-12", {"VALUE_RANGE 4 2023-11 2023-12~"}},
      {"date:..2023", {"VALUE_RANGE 4 0 2023~"}},
      {"Altman author:Reimann", {"FILTER", "Areimann"}},
      {"Altman site:www.spiegel.de", {"FILTER", "Hspiegel.de"}},
      {"title:OpenAI", {"Sopenai"}},
  };
  for (const Case& c : cases) {
    const std::string description = build(c.input).query.get_description();
    for (const std::string& part : c.parts) {
      EXPECT_NE(description.find(part), std::string::npos) << c.input << ": " << description;
    }
  }
}

// Weight per matching Xapian docid.
std::map<Xapian::docid, double> weights(Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  std::map<Xapian::docid, double> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
  return out;
}

// How often `word` stands as a whole term (not inside another, like "Saltman") in `query`.
size_t leaves(const Xapian::Query& query, const std::string& word) {
  const std::string description = query.get_description();
  const std::regex whole("(^|[^A-Za-z])" + word + "($|[^A-Za-z])");
  return static_cast<size_t>(std::distance(
      std::sregex_iterator(description.begin(), description.end(), whole), std::sregex_iterator()));
}

TEST_F(QueryBuilderTest, AStemWhoseOnlyWordIsTheExactFormIsOneListWithBothWeights) {
  const BuiltQuery built = build("Altman");
  EXPECT_EQ(leaves(built.query, "altman"), 1u) << built.query.get_description();
  const QueryWeights w;
  const Xapian::Query stem_and_exact(
      Xapian::Query::OP_OR,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("altman"), w.stem),
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("altman"), w.exact));
  const std::map<Xapian::docid, double> expected = weights(db_, stem_and_exact);
  const std::map<Xapian::docid, double> got = weights(db_, built.query);
  ASSERT_EQ(got.size(), expected.size());
  for (const auto& [docid, weight] : expected) EXPECT_NEAR(got.at(docid), weight, 1e-9);
}

TEST_F(QueryBuilderTest, ARepeatedStopwordWeighsTwiceFromOneList) {
  const Xapian::docid d1 = 2;  // "Die Mitarbeitern von OpenAI ..."
  const auto weight = [&](std::string_view input) { return weights(db_, build(input).query)[d1]; };
  const double once = weight("Mitarbeitern die") - weight("Mitarbeitern");
  const double twice = weight("Mitarbeitern die die") - weight("Mitarbeitern");
  EXPECT_GT(once, 0);
  EXPECT_NEAR(twice, 2 * once, 1e-9);
  const Xapian::Query repeated = build("Mitarbeitern die die").query;
  EXPECT_EQ(leaves(repeated, "die"), 1u) << repeated.get_description();
}

TEST_F(QueryBuilderTest, PlainQuestionsGetACandidateQueryDrivenByStems) {
  // Titles holding the questions' words: a stem is searched in titles only as the words that
  // some title has.
  writer::IndexedArticle titled;
  titled.docid = "titled";
  titled.article.title = "Kündigung, Entwicklung, Microsoft";
  titled.article.blocks = {{extract::BlockKind::kParagraph, "Microsoft im Text.", 0}};
  titled.passages = passages::split_passages(titled.article);
  for (const Xapian::Document& doc : writer::build_documents(titled, analyzer_).passages) {
    db_.add_document(doc);
  }
  // The candidate query matches what the full query matches through the words' stems, and
  // weighs a passage as the full query does but for the question's stopwords and exact forms.
  for (const char* input : {"Wie viele Mitarbeiter drohen mit Kündigung?",
                            "Wer hat die KI-Entwicklung begonnen", "Altman Microsoft"}) {
    const BuiltQuery built = build(input);
    ASSERT_FALSE(built.candidates.empty()) << input;
    // Titles are alternatives, walked once: nothing is probed for each passage the stems match.
    const std::string description = built.candidates.get_description();
    EXPECT_EQ(description.find("AND_MAYBE"), std::string::npos) << description;
    EXPECT_TRUE(std::regex_search(description, std::regex("[ (]S[a-z]"))) << description;

    const std::map<Xapian::docid, double> full = weights(db_, built.query);
    const std::map<Xapian::docid, double> candidates = weights(db_, built.candidates);
    ASSERT_EQ(candidates.size(), full.size()) << input;
    for (const auto& [docid, weight] : candidates) {
      ASSERT_EQ(full.count(docid), 1u) << input;
      EXPECT_GT(weight, 0) << input;
      // Names are their own exact forms: every passage misses that bonus here.
      const double slack = std::string(input) == "Altman Microsoft" ? -1e-9 : 1e-9;
      EXPECT_LT(weight, full.at(docid) + slack) << input;
    }
  }

  // Operators, phrases and filters prune well on their own: no candidate phase.
  for (const char* input :
       {"Altman AND Microsoft", "\"Sam Altman\"", "+Altman Microsoft", "Altman -Microsoft",
        "Altman author:Reimann", "(Altman OR KI)", "Entwickl*", "title:OpenAI"}) {
    EXPECT_TRUE(build(input).candidates.empty()) << input;
  }
}

TEST_F(QueryBuilderTest, MatchesWithOperators) {
  struct Case {
    const char* input;
    std::set<std::string> docids;
  };
  const Case cases[] = {
      {"Mitarb*", {"d0", "d1"}},
      {"mitarbeitern*", {"d1"}},
      {"Sam AND Altman", {"d2", "d4"}},
      {"Sam AND Altman NOT Microsoft", {"d4"}},
      {"Microsoft OR Brief", {"d1", "d2"}},
      {"(Microsoft OR Brief) AND OpenAI", {"d1"}},
      {"Sam NEAR/0 Altman", {"d2", "d4"}},
      {"Altman NEAR/0 Sam", {"d2", "d4"}},  // NEAR ignores order
      {"Mehr NEAR/1 Mitarbeiter", {}},      // "Mehr als 500 Mitarbeiter": two words between
      {"Mehr NEAR/2 Mitarbeiter", {"d0"}},
      {"KI NEAR/0 Entwicklung", {"d3"}},  // compound parts have consecutive positions
      {"Entwicklung -KI*", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(matches(c.input), c.docids) << c.input;
  }
}

TEST_F(QueryBuilderTest, SynonymsMatchTheOtherMembersBelowTheTypedWord) {
  const Synonyms synonyms =
      Synonyms::parse("Angestellte | Mitarbeiter\nKI | künstliche Intelligenz", analyzer_);
  const QueryResources resources{&synonyms, nullptr, &lexicon_};
  const BuiltQuery built = build_query(parse_query("Angestellte"), analyzer_, {}, resources);
  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 2u);  // d0, d1 through "Mitarbeiter"
  EXPECT_EQ(built.highlight_stems.count("mitarbeit"), 1u);
  EXPECT_EQ(build("Angestellte").query.get_description().find("mitarbeit"), std::string::npos);

  // The typed word outranks its synonym: "künstliche Intelligenz" finds KI-Entwicklung (d3)
  // with less weight than "KI" itself.
  const auto top_weight = [&](std::string_view input) {
    Xapian::Enquire e(db_);
    e.set_query(build_query(parse_query(input), analyzer_, {}, resources).query);
    const Xapian::MSet mset = e.get_mset(0, 1);
    return mset.empty() ? 0.0 : mset.begin().get_weight();
  };
  EXPECT_GT(top_weight("künstliche Intelligenz"), 0.0);
  EXPECT_GT(top_weight("KI"), top_weight("künstliche Intelligenz"));
}

}  // namespace
}  // namespace fundstelle::query
