#include "analysis/stopwords.hpp"

#include <gtest/gtest.h>

#include "analysis/normalizer.hpp"

namespace fundstelle::analysis {
namespace {

TEST(StopwordsTest, KnowsGermanFunctionWords) {
  const char* const stopwords[] = {"wer", "wurde", "und", "der", "die", "nicht", "dass", "aber"};
  for (const char* word : stopwords) {
    EXPECT_TRUE(is_stopword(word)) << word;
  }
}

TEST(StopwordsTest, ListEntriesWithUmlautsAreFolded) {
  // The list has "über" and "daß"; lookups take folded words.
  EXPECT_TRUE(is_stopword(fold("über")));
  EXPECT_TRUE(is_stopword("ueber"));
  EXPECT_TRUE(is_stopword(fold("daß")));
}

TEST(StopwordsTest, ContentWordsAreNotStopwords) {
  const char* const words[] = {"kuendigung", "mitarbeiter", "openai",   "altman", "vorstand",
                               "",           "#",           "wer wurde"};
  for (const char* word : words) {
    EXPECT_FALSE(is_stopword(word)) << word;
  }
}

}  // namespace
}  // namespace fundstelle::analysis
