#include "extract/html_boilerplate.hpp"

#include <gtest/gtest.h>

namespace fundstelle::extract {
namespace {

struct HintCase {
  const char* class_attr;
  const char* id_attr;
  BoilerplateHint expected;
};

TEST(HtmlBoilerplateTest, MatchesHintWordsAsWholeWords) {
  constexpr auto kNone = BoilerplateHint::kNone;
  constexpr auto kFurniture = BoilerplateHint::kFurniture;
  constexpr auto kComments = BoilerplateHint::kComments;
  const HintCase cases[] = {
      {"nav", "", kFurniture},
      {"main-nav menu", "", kFurniture},
      {"", "sidebar", kFurniture},
      {"widget widget_recent_entries", "", kFurniture},
      {"share-buttons share-top", "", kFurniture},
      {"shareButtons", "", kFurniture},  // camelCase splits
      {"cookie-banner", "", kFurniture},
      {"ad", "", kFurniture},
      {"breadcrumbs", "", kFurniture},
      {"author-bio", "", kFurniture},
      {"authorBio", "", kFurniture},
      {"entry-meta byline", "", kFurniture},
      {"related-posts", "", kFurniture},
      {"hidden", "", kFurniture},
      {"comments-area", "comments", kComments},
      {"comment-respond", "respond", kComments},
      {"comment-reply-title", "reply-title", kComments},
      {"widget comments", "", kComments},  // comments win over furniture
      // No hints: the word is only part of a longer word, or not a hint at all.
      {"article-header entry-header", "", kNone},
      {"shadow", "", kNone},
      {"download-link", "", kNone},
      {"add-to-cart", "", kNone},
      {"read", "", kNone},
      {"head", "", kNone},
      {"header", "", kNone},
      {"entry-content", "", kNone},
      {"navigator-guide", "", kNone},
      {"badge", "", kNone},
      {"hidden-xs", "", kNone},  // hidden on phones only
      {"", "", kNone},
  };
  for (const HintCase& c : cases) {
    EXPECT_EQ(boilerplate_hint(c.class_attr, c.id_attr), c.expected)
        << "class=\"" << c.class_attr << "\" id=\"" << c.id_attr << "\"";
  }
}

TEST(HtmlBoilerplateTest, WeighsClassesLikeReadability) {
  EXPECT_EQ(class_weight("entry-content", ""), 25);
  EXPECT_EQ(class_weight("", "article-body"), 25);
  EXPECT_EQ(class_weight("sidebar", ""), -25);
  EXPECT_EQ(class_weight("byline", ""), -25);
  EXPECT_EQ(class_weight("post comment", ""), 0);
  EXPECT_EQ(class_weight("row col-md-8", ""), 0);
}

}  // namespace
}  // namespace fundstelle::extract
