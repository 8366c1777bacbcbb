#include "extract/charset.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cp1252.hpp"

namespace fundstelle::extract {
namespace {

using test::to_cp1252;

// Long enough for charset detection to be sure.
constexpr const char* kLongGerman =
    "Grüße aus München, Köln und Düsseldorf: Ärger über Straßenbau, schöne Grüße und große Pläne "
    "für Österreich.";

struct Case {
  const char* name;
  std::string bytes;
  std::string declared;
  std::string utf8;
  std::string charset;
};

TEST(CharsetTest, DecodesToUtf8) {
  const std::string bom = "\xEF\xBB\xBF";
  const std::vector<Case> cases = {
      {"plain ASCII", "Hallo Welt", "", "Hallo Welt", "UTF-8"},
      {"valid UTF-8", "Grüße", "", "Grüße", "UTF-8"},
      {"UTF-8 BOM is removed", bom + "Grüße", "", "Grüße", "UTF-8"},
      {"BOM beats a declaration", bom + "ä", "windows-1252", "ä", "UTF-8"},
      {"UTF-16LE BOM", std::string("\xFF\xFEG\0r\0\xFC\0\xDF\0e\0", 12), "", "Grüße", "UTF-16LE"},
      {"UTF-16BE BOM", std::string("\xFE\xFF\0G\0r\0\xFC\0\xDF\0e", 12), "", "Grüße", "UTF-16BE"},
      {"declared windows-1252", to_cp1252("München € „Zitat“"), "windows-1252", "München € „Zitat“",
       "windows-1252"},
      {"declared latin1 is read as windows-1252", to_cp1252("Köln – Bonn"), "ISO-8859-1",
       "Köln – Bonn", "windows-1252"},
      {"declared UTF-8 label variant", "ö", "utf8", "ö", "UTF-8"},
      {"declared legacy but valid UTF-8 bytes", "Straße", "iso-8859-1", "Straße", "UTF-8"},
      {"declared legacy, ASCII only", "Strasse", "iso-8859-1", "Strasse", "windows-1252"},
      {"declared UTF-8 but latin1 bytes", to_cp1252(kLongGerman), "UTF-8", kLongGerman,
       "windows-1252"},
      {"invalid bytes after a BOM become U+FFFD", bom + "a\xFF-b\xC3(c", "", "a\uFFFD-b\uFFFD(c",
       "UTF-8"},
      {"empty", "", "", "", "UTF-8"},
  };
  for (const Case& c : cases) {
    const Decoded decoded = decode_to_utf8(c.bytes, c.declared);
    EXPECT_EQ(decoded.utf8, c.utf8) << c.name;
    EXPECT_EQ(decoded.charset, c.charset) << c.name;
    EXPECT_TRUE(is_valid_utf8(decoded.utf8)) << c.name;
  }
}

TEST(CharsetTest, MostlyUtf8WithABrokenByteKeepsTheUtf8) {
  // A long UTF-8 text with one stray byte is UTF-8 with damage, not a legacy charset.
  std::string bytes;
  for (int i = 0; i < 20; ++i) bytes += "Die Mitarbeiter drohen mit Kündigung. ";
  bytes += "Ende\xFF.";
  const Decoded decoded = decode_to_utf8(bytes);
  EXPECT_TRUE(is_valid_utf8(decoded.utf8));
  EXPECT_NE(decoded.utf8.find("Kündigung"), std::string::npos) << decoded.charset;
}

TEST(CharsetTest, ValidatesUtf8) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("ASCII"));
  EXPECT_TRUE(is_valid_utf8("\xC3\xBC \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("\xFC"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
}

}  // namespace
}  // namespace fundstelle::extract
