#include "analysis/german_analyzer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace fundstelle::analysis {
namespace {

std::vector<AnalyzedWord> analyze(GermanAnalyzer& analyzer, std::string_view text) {
  std::vector<AnalyzedWord> out;
  AnalyzedWord word;
  auto stream = analyzer.words(text);
  while (stream.next(word)) out.push_back(word);
  return out;
}

Terms terms_of(GermanAnalyzer& analyzer, std::string_view word) {
  Terms terms;
  analyzer.analyze_word(word, terms);
  return terms;
}

TEST(GermanAnalyzerTest, InflectedFormsShareAStem) {
  struct Case {
    const char* a;
    const char* b;
  };
  const Case cases[] = {
      {"Kündigung", "kündigen"},
      {"Kündigung", "Kündigungen"},
      {"Mitarbeiter", "Mitarbeitern"},
      {"Mitarbeiter", "mitarbeiter"},
      {"Verhandlung", "Verhandlungen"},
      {"Vorstand", "Vorstands"},
      {"drohen", "drohe"},
      {"Müller", "Mueller"},
      {"Straße", "Strasse"},
  };
  GermanAnalyzer analyzer;
  for (const Case& c : cases) {
    const Terms a = terms_of(analyzer, c.a);
    const Terms b = terms_of(analyzer, c.b);
    EXPECT_FALSE(a.stem.empty()) << c.a;
    EXPECT_EQ(a.stem, b.stem) << c.a << " / " << c.b;
  }
}

TEST(GermanAnalyzerTest, DifferentWordsKeepDifferentStems) {
  GermanAnalyzer analyzer;
  EXPECT_NE(terms_of(analyzer, "Kündigung").stem, terms_of(analyzer, "Mitarbeiter").stem);
  EXPECT_NE(terms_of(analyzer, "Haus").stem, terms_of(analyzer, "Hose").stem);
}

TEST(GermanAnalyzerTest, ExactFormIsFoldedAndStemIsItsStem) {
  struct Case {
    const char* word;
    const char* exact;
    const char* stem;
  };
  const Case cases[] = {
      {"Mitarbeitern", "mitarbeitern", "mitarbeit"},
      {"Mitarbeiter", "mitarbeiter", "mitarbeit"},
      {"Müller", "mueller", "mull"},
      {"Mueller", "mueller", "mull"},
      {"Straße", "strasse", "strass"},
      {"Strasse", "strasse", "strass"},
      {"COVID19", "covid19", "covid19"},  // words with digits are not stemmed
      {"17.11.2023", "17.11.2023", "17.11.2023"},
  };
  GermanAnalyzer analyzer;
  for (const Case& c : cases) {
    const Terms terms = terms_of(analyzer, c.word);
    EXPECT_EQ(terms.exact, c.exact) << c.word;
    EXPECT_EQ(terms.stem, c.stem) << c.word;
  }
}

TEST(GermanAnalyzerTest, CapitalisedNounsAreStemmed) {
  GermanAnalyzer analyzer;
  const Terms noun = terms_of(analyzer, "Verhandlungen");
  EXPECT_EQ(noun.exact, "verhandlungen");
  EXPECT_NE(noun.stem, noun.exact);
  EXPECT_EQ(noun.stem, terms_of(analyzer, "verhandlungen").stem);
}

TEST(GermanAnalyzerTest, StemIsCachedAndStable) {
  GermanAnalyzer analyzer;
  const std::string first = analyzer.stem("kuendigungen");
  EXPECT_EQ(analyzer.stem("kuendigungen"), first);
  EXPECT_EQ(terms_of(analyzer, "Kündigungen").stem, first);
}

TEST(GermanAnalyzerTest, AnalyzesHyphenatedCompoundWholeAndParts) {
  GermanAnalyzer analyzer;
  const std::string text = "Die KI-Entwicklung";
  const std::vector<AnalyzedWord> words = analyze(analyzer, text);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_TRUE(words[0].parts.empty());
  EXPECT_TRUE(words[0].part_spans.empty());

  const AnalyzedWord& compound = words[1];
  EXPECT_EQ(compound.span, (Span{4, 18}));
  EXPECT_EQ(compound.whole.exact, "kientwicklung");
  EXPECT_EQ(compound.whole.stem, analyzer.stem("kientwicklung"));
  ASSERT_EQ(compound.parts.size(), 2u);
  EXPECT_EQ(compound.parts[0].exact, "ki");
  EXPECT_EQ(compound.parts[1].exact, "entwicklung");
  EXPECT_EQ(compound.parts[1].stem, analyzer.stem("entwicklung"));
  const std::vector<Span> part_spans = {{4, 6}, {7, 18}};
  EXPECT_EQ(compound.part_spans, part_spans);
  EXPECT_FALSE(compound.stopword);
}

TEST(GermanAnalyzerTest, ReusedWordHasNoStaleParts) {
  GermanAnalyzer analyzer;
  const std::vector<AnalyzedWord> words = analyze(analyzer, "KI-Entwicklung Welt");
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].parts.size(), 2u);
  EXPECT_TRUE(words[1].parts.empty());
  EXPECT_TRUE(words[1].part_spans.empty());
}

TEST(GermanAnalyzerTest, FlagsStopwords) {
  struct Case {
    const char* surface;
    bool stopword;
  };
  const Case expected[] = {{"Wer", true},        {"wurde", true}, {"über", true},   {"die", true},
                           {"Kündigung", false}, {"bei", true},   {"OpenAI", false}};
  GermanAnalyzer analyzer;
  const std::vector<AnalyzedWord> words =
      analyze(analyzer, "Wer wurde über die Kündigung bei OpenAI");
  ASSERT_EQ(words.size(), std::size(expected));
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(words[i].stopword, expected[i].stopword) << expected[i].surface;
  }
}

TEST(GermanAnalyzerTest, SkipsOverlongTerms) {
  GermanAnalyzer analyzer;
  const std::string longest(kMaxTermBytes, 'a');
  const std::string too_long(kMaxTermBytes + 1, 'b');
  const std::string text = "kurz " + too_long + " " + longest + " lang";
  const std::vector<AnalyzedWord> words = analyze(analyzer, text);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].whole.exact, "kurz");
  EXPECT_EQ(words[1].whole.exact, longest);
  EXPECT_EQ(words[2].whole.exact, "lang");
  EXPECT_EQ(words[2].span, (Span{text.size() - 4, text.size()}));
}

TEST(GermanAnalyzerTest, OverlongMeansFoldedBytes) {
  // 32 × "ü" is 64 bytes of UTF-8 but folds to 64 bytes of "ue": kept; 33 × is skipped.
  GermanAnalyzer analyzer;
  std::string kept;
  for (int i = 0; i < 32; ++i) kept += "ü";
  const std::vector<AnalyzedWord> words = analyze(analyzer, kept + " " + kept + "ü");
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].whole.exact.size(), kMaxTermBytes);
}

TEST(GermanAnalyzerTest, EmptyAndPunctuationOnlyTextHasNoWords) {
  GermanAnalyzer analyzer;
  EXPECT_TRUE(analyze(analyzer, "").empty());
  EXPECT_TRUE(analyze(analyzer, " -- ... \u00AD ").empty());
}

}  // namespace
}  // namespace fundstelle::analysis
