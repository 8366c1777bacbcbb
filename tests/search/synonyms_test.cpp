#include "search/synonyms.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace fundstelle::query {
namespace {

using Members = std::vector<std::string_view>;

class SynonymsTest : public ::testing::Test {
 protected:
  std::vector<std::string> stems(std::string_view text) {
    std::vector<std::string> out;
    analysis::AnalyzedWord word;
    auto stream = analyzer_.words(text);
    while (stream.next(word)) out.push_back(word.whole.stem);
    return out;
  }
  analysis::GermanAnalyzer analyzer_;
};

TEST_F(SynonymsTest, ParsesGroupsAndComments) {
  const Synonyms synonyms = Synonyms::parse(
      "# comment line\n"
      "KI | künstliche Intelligenz | AI   # trailing comment\n"
      "\n"
      "  EU|Europäische Union \r\n"
      "einsam\n"  // one member: no group
      " | | \n"   // no members
      "CEO | Vorstandschef",
      analyzer_);
  EXPECT_EQ(synonyms.group_count(), 3u);
  EXPECT_EQ(synonyms.longest_member(), 2u);
  EXPECT_EQ(synonyms.alternatives(stems("KI")), (Members{"künstliche Intelligenz", "AI"}));
  EXPECT_EQ(synonyms.alternatives(stems("ai")), (Members{"KI", "künstliche Intelligenz"}));
  EXPECT_EQ(synonyms.alternatives(stems("Europäische Union")), (Members{"EU"}));
  EXPECT_EQ(synonyms.alternatives(stems("CEO")), (Members{"Vorstandschef"}));
  EXPECT_TRUE(synonyms.alternatives(stems("einsam")).empty());
  EXPECT_TRUE(synonyms.alternatives(stems("Intelligenz")).empty());  // only whole members
}

TEST_F(SynonymsTest, MatchesInflectedAndFoldedForms) {
  const Synonyms synonyms =
      Synonyms::parse("KI | künstliche Intelligenz\nCEO | Vorstandschef", analyzer_);
  EXPECT_EQ(synonyms.alternatives(stems("künstlichen Intelligenz")), (Members{"KI"}));
  EXPECT_EQ(synonyms.alternatives(stems("KUENSTLICHE INTELLIGENZ")), (Members{"KI"}));
  EXPECT_EQ(synonyms.alternatives(stems("Vorstandschefs")), (Members{"CEO"}));
}

TEST_F(SynonymsTest, ShippedListHasUsefulGroups) {
  const Synonyms& german = Synonyms::german();
  EXPECT_GE(german.group_count(), 50u);
  const Members ki = german.alternatives(stems("KI"));
  EXPECT_NE(std::find(ki.begin(), ki.end(), "künstliche Intelligenz"), ki.end());
  const Members usa = german.alternatives(stems("Vereinigte Staaten"));
  EXPECT_NE(std::find(usa.begin(), usa.end(), "USA"), usa.end());
  EXPECT_FALSE(german.alternatives(stems("Europäische Union")).empty());
}

}  // namespace
}  // namespace fundstelle::query
