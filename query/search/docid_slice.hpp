// One of n equal slices of each shard's docids, as a filter: the unit of work of a parallel
// match (parallel_match.hpp). Xapian runs a posting source per shard, so the slice is taken of
// that shard's own docid range.
#pragma once

#include <xapian.h>

#include <string>

namespace fundstelle::query {

class DocidSlice : public Xapian::PostingSource {
 public:
  // Slice `index` (0-based) of `count`.
  DocidSlice(unsigned index, unsigned count);

  [[nodiscard]] Xapian::doccount get_termfreq_min() const override;
  [[nodiscard]] Xapian::doccount get_termfreq_est() const override;
  [[nodiscard]] Xapian::doccount get_termfreq_max() const override;
  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  [[nodiscard]] bool at_end() const override;
  [[nodiscard]] Xapian::docid get_docid() const override;
  [[nodiscard]] DocidSlice* clone() const override;
  [[nodiscard]] std::string get_description() const override;

 private:
  unsigned index_;
  unsigned count_;
  Xapian::docid first_ = 1;  // the slice is [first_, last_]
  Xapian::docid last_ = 0;
  Xapian::docid current_ = 0;  // 0: before the first next()
};

}  // namespace fundstelle::query
