#include "passages/sentence_breaks.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace fundstelle::passages {
namespace {

// The text cut at every sentence start, trailing spaces removed.
std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  size_t begin = 0;
  std::vector<size_t> starts = sentence_starts(text);
  starts.push_back(text.size());
  for (size_t start : starts) {
    std::string sentence(text.substr(begin, start - begin));
    while (!sentence.empty() && (sentence.back() == ' ' || sentence.back() == '\n')) {
      sentence.pop_back();
    }
    out.push_back(sentence);
    begin = start;
  }
  return out;
}

TEST(SentenceBreaksTest, FindsSentenceStarts) {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> sentences;
  };
  const Case cases[] = {
      {"one sentence", "Das ist gut.", {"Das ist gut."}},
      {"two sentences", "Das ist gut. Das ist schlecht.", {"Das ist gut.", "Das ist schlecht."}},
      {"question and exclamation", "Warum? Darum! Gut.", {"Warum?", "Darum!", "Gut."}},
      {"repeated terminators", "Wirklich?! Ja... Nein.", {"Wirklich?!", "Ja...", "Nein."}},
      {"ellipsis character",
       "Er wartete\u2026 Dann kam sie.",
       {"Er wartete\u2026", "Dann kam sie."}},
      {"z. B.",
       "Er kam z. B. am Montag. Dann ging er.",
       {"Er kam z. B. am Montag.", "Dann ging er."}},
      {"z. B. before a capital",
       "Manche Tiere, z. B. Katzen, schlafen viel. Hunde nicht.",
       {"Manche Tiere, z. B. Katzen, schlafen viel.", "Hunde nicht."}},
      {"z.B. without space",
       "Obst, z.B. Äpfel, ist gesund. Gemüse auch.",
       {"Obst, z.B. Äpfel, ist gesund.", "Gemüse auch."}},
      {"u. a.",
       "Es kamen u. a. Vertreter der Stadt. Dann ging es los.",
       {"Es kamen u. a. Vertreter der Stadt.", "Dann ging es los."}},
      {"Dr.", "Heute sprach Dr. Müller. Er blieb.", {"Heute sprach Dr. Müller.", "Er blieb."}},
      {"Prof. Dr.",
       "Prof. Dr. Berg lehrt. Sie forscht.",
       {"Prof. Dr. Berg lehrt.", "Sie forscht."}},
      {"Nr.", "Das ist Nr. 5 der Liste. Mehr folgt.", {"Das ist Nr. 5 der Liste.", "Mehr folgt."}},
      {"ordinal date",
       "Am 17. November wurde er entlassen. Danach kam er zurück.",
       {"Am 17. November wurde er entlassen.", "Danach kam er zurück."}},
      {"ordinal",
       "Sie spielt in der 3. Liga. Das ist gut.",
       {"Sie spielt in der 3. Liga.", "Das ist gut."}},
      {"year ends a sentence",
       "Das war 2023. Danach kam 2024.",
       {"Das war 2023.", "Danach kam 2024."}},
      {"initial", "Sam A. Altman ist CEO. Er bleibt.", {"Sam A. Altman ist CEO.", "Er bleibt."}},
      {"german quotes",
       "Er sagte: \u201EIch gehe.\u201C Dann ging er.",
       {"Er sagte: \u201EIch gehe.\u201C", "Dann ging er."}},
      {"german single quotes",
       "Er sagte: \u201ANein.\u2018 Dann ging er.",
       {"Er sagte: \u201ANein.\u2018", "Dann ging er."}},
      {"Mio.",
       "Die Firma verlor 5 Mio. Euro im Jahr. Das ist viel.",
       {"Die Firma verlor 5 Mio. Euro im Jahr.", "Das ist viel."}},
      {"ca.", "Das kostet ca. 5 Euro. Billig.", {"Das kostet ca. 5 Euro.", "Billig."}},
      {"ascii quotes", "Er sagte \"Nein.\" Dann ging er.", {"Er sagte \"Nein.\"", "Dann ging er."}},
      {"guillemets",
       "Sie rief \u00BBHalt!\u00AB Alle blieben stehen.",
       {"Sie rief \u00BBHalt!\u00AB", "Alle blieben stehen."}},
      {"closing bracket",
       "Das stimmt (meistens.) Oft jedenfalls.",
       {"Das stimmt (meistens.)", "Oft jedenfalls."}},
      {"opening quote starts a sentence",
       "Er ging. \u201EWarum?\u201C, fragte sie.",
       {"Er ging.", "\u201EWarum?\u201C, fragte sie."}},
      {"digit starts a sentence",
       "Es war knapp. 500 Leute kamen.",
       {"Es war knapp.", "500 Leute kamen."}},
      {"lower case after period", "Das ist gut. und dann", {"Das ist gut. und dann"}},
      {"no space after period", "Das ist gut.Das auch.", {"Das ist gut.Das auch."}},
      {"newline after period", "Erste Zeile.\nZweite Zeile.", {"Erste Zeile.", "Zweite Zeile."}},
      {"several spaces", "Eins.   Zwei.", {"Eins.", "Zwei."}},
      {"domain", "Siehe openai.com für mehr.", {"Siehe openai.com für mehr."}},
      {"umlaut starts a sentence",
       "Es ist spät. Über Nacht blieb er.",
       {"Es ist spät.", "Über Nacht blieb er."}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(sentences(c.text), c.sentences) << c.name;
  }
}

TEST(SentenceBreaksTest, OffsetsPointAtTheFirstLetterAndAscend) {
  const std::string text = "Eins. Zwei! Drei? Vier.";
  const std::vector<size_t> expected = {6, 12, 18};
  EXPECT_EQ(sentence_starts(text), expected);
}

TEST(SentenceBreaksTest, NeverReturnsZeroOrBreaksInEmptyText) {
  EXPECT_TRUE(sentence_starts("").empty());
  EXPECT_TRUE(sentence_starts(".").empty());
  EXPECT_TRUE(sentence_starts(". ").empty());
  const std::vector<size_t> starts = sentence_starts(". Anfang. Ende.");
  for (size_t start : starts) EXPECT_GT(start, 0u);
}

TEST(SentenceBreaksTest, TerminatorAtTheEndIsNotABreak) {
  EXPECT_TRUE(sentence_starts("Nur ein Satz.").empty());
  EXPECT_TRUE(sentence_starts("Nur ein Satz.  ").empty());
  EXPECT_TRUE(sentence_starts("Satz mit Zitat.\u201C").empty());
}

TEST(SentenceBreaksTest, InvalidUtf8AfterABreakIsNoSentenceStart) {
  EXPECT_TRUE(sentence_starts("Satz. \xFF"
                              "ber")
                  .empty());
  EXPECT_TRUE(sentence_starts("Satz. \xC3").empty());
}

}  // namespace
}  // namespace fundstelle::passages
