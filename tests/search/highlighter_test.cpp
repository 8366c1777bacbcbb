#include "search/highlighter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "search/query_builder.hpp"
#include "search/query_parser.hpp"

namespace fundstelle::query {
namespace {

using Ranges = std::vector<std::pair<size_t, size_t>>;

class HighlighterTest : public ::testing::Test {
 protected:
  // The highlighted substrings of `text` for the query `input`.
  std::vector<std::string> highlighted(std::string_view text, std::string_view input) {
    const BuiltQuery built = build_query(parse_query(input), analyzer_);
    std::vector<std::string> out;
    for (const auto& [begin, end] :
         find_highlights(text, built.highlight_exact, built.highlight_stems, analyzer_)) {
      out.emplace_back(text.substr(begin, end - begin));
    }
    return out;
  }

  analysis::GermanAnalyzer analyzer_;
};

TEST_F(HighlighterTest, ReturnsByteRangesOfMatchingWords) {
  const std::string text = "Über 500 Mitarbeiter drohen mit der Kündigung.";
  const BuiltQuery built = build_query(parse_query("Kündigung Mitarbeiter"), analyzer_);
  const Ranges ranges =
      find_highlights(text, built.highlight_exact, built.highlight_stems, analyzer_);
  const Ranges expected = {{10, 21}, {37, 47}};  // "Über" and "ü" are two bytes each
  EXPECT_EQ(ranges, expected);
  EXPECT_EQ(text.substr(10, 11), "Mitarbeiter");
  EXPECT_EQ(text.substr(37, 10), "Kündigung");
}

TEST_F(HighlighterTest, HighlightsWhatTheQueryMatches) {
  struct Case {
    const char* name;
    const char* text;
    const char* query;
    std::vector<std::string> highlighted;
  };
  const Case cases[] = {
      {"inflected form", "Die Mitarbeitern drohen.", "Mitarbeiter", {"Mitarbeitern"}},
      {"every occurrence",
       "Mitarbeiter und Mitarbeitern",
       "mitarbeiter",
       {"Mitarbeiter", "Mitarbeitern"}},
      {"other verb form", "Sie drohen mit Kündigung.", "kündigen", {"Kündigung"}},
      {"umlaut spelled out", "Herr Müller kam.", "Mueller", {"Müller"}},
      {"compound part", "Die KI-Entwicklung läuft.", "Entwicklung", {"Entwicklung"}},
      {"first compound part", "Die KI-Entwicklung läuft.", "KI", {"KI"}},
      {"whole compound is one range",
       "Die KI-Entwicklung läuft.",
       "KI-Entwicklung",
       {"KI-Entwicklung"}},
      {"phrase words", "Sam Altman kehrt zurück.", "\"Sam Altman\"", {"Sam", "Altman"}},
      {"excluded word", "OpenAI und Microsoft", "OpenAI -Microsoft", {"OpenAI"}},
      {"no match", "Das Wetter ist schön.", "Mitarbeiter", {}},
      {"soft hyphen inside", "Die Kün\u00ADdigung kam.", "Kündigung", {"Kün\u00ADdigung"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(highlighted(c.text, c.query), c.highlighted) << c.name;
  }
}

TEST_F(HighlighterTest, NothingToHighlightWithoutTerms) {
  EXPECT_TRUE(find_highlights("Mitarbeiter", {}, {}, analyzer_).empty());
  EXPECT_TRUE(find_highlights("", {"mitarbeiter"}, {"mitarbeit"}, analyzer_).empty());
}

TEST_F(HighlighterTest, MatchesExactOrStemSets) {
  const std::string text = "Mitarbeiter Mitarbeitern";
  EXPECT_EQ(find_highlights(text, {"mitarbeitern"}, {}, analyzer_), (Ranges{{12, 24}}));
  EXPECT_EQ(find_highlights(text, {}, {"mitarbeit"}, analyzer_), (Ranges{{0, 11}, {12, 24}}));
}

}  // namespace
}  // namespace fundstelle::query
