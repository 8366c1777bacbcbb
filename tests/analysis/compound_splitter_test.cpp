#include "analysis/compound_splitter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/german_analyzer.hpp"
#include "analysis/normalizer.hpp"
#include "compound_gold.hpp"

namespace fundstelle::analysis {
namespace {

// The parts' stems: what the index stores, and robust to "aktie" vs "aktien".
std::vector<std::string> part_stems(GermanAnalyzer& analyzer, std::string_view word) {
  std::vector<std::string> stems;
  for (const Terms& part : analyzer.compound_parts(fold(word))) stems.push_back(part.stem);
  return stems;
}

std::vector<std::string> stems_of(GermanAnalyzer& analyzer, std::vector<std::string> words) {
  for (std::string& word : words) word = analyzer.stem(word);
  return words;
}

TEST(CompoundSplitterTest, SplitsClosedCompoundsWithLinkingElements) {
  struct Case {
    const char* word;
    std::vector<std::string> parts;
  };
  const Case cases[] = {
      {"Aktienkurs", {"aktie", "kurs"}},                    // -n-
      {"Vorstandsmitglieder", {"vorstand", "mitglieder"}},  // -s-
      {"Wandhalterung", {"wand", "halterung"}},             // not wand + alterung
      {"Bundesregierung", {"bund", "regierung"}},           // -es-
      {"Kinderarbeiter", {"kinder", "arbeiter"}},           // -er-
      {"Schulsystems", {"schule", "systems"}},              // dropped -e
      {"Klimawandels", {"klima", "wandels"}},               // inflected head
      {"Korruptionswahrnehmungsindex", {"korruption", "wahrnehmung", "index"}},  // three parts
  };
  GermanAnalyzer analyzer;
  for (const Case& c : cases) {
    EXPECT_EQ(part_stems(analyzer, c.word), stems_of(analyzer, c.parts)) << c.word;
  }
}

TEST(CompoundSplitterTest, LeavesOrdinaryWordsWhole) {
  GermanAnalyzer analyzer;
  for (const char* word : {"vereinbart", "Urinstinkt", "Vorstand", "Entwicklung", "Ausbildung",
                           "Niederlage", "Gefangenschaft", "Vorsitzende", "Regierung", "Kurs",
                           "Mitarbeitern", "covid19", "Straße"}) {
    EXPECT_TRUE(analyzer.compound_parts(fold(word)).empty()) << word;
  }
}

// Thresholds a little below the figures measured when the splitter was tuned
// (precision 0.911, recall 0.898), so that a regression fails.
TEST(CompoundSplitterTest, ReachesPrecisionAndRecallOnTheGoldList) {
  GermanAnalyzer analyzer;
  const CompoundScore score =
      score_compounds(FUNDSTELLE_FIXTURES_DIR "/compounds/gold.tsv", analyzer);
  EXPECT_GE(score.compounds, 300);
  EXPECT_GE(score.non_compounds, 300);
  EXPECT_GE(score.precision(), 0.90);
  EXPECT_GE(score.recall(), 0.88);
}

TEST(GermanAnalyzerCompoundTest, ClosedCompoundPartsAreParts) {
  GermanAnalyzer analyzer;
  auto stream = analyzer.words("Der Aktienkurs fiel.");
  AnalyzedWord word;
  ASSERT_TRUE(stream.next(word));
  ASSERT_TRUE(stream.next(word));
  EXPECT_EQ(word.whole.exact, "aktienkurs");
  ASSERT_EQ(word.parts.size(), 2u);
  EXPECT_EQ(word.parts[0].stem, analyzer.stem("aktie"));
  EXPECT_EQ(word.parts[1].exact, "kurs");
  ASSERT_EQ(word.part_spans.size(), 2u);
  EXPECT_EQ(word.part_spans[0], word.span);  // a closed compound's parts span the word
}

TEST(GermanAnalyzerCompoundTest, HyphenPartsAreSplitToo) {
  GermanAnalyzer analyzer;
  auto stream = analyzer.words("KI-Aktienkurs");
  AnalyzedWord word;
  ASSERT_TRUE(stream.next(word));
  std::vector<std::string> parts;
  for (const Terms& part : word.parts) parts.push_back(part.stem);
  EXPECT_EQ(parts, stems_of(analyzer, {"ki", "aktie", "kurs"}));
  EXPECT_EQ(word.part_spans[0], (Span{0, 2}));
  EXPECT_EQ(word.part_spans[1], (Span{3, 13}));
}

}  // namespace
}  // namespace fundstelle::analysis
