// Loading a whole article back from the index: the one place that knows how an article's
// passages are found and stored, so that a change of the stored format is adapted here only.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "search/article_passages.hpp"

namespace fundstelle::query {

// The passages of article `docid`, or nullopt if the index has none. Xapian errors propagate.
[[nodiscard]] std::optional<ArticlePassages> read_article(const Xapian::Database& db,
                                                          const std::string& docid);

// Matches passage `n` of article `docid` only: the article's term (stored_passage.hpp) and the
// passage number slot (schema.hpp). An id beyond the term length limit may share its term with
// another article; callers that must be exact compare the Xapian docid.
[[nodiscard]] Xapian::Query passage_filter(const std::string& docid, int n);

// Splits "DOCID#N" into the docid and passage N (0 when there is no valid "#N" suffix; a docid
// may itself contain '#').
struct ArticleRef {
  std::string docid;
  int passage = 0;
};
[[nodiscard]] ArticleRef parse_article_ref(const std::string& text);

}  // namespace fundstelle::query
