// A whole article as read back from the index: plain data for the printers.
#pragma once

#include <string>
#include <vector>

#include "stored_passage.hpp"

namespace fundstelle::query {

struct ArticlePassages {
  std::string docid;
  std::vector<StoredPassage> passages;  // ascending passage number; title, source and metadata
                                        // are the article's, repeated on every passage
};

}  // namespace fundstelle::query
