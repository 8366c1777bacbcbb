#include "analysis/word_table.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fundstelle::analysis {
namespace {

TEST(WordTableTest, FindsWhatWasInsertedAndNothingElse) {
  WordTable<int> table;
  EXPECT_EQ(table.find("haus"), nullptr);
  table.insert("haus", 1);
  table.insert("häuser", 2);
  table.insert("", 3);
  ASSERT_NE(table.find("haus"), nullptr);
  EXPECT_EQ(*table.find("haus"), 1);
  EXPECT_EQ(*table.find("häuser"), 2);
  EXPECT_EQ(*table.find(""), 3);
  EXPECT_EQ(table.find("hau"), nullptr);
  EXPECT_EQ(table.find("hausx"), nullptr);
  EXPECT_EQ(table.size(), 3u);
}

TEST(WordTableTest, GrowsWithoutLosingEntriesOrMovingThem) {
  WordTable<std::string> table;
  std::string& first = table.insert("wort0", "0");
  for (int i = 1; i < 50000; ++i) table.insert("wort" + std::to_string(i), std::to_string(i));
  EXPECT_EQ(table.size(), 50000u);
  for (int i = 0; i < 50000; i += 7) {
    const std::string* value = table.find("wort" + std::to_string(i));
    ASSERT_NE(value, nullptr) << i;
    EXPECT_EQ(*value, std::to_string(i));
  }
  EXPECT_EQ(&first, table.find("wort0"));  // references stay valid while the table grows
  EXPECT_EQ(table.find("wort50000"), nullptr);
}

TEST(WordTableTest, ClearEmptiesTheTableForReuse) {
  WordTable<int> table;
  for (int i = 0; i < 3000; ++i) table.insert(std::to_string(i), i);
  table.clear();
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.find("7"), nullptr);
  table.insert("7", 70);
  EXPECT_EQ(*table.find("7"), 70);
}

}  // namespace
}  // namespace fundstelle::analysis
