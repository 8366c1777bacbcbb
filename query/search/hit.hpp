// One ranked passage, as the printers see it: plain data, no Xapian types.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fundstelle::query {

struct Hit {
  size_t rank = 0;  // 1-based
  double score = 0;
  std::string docid;
  int passage = 0;  // 1-based number within the article
  int passage_count = 0;
  std::string title;
  std::string source;
  std::string text;
  std::vector<std::pair<size_t, size_t>> highlights;  // byte ranges [begin, end) into `text`
  std::map<std::string, std::string> metadata;        // author, published, url, ...
};

}  // namespace fundstelle::query
