// Recognising unchanged articles on re-runs: a fingerprint of the input, and a lookup of the
// fingerprint the index holds for an article.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace fundstelle::pipeline {

// Fingerprint of `bytes` together with the versions of everything that turns them into index
// entries (extractor, analyzer), so that a new indexer re-indexes what it would index differently.
[[nodiscard]] std::string content_hash(std::string_view bytes);

// Reads stored fingerprints from the shards of an index while other threads write to them.
// One per thread (Xapian databases are not thread-safe).
class StoredHashLookup {
 public:
  explicit StoredHashLookup(std::vector<std::string> shard_paths);

  // The fingerprint stored with article `docid` in shard `shard`, "" if it is not there.
  [[nodiscard]] std::string find(unsigned shard, const std::string& docid);

 private:
  std::vector<std::string> paths_;
  std::vector<Xapian::Database> shards_;
};

}  // namespace fundstelle::pipeline
