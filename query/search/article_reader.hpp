// Loading a whole article back from the index: the one place that knows how an article's
// passages are found and stored, so that a change of the stored format is adapted here only.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "search/stored_article.hpp"

namespace fundstelle::query {

// The passages of article `docid`, or nullopt if the index has none. Xapian errors propagate.
[[nodiscard]] std::optional<StoredArticle> read_article(const Xapian::Database& db,
                                                        const std::string& docid);

// The unique terms of an article's passages and of passage `n` (as writer::article_term writes
// them: prefix + id, cut at 240 bytes).
[[nodiscard]] std::string article_term(const std::string& docid);
[[nodiscard]] std::string passage_term(const std::string& docid, int n);

// Splits "DOCID#N" into the docid and passage N (0 when there is no valid "#N" suffix; a docid
// may itself contain '#').
struct ArticleRef {
  std::string docid;
  int passage = 0;
};
[[nodiscard]] ArticleRef parse_article_ref(const std::string& text);

}  // namespace fundstelle::query
