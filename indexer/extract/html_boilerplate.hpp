// Recognising page furniture (navigation, sharing, ads, comment sections, ...) by the words in an
// element's class and id attributes.
#pragma once

#include <string_view>

namespace fundstelle::extract {

enum class BoilerplateHint {
  kNone,
  kFurniture,  // navigation, menus, sharing, ads, related links, newsletters, bylines, ...
  kComments,   // reader comments and reply forms: never article text
};

// Classifies an element by its class and id. Both are split into words at every character that is
// not an ASCII letter or digit and at lower-to-upper case changes ("relatedPosts" -> related,
// posts); hint words match whole words or runs of words ("author-bio"), never parts of a word, so
// "article-header", "shadow", "download", "add", "read" and "head" are no hints. A comment word
// wins over a furniture word.
[[nodiscard]] BoilerplateHint boilerplate_hint(std::string_view class_attr,
                                               std::string_view id_attr);

struct ClassHints {
  BoilerplateHint hint = BoilerplateHint::kNone;
  int weight = 0;  // as class_weight
};

// boilerplate_hint and class_weight in one pass.
[[nodiscard]] ClassHints classify_class_and_id(std::string_view class_attr,
                                               std::string_view id_attr);

// Readability-style weight of an element's class and id: +25 for words typical of article
// containers (article, content, entry, post, story, ...), -25 for furniture, comment and other
// negative words; both may apply.
[[nodiscard]] int class_weight(std::string_view class_attr, std::string_view id_attr);

}  // namespace fundstelle::extract
