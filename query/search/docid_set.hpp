// Given documents of each shard as a filter that never drives the match: it says it may hold
// more documents than the shard, so Xapian's AND puts the query first, advances the query
// (next, skip_to) and asks this filter (check), never the other way round. That is what a
// query with phrases needs in Xapian 1.4.22 (restricted(), filter_queries.hpp), and the
// filter's check() still leaps the query straight to the next given document.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fundstelle::query {

class DocidSet : public Xapian::PostingSource {
 public:
  // Each shard's own (not the combined database's) docids, ascending, keyed by the shard's
  // UUID; a shard not listed contributes nothing.
  using ByShard = std::map<std::string, std::vector<Xapian::docid>>;

  explicit DocidSet(std::shared_ptr<const ByShard> docids);

  [[nodiscard]] Xapian::doccount get_termfreq_min() const override;
  [[nodiscard]] Xapian::doccount get_termfreq_est() const override;
  [[nodiscard]] Xapian::doccount get_termfreq_max() const override;
  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  [[nodiscard]] bool at_end() const override;
  [[nodiscard]] Xapian::docid get_docid() const override;
  [[nodiscard]] DocidSet* clone() const override;
  [[nodiscard]] std::string get_description() const override;

 private:
  std::shared_ptr<const ByShard> by_shard_;
  const std::vector<Xapian::docid>* docids_ = nullptr;  // this shard's, after init()
  Xapian::doccount documents_ = 0;                      // in this shard
  size_t next_ = 0;  // index of the current docid + 1; 0 before the first next()
};

}  // namespace fundstelle::query
