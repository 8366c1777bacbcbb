// The words a misspelled word may stand for, read from each shard's vocabulary
// (indexer/vocabulary_keys.hpp): only the keys of the lengths and the first byte asked for.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace fundstelle::query {

class Vocabulary {
 public:
  // `shards`: each shard's own database (metadata keys are listed for the first shard only of a
  // combined one).
  explicit Vocabulary(std::vector<Xapian::Database> shards = {});

  // The index's words of `min_length` to `max_length` bytes whose first byte is `first`; sorted,
  // unique. A shard written before shards had a vocabulary is read from its terms (slower).
  [[nodiscard]] std::vector<std::string> words(char first, size_t min_length,
                                               size_t max_length) const;

 private:
  struct Shard {
    Xapian::Database db;
    bool recorded;  // the shard has a vocabulary
  };
  std::vector<Shard> shards_;
};

}  // namespace fundstelle::query
