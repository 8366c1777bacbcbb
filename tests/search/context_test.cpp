#include "search/context.hpp"

#include <gtest/gtest.h>

namespace fundstelle::query {
namespace {

TEST(ContextTest, TakesTheLastSentence) {
  EXPECT_EQ(last_sentence("Altman ging. Murati übernahm den Posten. "), "Murati übernahm den Posten.");
  EXPECT_EQ(last_sentence("Wer? Sie! Dann kam der Brief"), "Dann kam der Brief");
  EXPECT_EQ(last_sentence("Erste Zeile\nZweite Zeile."), "Zweite Zeile.");
  EXPECT_EQ(last_sentence("Nur ein Satz."), "Nur ein Satz.");
  EXPECT_EQ(last_sentence("  \n "), "");
  EXPECT_EQ(last_sentence(""), "");
}

TEST(ContextTest, CutsALongSentenceAtAWordBoundary) {
  const std::string sentence = "Vorher. " + std::string(50, 'x') + " Über " + std::string(30, 'y');
  const std::string shown = last_sentence(sentence, 40);
  EXPECT_EQ(shown, "… Über " + std::string(30, 'y'));
  EXPECT_LE(shown.size(), 40u + std::string("… ").size());
}

}  // namespace
}  // namespace fundstelle::query
