#include "analysis/tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace fundstelle::analysis {
namespace {

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Tokenizer tokenizer(text);
  Token token;
  while (tokenizer.next(token)) tokens.push_back(token);
  return tokens;
}

std::string slice(std::string_view text, Span span) {
  return std::string(text.substr(span.begin, span.end - span.begin));
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : tokenize(text)) out.push_back(slice(text, token.span));
  return out;
}

TEST(TokenizerTest, SplitsTextIntoWords) {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> words;
  };
  const Case cases[] = {
      {"empty", "", {}},
      {"only punctuation", " ,.;!? -- ", {}},
      {"plain", "Hallo Welt", {"Hallo", "Welt"}},
      {"punctuation", "Straße, Köln; Zürich! (Bonn)", {"Straße", "Köln", "Zürich", "Bonn"}},
      {"sentence end", "Ende. Anfang", {"Ende", "Anfang"}},
      {"apostrophe", "geht's los", {"geht's", "los"}},
      {"typographic apostrophe", "geht\u2019s los", {"geht\u2019s", "los"}},
      {"apostrophe at word end", "Hans' Auto", {"Hans", "Auto"}},
      {"quote marks", "\u201EZitat\u201C und \u2018so\u2019", {"Zitat", "und", "so"}},
      {"decimal comma", "3,5 Prozent", {"3,5", "Prozent"}},
      {"date", "am 17.11.2023 um", {"am", "17.11.2023", "um"}},
      {"time", "um 10:30 Uhr.", {"um", "10:30", "Uhr"}},
      {"thousands", "1.000.000 Euro", {"1.000.000", "Euro"}},
      {"number then period", "im Jahr 2023. Danach", {"im", "Jahr", "2023", "Danach"}},
      {"comma between words", "rot,grün", {"rot", "grün"}},
      {"colon after digit", "Punkt 12: Mittag", {"Punkt", "12", "Mittag"}},
      {"digit joiner needs digits", "3.x", {"3", "x"}},
      {"letters and digits", "COVID19 und GPT-4", {"COVID19", "und", "GPT-4"}},
      {"soft hyphen inside", "Kün\u00ADdigung folgt", {"Kün\u00ADdigung", "folgt"}},
      {"zero-width space inside", "Null\u200Bbreite", {"Null\u200Bbreite"}},
      {"soft hyphen at the end", "Wort\u00AD Ende", {"Wort", "Ende"}},
      {"trailing hyphen", "Ein- und Ausgang", {"Ein", "und", "Ausgang"}},
      {"leading hyphen", "-Wort", {"Wort"}},
      {"double hyphen", "a--b", {"a", "b"}},
      {"dash", "a – b", {"a", "b"}},
      {"combining mark", "Mu\u0308ller", {"Mu\u0308ller"}},
      {"other scripts", "Москва 東京", {"Москва", "東京"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(words(c.text), c.words) << c.name;
  }
}

TEST(TokenizerTest, ReportsByteSpans) {
  const std::string text = "Über  die Brücke";
  const std::vector<Token> tokens = tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].span, (Span{0, 5}));    // "Über": Ü is two bytes
  EXPECT_EQ(tokens[1].span, (Span{7, 10}));   // two spaces before "die"
  EXPECT_EQ(tokens[2].span, (Span{11, 18}));  // "Brücke"
  for (const Token& token : tokens) EXPECT_TRUE(token.parts.empty());
}

TEST(TokenizerTest, SplitsHyphenatedCompounds) {
  struct Case {
    std::string text;
    std::string word;
    std::vector<std::string> parts;
  };
  const Case cases[] = {
      {"KI-Entwicklung", "KI-Entwicklung", {"KI", "Entwicklung"}},
      {"E-Mail-Adresse.", "E-Mail-Adresse", {"E", "Mail", "Adresse"}},
      {"Nicht\u2011Regierungsorganisation",
       "Nicht\u2011Regierungsorganisation",
       {"Nicht", "Regierungsorganisation"}},
      {"GPT-4", "GPT-4", {"GPT", "4"}},
      {"Kündigungs\u00ADschutz-Gesetz",
       "Kündigungs\u00ADschutz-Gesetz",
       {"Kündigungs\u00ADschutz", "Gesetz"}},
  };
  for (const Case& c : cases) {
    const std::vector<Token> tokens = tokenize(c.text);
    ASSERT_EQ(tokens.size(), 1u) << c.text;
    EXPECT_EQ(slice(c.text, tokens[0].span), c.word);
    std::vector<std::string> parts;
    for (const Span& part : tokens[0].parts) parts.push_back(slice(c.text, part));
    EXPECT_EQ(parts, c.parts) << c.text;
  }
}

TEST(TokenizerTest, PartSpansPointIntoTheText) {
  const std::string text = "Die KI-Entwicklung";
  const std::vector<Token> tokens = tokenize(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].span, (Span{4, 18}));
  const std::vector<Span> parts = {{4, 6}, {7, 18}};
  EXPECT_EQ(tokens[1].parts, parts);
}

TEST(TokenizerTest, ReusedTokenHasNoStaleParts) {
  const std::string text = "KI-Entwicklung Welt";
  Tokenizer tokenizer(text);
  Token token;
  ASSERT_TRUE(tokenizer.next(token));
  EXPECT_EQ(token.parts.size(), 2u);
  ASSERT_TRUE(tokenizer.next(token));
  EXPECT_EQ(token.span, (Span{15, 19}));
  EXPECT_TRUE(token.parts.empty());
  EXPECT_FALSE(tokenizer.next(token));
  EXPECT_FALSE(tokenizer.next(token));
}

TEST(TokenizerTest, InvalidUtf8SeparatesWords) {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> words;
  };
  const Case cases[] = {
      {"stray byte",
       "abc\xFF"
       "def",
       {"abc", "def"}},
      {"lone continuation byte",
       "abc\x80"
       "def",
       {"abc", "def"}},
      {"truncated at end", "abc \xC3", {"abc"}},
      {"truncated inside",
       "ab\xE2\x82"
       "cd",
       {"ab", "cd"}},
      {"overlong encoding",
       "ab\xC0\xAF"
       "cd",
       {"ab", "cd"}},
      {"only garbage", "\xFF\xFE\xC3", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(words(c.text), c.words) << c.name;
  }
}

}  // namespace
}  // namespace fundstelle::analysis
