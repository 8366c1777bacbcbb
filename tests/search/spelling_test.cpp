#include "search/spelling.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "schema.hpp"
#include "support/temp_dir.hpp"
#include "writer/vocabulary_writer.hpp"

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

// Each test runs on a shard with a vocabulary and on one written before shards had it, whose
// words are read from its terms.
class SpellingTest : public ::testing::TestWithParam<bool> {
 protected:
  // A glass database: the in-memory backend cannot list metadata keys.
  SpellingTest() : db_((dir_.path() / "db").string(), Xapian::DB_CREATE) {
    // term -> passages: "altman" 5, "altmann" 1, "aktien" 3, "kuendigung" 2, "zebra" 1
    add("altman", 5);
    add("altmann", 1);
    add("aktien", 3);
    add("kuendigung", 2);
    add("zebra", 1);
    if (GetParam()) record_vocabulary({"altman", "altmann", "aktien", "kuendigung", "zebra"});
    vocabulary_ = Vocabulary({db_});
  }
  void add(const std::string& term, int passages) {
    for (int i = 0; i < passages; ++i) {
      Xapian::Document doc;
      doc.add_posting(term, 1);
      db_.add_document(doc);
    }
  }
  void record_vocabulary(const std::vector<std::string>& words) {
    db_.set_metadata(schema::kMetaHasVocabulary, "1");
    writer::VocabularyWriter(db_).add(words);
  }
  testing::TempDir dir_;
  analysis::GermanAnalyzer analyzer_;
  Xapian::WritableDatabase db_;
  StemLexicon lexicon_{{db_}};
  Vocabulary vocabulary_;
};

INSTANTIATE_TEST_SUITE_P(VocabularyOrTerms, SpellingTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& shard) {
                           return shard.param ? "Vocabulary" : "Terms";
                         });

TEST_P(SpellingTest, SuggestsTheMostFrequentCloseWord) {
  EXPECT_EQ(suggest_word(db_, vocabulary_, "altmn"), "altman");  // altman (5) beats altmann (1)
  EXPECT_EQ(suggest_word(db_, vocabulary_, "kuendgung"), "kuendigung");
  EXPECT_EQ(suggest_word(db_, vocabulary_, "aktein"), "aktien");    // transposition
  EXPECT_EQ(suggest_word(db_, vocabulary_, "zebr"), std::nullopt);  // zebra occurs once: no advice
  EXPECT_EQ(suggest_word(db_, vocabulary_, "alt"), std::nullopt);   // too short to guess
  EXPECT_EQ(suggest_word(db_, vocabulary_, "xltman"), std::nullopt);  // the first letter is trusted
  EXPECT_EQ(suggest_word(db_, vocabulary_, "altman"), std::nullopt);  // known and frequent
}

TEST_P(SpellingTest, RewritesOnlyMisspelledWordsOfTheQuery) {
  const auto suggest = [&](const char* text, const SpellingOptions& options = {}) {
    return suggest_query(db_, vocabulary_, text, analyzer_, lexicon_, options);
  };
  EXPECT_EQ(suggest("Wer ist Altmn?"), "Wer ist Altman?");
  EXPECT_EQ(suggest("title:altmn AND Kündgung"), "title:altman AND Kuendigung");
  EXPECT_EQ(suggest("Altman"), std::nullopt);
  EXPECT_EQ(suggest(""), std::nullopt);
  EXPECT_EQ(suggest("Wer ist der Chef?"), std::nullopt);  // nothing close
  // A rare known word yields to a far more frequent neighbour only when asked to.
  EXPECT_EQ(suggest("Altmann"), std::nullopt);
  SpellingOptions few;
  few.rare_below = 3;
  few.min_frequency = 2;
  EXPECT_EQ(suggest("Altmann", few), std::nullopt);  // 5 < 50 x 1
}

TEST(SpellingVocabularyTest, OnlyTheVocabularysWordsOfTheLengthsAskedForAreRead) {
  const testing::TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  db.set_metadata(schema::kMetaHasVocabulary, "1");
  writer::VocabularyWriter(db).add({"altman", "altmann", "alte", "aktien", "baum", "42er", "ab"});
  const Vocabulary vocabulary({db});
  EXPECT_EQ(vocabulary.words('a', 4, 6), (std::vector<std::string>{"aktien", "alte", "altman"}));
  EXPECT_EQ(vocabulary.words('a', 7, 9), std::vector<std::string>{"altmann"});
  EXPECT_TRUE(vocabulary.words('4', 3, 5).empty());  // numbers are never corrected
  EXPECT_TRUE(vocabulary.words('a', 1, 2).empty());  // too short to be a suggestion

  // A term the vocabulary does not list is no suggestion: the terms are not scanned.
  for (int i = 0; i < 5; ++i) {
    Xapian::Document doc;
    doc.add_posting("kuendigung", 1);
    db.add_document(doc);
  }
  EXPECT_EQ(suggest_word(db, vocabulary, "kuendgung"), std::nullopt);
  writer::VocabularyWriter(db).add({"kuendigung"});
  EXPECT_EQ(suggest_word(db, vocabulary, "kuendgung"), "kuendigung");
}

}  // namespace
}  // namespace fundstelle::query
