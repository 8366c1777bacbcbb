#include "search/date_range.hpp"

#include <gtest/gtest.h>

namespace fundstelle::query {
namespace {

TEST(DateRangeTest, AcceptsOnlyDatePrefixes) {
  for (const char* good : {"2023", "2023-11", "2023-11-20", "1999-01-31"}) {
    EXPECT_TRUE(is_iso_date_prefix(good)) << good;
  }
  for (const char* bad : {"", "23", "2023-1", "2023-13", "2023-00", "2023/11", "2023-11-32",
                          "2023-11-20T10:00", "heute", "2023-11-2x"}) {
    EXPECT_FALSE(is_iso_date_prefix(bad)) << bad;
  }
}

TEST(DateRangeTest, BoundsCoverThePeriodTheyName) {
  EXPECT_LE(since_bound("2023-11"), std::string("2023-11-01"));
  EXPECT_GT(since_bound("2023-11"), std::string("2023-10-31T23:59:59Z"));
  EXPECT_GE(until_bound("2023-11"), std::string("2023-11-30T23:59:59+01:00"));
  EXPECT_GE(until_bound("2023-11-20"), std::string("2023-11-20Z"));
  EXPECT_LT(until_bound("2023-11"), std::string("2023-12"));
  EXPECT_LT(until_bound("2023"), std::string("2024-01-01"));
}

}  // namespace
}  // namespace fundstelle::query
