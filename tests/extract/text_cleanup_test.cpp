#include "extract/text_cleanup.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fundstelle::extract {
namespace {

struct Case {
  const char* name;
  std::string input;
  std::string expected;
};

TEST(TextCleanupTest, CleansText) {
  const std::vector<Case> cases = {
      {"unchanged", "Sam Altman kehrt zurück.", "Sam Altman kehrt zurück."},
      {"soft hyphen inside a word", "Tochter\u00ADgesellschaft", "Tochtergesellschaft"},
      {"NBSP becomes a space", "17.\u00A0November", "17. November"},
      {"narrow NBSP and thin space", "500\u202FMitarbeiter\u2009heute", "500 Mitarbeiter heute"},
      {"zero-width space vanishes", "Zero\u200Bwidth", "Zerowidth"},
      {"ZWJ, ZWNJ, word joiner, BOM vanish", "a\u200Cb\u200Dc\u2060d\uFEFFe", "abcde"},
      {"tabs and newlines collapse", "a\t\tb\n\nc \r\n d", "a b c d"},
      {"leading and trailing space trimmed", " \n\t Text \u00A0\n", "Text"},
      {"NFD to NFC", "u\u0308ber Stra\u00DFe", "\u00FCber Stra\u00DFe"},
      {"NFD capital umlaut", "O\u0308sterreich", "Österreich"},
      {"invalid UTF-8 becomes U+FFFD", "ab\xFF-cd", "ab\uFFFD-cd"},
      {"truncated sequence becomes U+FFFD", "Gr\xC3", "Gr\uFFFD"},
      {"control characters removed", "a\x01-b\x7F-c\x1B-d", "a-b-c-d"},
      {"C1 control removed", "a\u0085b", "a b"},
      {"only whitespace", " \t\n\u00A0 ", ""},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(clean_text(c.input), c.expected) << c.name;
  }
}

TEST(TextCleanupTest, KeepsLinesWhenAsked) {
  const std::vector<Case> cases = {
      {"lines cleaned one by one", "  erste  Zeile \n\tzweite\u00A0Zeile ",
       "erste Zeile\nzweite Zeile"},
      {"blank-line runs become one blank line", "a\n\n\n\nb", "a\n\nb"},
      {"whitespace-only lines count as blank", "a\n \t\n\u00A0\nb", "a\n\nb"},
      {"CRLF line ends", "a\r\nb\r\n\r\nc", "a\nb\n\nc"},
      {"leading and trailing blank lines dropped", "\n\nTitel\n\n", "Titel"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(clean_text_keep_lines(c.input), c.expected) << c.name;
  }
}

TEST(TextCleanupTest, KnowsInvisibleCodePoints) {
  for (char32_t cp : {U'\u00AD', U'\u200B', U'\u200C', U'\u200D', U'\u2060', U'\uFEFF'}) {
    EXPECT_TRUE(is_invisible_code_point(cp)) << static_cast<unsigned>(cp);
  }
  for (char32_t cp : {U'a', U' ', U'\u00A0', U'\u00E4', U'-'}) {
    EXPECT_FALSE(is_invisible_code_point(cp)) << static_cast<unsigned>(cp);
  }
}

}  // namespace
}  // namespace fundstelle::extract
