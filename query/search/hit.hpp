// One ranked passage, as the printers see it: plain data, no Xapian types.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fundstelle::query {

// One part of a passage's score (--explain): a query word's stem, exact form, title match, or a
// phrase, and the weight it added.
struct TermContribution {
  std::string kind;  // "stem", "word", "title", "title-stem", "phrase", "prefix" (Word*)
  std::string term;  // folded word or stem, without the index prefix
  double weight = 0;
};

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
  std::vector<TermContribution> explanation;          // filled on request, highest first
  // The sentence before the passage (the end of the previous passage), on request: a passage cut
  // from a longer text often starts with "Er", "Damit", "Doch" that the reader cannot place.
  std::string context_before;
};

}  // namespace fundstelle::query
