#include "search/rescoring.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fundstelle::query {
namespace {

TEST(RescoringTest, ProximityFeatureRewardsShortWindowsOfManyWords) {
  struct Case {
    const char* name;
    std::vector<std::vector<Xapian::termpos>> positions;
    double expected;
  };
  const Case cases[] = {
      {"no words", {}, 0.0},
      {"one word", {{3}}, 0.0},
      {"one of two present", {{3}, {}}, 0.0},
      {"adjacent", {{1}, {2}}, 1.0},
      {"four apart", {{1}, {5}}, 0.4},
      {"order does not matter", {{5}, {1}}, 0.4},
      {"two of three adjacent", {{1}, {2}, {}}, 0.5},
      {"three in a window of six", {{1}, {6}, {3}}, 0.5},
      {"shortest window wins", {{1, 10}, {20, 11}}, 1.0},
      {"repeated word inside the window", {{1, 2, 3}, {4}}, 1.0},
  };
  for (const Case& c : cases) {
    EXPECT_DOUBLE_EQ(proximity_feature(c.positions), c.expected) << c.name;
  }
}

}  // namespace
}  // namespace fundstelle::query
