#include "search/spelling.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fundstelle::query {
namespace {

TEST(EditDistanceTest, CountsEditsUpToTheLimit) {
  struct Case {
    const char* a;
    const char* b;
    size_t limit;
    size_t distance;
  };
  const Case cases[] = {
      {"altman", "altman", 2, 0},
      {"altmn", "altman", 2, 1},
      {"altamn", "altman", 2, 1},
      {"altnam", "altman", 2, 2},
      {"alman", "altman", 2, 1},
      {"xltman", "altman", 2, 1},
      {"abc", "xyz", 2, 3},
      {"abcdef", "ab", 2, 3},
      {"", "ab", 2, 2},
      {"kuendgung", "kuendigung", 1, 1},
      {"mikrosoft", "microsoft", 2, 1},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(edit_distance(c.a, c.b, c.limit), c.distance) << c.a << " " << c.b;
  }
}

class SpellingTest : public ::testing::Test {
 protected:
  SpellingTest() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    // term -> passages: "altman" 5, "altmann" 1, "aktien" 3, "kuendigung" 2, "zebra" 1
    add("altman", 5);
    add("altmann", 1);
    add("aktien", 3);
    add("kuendigung", 2);
    add("zebra", 1);
  }
  void add(const std::string& term, int passages) {
    for (int i = 0; i < passages; ++i) {
      Xapian::Document doc;
      doc.add_posting(term, 1);
      db_.add_document(doc);
    }
  }
  analysis::GermanAnalyzer analyzer_;
  Xapian::WritableDatabase db_;
  StemLexicon lexicon_{{db_}};
};

TEST_F(SpellingTest, SuggestsTheMostFrequentCloseWord) {
  EXPECT_EQ(suggest_word(db_, "altmn"), "altman");  // 1 edit: altman (5) beats altmann (1)
  EXPECT_EQ(suggest_word(db_, "kuendgung"), "kuendigung");
  EXPECT_EQ(suggest_word(db_, "aktein"), "aktien");      // transposition
  EXPECT_EQ(suggest_word(db_, "zebr"), std::nullopt);    // zebra occurs once: no advice
  EXPECT_EQ(suggest_word(db_, "alt"), std::nullopt);     // too short to guess
  EXPECT_EQ(suggest_word(db_, "xltman"), std::nullopt);  // the first letter is trusted
  EXPECT_EQ(suggest_word(db_, "altman"), std::nullopt);  // known and frequent
}

TEST_F(SpellingTest, RewritesOnlyMisspelledWordsOfTheQuery) {
  EXPECT_EQ(suggest_query(db_, "Wer ist Altmn?", analyzer_, lexicon_), "Wer ist Altman?");
  EXPECT_EQ(suggest_query(db_, "title:altmn AND Kündgung", analyzer_, lexicon_),
            "title:altman AND Kuendigung");
  EXPECT_EQ(suggest_query(db_, "Altman", analyzer_, lexicon_), std::nullopt);
  EXPECT_EQ(suggest_query(db_, "", analyzer_, lexicon_), std::nullopt);
  EXPECT_EQ(suggest_query(db_, "Wer ist der Chef?", analyzer_, lexicon_),
            std::nullopt);  // nothing close
  // A rare known word yields to a far more frequent neighbour only when asked to.
  EXPECT_EQ(suggest_query(db_, "Altmann", analyzer_, lexicon_), std::nullopt);
  SpellingOptions few;
  few.rare_below = 3;
  few.min_frequency = 2;
  EXPECT_EQ(suggest_query(db_, "Altmann", analyzer_, lexicon_, few), std::nullopt);  // 5 < 50 x 1
}

}  // namespace
}  // namespace fundstelle::query
