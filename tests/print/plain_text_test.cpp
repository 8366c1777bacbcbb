#include "print/plain_text.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace fundstelle::query {
namespace {

TEST(PlainTextTest, AsciiSpellsOutGermanLetters) {
  struct Case {
    const char* utf8;
    const char* ascii;
  };
  const Case cases[] = {
      {"Größe", "Groesse"}, {"Übermaß", "Uebermass"}, {"„Zitat“ – gut…", "\"Zitat\" - gut..."},
      {"a · b", "a | b"},   {"日本", "??"},           {"kaputt \xC3", "kaputt ?"},
  };
  for (const Case& c : cases) EXPECT_EQ(to_ascii(c.utf8), c.ascii) << c.utf8;
}

TEST(PlainTextTest, NarrowWidthStillWrapsAtWords) {
  std::ostringstream out;
  print_wrapped("eins zwei drei vier fünf sechs sieben acht neun zehn", {}, TextStyle{.width = 10},
                "", out);
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(display_columns(line), 20u) << line;  // at least 20 columns of text
    EXPECT_NE(line.front(), ' ');
  }
}

TEST(PlainTextTest, AsciiKeepsHighlightBoundaries) {
  std::ostringstream out;
  const std::string text = "Die Größe zählt";
  print_wrapped(text, {{4, 11}}, TextStyle{.color = true, .width = 80, .utf8 = false}, "", out);
  EXPECT_EQ(out.str(), "Die \033[1;31mGroesse\033[0m zaehlt\n");
}

}  // namespace
}  // namespace fundstelle::query
