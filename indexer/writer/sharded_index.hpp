// An index made of shards written in parallel: DIR/shard0 ... DIR/shardN-1, each a Xapian
// database with its own writer, listed in the stub file DIR/XAPIANDB so that Xapian (and
// fundstelle-query) open DIR as one database with combined statistics.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "writer/index_writer.hpp"

namespace fundstelle::writer {

class ShardedIndex {
 public:
  // Opens the index at `dir`, creating it with `shards_if_new` shards if it does not exist (the
  // shard count of an existing index never changes: an article's shard depends on it). A
  // single Xapian database at `dir` is opened as one shard. Throws IndexError (locked, foreign,
  // other schema version) naming the path.
  ShardedIndex(const std::filesystem::path& dir, unsigned shards_if_new);

  [[nodiscard]] unsigned shard_count() const { return static_cast<unsigned>(shards_.size()); }

  // The shard that holds article `docid`: a stable hash, the same in every run.
  [[nodiscard]] unsigned shard_of(std::string_view docid) const;

  // The writer of shard `i`; each shard may be written by its own thread.
  [[nodiscard]] IndexWriter& shard(unsigned i) { return *shards_[i]; }
  [[nodiscard]] const std::filesystem::path& shard_path(unsigned i) const { return paths_[i]; }

  // Merges the shards into one compacted database (Xapian's compaction) that becomes the only
  // shard: the B-trees are full, so the index is ~40 % smaller, and a search reads one database
  // instead of combining several. Later runs write it with a single writer. Call when all
  // writing is committed. A kill leaves the old shards or the merged one, never neither; the
  // next open removes the leftovers. False (nothing done) for an index that is a single Xapian
  // database without a stub file, or whose stub names databases outside its directory.
  bool merge_into_one();

  // Whether the shards still wait for the merge that completes a new index: a new index is
  // marked so from its creation until merge_into_one, so that a rerun completing a killed
  // first run merges too.
  [[nodiscard]] bool merge_pending() const;

 private:
  std::filesystem::path dir_;
  std::vector<std::filesystem::path> paths_;
  std::vector<std::unique_ptr<IndexWriter>> shards_;
};

}  // namespace fundstelle::writer
