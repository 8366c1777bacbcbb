#include "analysis/normalizer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fundstelle::analysis {
namespace {

TEST(NormalizerTest, FoldsCaseUmlautsSharpSAndAccents) {
  struct Case {
    const char* input;
    const char* folded;
  };
  const Case cases[] = {
      {"", ""},
      {"Haus", "haus"},
      {"KI", "ki"},
      {"Müller", "mueller"},
      {"Mueller", "mueller"},
      {"MÜLLER", "mueller"},
      {"Straße", "strasse"},
      {"Strasse", "strasse"},
      {"STRAẞE", "strasse"},  // capital sharp s
      {"Äpfel", "aepfel"},
      {"Österreich", "oesterreich"},
      {"Übermorgen", "uebermorgen"},
      {"Café", "cafe"},
      {"ÉCOLE", "ecole"},
      {"Señor", "senor"},
      {"Crème", "creme"},
      {"covid19", "covid19"},
      {"17.11.2023", "17.11.2023"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(fold(c.input), c.folded) << c.input;
  }
}

TEST(NormalizerTest, DropsHyphensApostrophesAndInvisibleCharacters) {
  struct Case {
    const char* input;
    const char* folded;
  };
  const Case cases[] = {
      {"KI-Entwicklung", "kientwicklung"},
      {"Nicht\u2011Regierung", "nichtregierung"},  // non-breaking hyphen
      {"Nicht\u2010Regierung", "nichtregierung"},  // Unicode hyphen
      {"geht's", "gehts"},
      {"geht\u2019s", "gehts"},            // typographic apostrophe
      {"Kün\u00ADdigung", "kuendigung"},   // soft hyphen
      {"Null\u200Bbreite", "nullbreite"},  // zero-width space
      {"Null\u200Dbreite", "nullbreite"},  // zero-width joiner
      {"\uFEFFAnfang", "anfang"},          // byte order mark
  };
  for (const Case& c : cases) {
    EXPECT_EQ(fold(c.input), c.folded) << c.input;
  }
}

TEST(NormalizerTest, AppendsToExistingOutput) {
  std::string out = "Z";
  append_folded("Größe", out);
  EXPECT_EQ(out, "Zgroesse");
}

TEST(NormalizerTest, SkipsInvalidUtf8) {
  EXPECT_EQ(fold("ab\xFF"
                 "cd"),
            "abcd");
  EXPECT_EQ(fold("ab\xC3"), "ab");  // truncated sequence at the end
}

}  // namespace
}  // namespace fundstelle::analysis
