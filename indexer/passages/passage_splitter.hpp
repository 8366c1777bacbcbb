// Splitting an Article into passages: the units the index stores and the query tool ranks.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "extract/article.hpp"

namespace fundstelle::passages {

struct PassageLimits {
  // A passage is at most this long, except for an attached heading: a paragraph of up to about
  // 200 words stays whole, so the answer to a question about it is in the passage found.
  size_t max_bytes = 1500;
  size_t min_bytes = 250;   // blocks shorter than this are merged with their neighbours
};

// A passage is a contiguous slice [start, end) of Article::text().
struct Passage {
  size_t start = 0;
  size_t end = 0;
  std::string text;
};

// Paragraph-sized passages covering the article text in order: a heading goes with what follows,
// blocks shorter than min_bytes are merged with neighbours, blocks longer than max_bytes are
// split at sentence boundaries (at word boundaries if a single sentence is too long).
[[nodiscard]] std::vector<Passage> split_passages(const extract::Article& article,
                                                  const PassageLimits& limits = {});

}  // namespace fundstelle::passages
