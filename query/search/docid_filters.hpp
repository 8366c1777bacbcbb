// Posting sources that only filter (weight 0) by document id, one shard at a time: Xapian runs
// a posting source per shard, so the docids they see are that shard's own.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fundstelle::query {

// What every such filter shares: its size bounds, and a check() that just moves on.
class DocidFilter : public Xapian::PostingSource {
 public:
  [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return 0; }
  [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return size_; }
  [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return size_; }
  bool check(Xapian::docid did, double min_wt) override {
    skip_to(did, min_wt);
    return true;
  }

 protected:
  Xapian::doccount size_ = 0;  // set by init(): how many documents the filter may let through
};

// A share of the documents: the unit of work of a parallel match (parallel_match.hpp). Either
// one of n equal slices of every shard's docids, or whole shards.
class DocidSlice : public DocidFilter {
 public:
  // Slice `index` (0-based) of `count` of every shard.
  DocidSlice(unsigned index, unsigned count);
  // Every document of the shards with these UUIDs, none of the others'.
  explicit DocidSlice(std::vector<std::string> shards);

  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  [[nodiscard]] bool at_end() const override;
  [[nodiscard]] Xapian::docid get_docid() const override;
  [[nodiscard]] DocidSlice* clone() const override;
  [[nodiscard]] std::string get_description() const override;

 private:
  unsigned index_ = 0;
  unsigned count_ = 1;
  std::vector<std::string> shards_;  // if not empty: whole shards, not slices
  Xapian::docid first_ = 1;          // the slice is [first_, last_]
  Xapian::docid last_ = 0;
  Xapian::docid current_ = 0;  // 0: before the first next()
};

// Given documents of each shard. Xapian's AND lets the sub-query with the fewest documents drive
// (next, skip_to) and checks the others. kDrives: the set says how many it holds, so a small set
// walks its documents and the query's posting lists skip straight to them — the cheap way to rank
// a few hundred passages. kFollows: the set says it may hold one document more than the shard, so
// the query drives and the set is only asked (check), which still leaps the query to the next
// given document; that is what a query with phrases needs in Xapian 1.4.22 (restricted(),
// filter_queries.hpp).
class DocidSet : public DocidFilter {
 public:
  // Each shard's own (not the combined database's) docids, ascending, keyed by the shard's
  // UUID; a shard not listed contributes nothing.
  using ByShard = std::map<std::string, std::vector<Xapian::docid>>;

  enum class Role { kDrives, kFollows };

  DocidSet(std::shared_ptr<const ByShard> docids, Role role);

  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  [[nodiscard]] bool at_end() const override;
  [[nodiscard]] Xapian::docid get_docid() const override;
  [[nodiscard]] DocidSet* clone() const override;
  [[nodiscard]] std::string get_description() const override;

 private:
  std::shared_ptr<const ByShard> by_shard_;
  Role role_;
  const std::vector<Xapian::docid>* docids_ = nullptr;  // this shard's, after init()
  size_t next_ = 0;  // index of the current docid + 1; 0 before the first next()
};

}  // namespace fundstelle::query
