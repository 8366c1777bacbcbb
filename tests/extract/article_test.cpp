#include "extract/article.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fundstelle::extract {
namespace {

TEST(ArticleTest, SeparateTitleKeepsTheTitleOutOfTheBody) {
  const Block heading{BlockKind::kHeading, "Die Schlagzeile", 1};
  const Block subtitle{BlockKind::kHeading, "Die Unterzeile", 2};
  const Block paragraph{BlockKind::kParagraph, "Ein Absatz.", 0};
  const Block same_as_title{BlockKind::kParagraph, "Die Schlagzeile", 0};
  struct Case {
    const char* name;
    Article input;
    std::string title;
    std::vector<Block> blocks;
  };
  const std::vector<Case> cases = {
      {"no title: a leading heading becomes the title",
       {"", {}, {heading, paragraph}, ""},
       "Die Schlagzeile",
       {paragraph}},
      {"known title: leading copies of it are removed, other leading headings stay",
       {"Die Schlagzeile", {}, {subtitle, heading, paragraph}, ""},
       "Die Schlagzeile",
       {subtitle, paragraph}},
      {"known title kept over a different leading heading",
       {"Laut Metadaten", {}, {heading, paragraph}, ""},
       "Laut Metadaten",
       {heading, paragraph}},
      {"a heading equal to the title after body text stays",
       {"Die Schlagzeile", {}, {paragraph, heading, paragraph}, ""},
       "Die Schlagzeile",
       {paragraph, heading, paragraph}},
      {"a paragraph equal to the title is body text",
       {"Die Schlagzeile", {}, {same_as_title, paragraph}, ""},
       "Die Schlagzeile",
       {same_as_title, paragraph}},
      {"no title and no leading heading: unchanged",
       {"", {}, {paragraph, heading}, ""},
       "",
       {paragraph, heading}},
      {"empty article: unchanged", {"", {}, {}, ""}, "", {}},
      {"only the title heading: no blocks left", {"", {}, {heading}, ""}, "Die Schlagzeile", {}},
  };
  for (const Case& c : cases) {
    Article article = c.input;
    separate_title(article);
    EXPECT_EQ(article.title, c.title) << c.name;
    EXPECT_EQ(article.blocks, c.blocks) << c.name;
    EXPECT_EQ(article.metadata, c.input.metadata) << c.name;
  }
}

}  // namespace
}  // namespace fundstelle::extract
