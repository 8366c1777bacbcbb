#include "search/docid_slice.hpp"

#include <algorithm>

namespace fundstelle::query {

DocidSlice::DocidSlice(unsigned index, unsigned count) : index_(index), count_(count) {}

void DocidSlice::init(const Xapian::Database& db) {
  // Deleted documents leave gaps: the slices cut the range of docids, not the documents.
  const auto last = static_cast<unsigned long long>(db.get_lastdocid());
  first_ = static_cast<Xapian::docid>(last * index_ / count_ + 1);
  last_ = static_cast<Xapian::docid>(last * (index_ + 1) / count_);
  current_ = 0;
}

Xapian::doccount DocidSlice::get_termfreq_min() const { return 0; }

Xapian::doccount DocidSlice::get_termfreq_est() const {
  return last_ >= first_ ? last_ - first_ + 1 : 0;
}

Xapian::doccount DocidSlice::get_termfreq_max() const { return get_termfreq_est(); }

void DocidSlice::next(double /*min_wt*/) { current_ = current_ == 0 ? first_ : current_ + 1; }

void DocidSlice::skip_to(Xapian::docid did, double /*min_wt*/) {
  current_ = std::max({current_, did, first_});
}

bool DocidSlice::check(Xapian::docid did, double min_wt) {
  skip_to(did, min_wt);
  return true;
}

bool DocidSlice::at_end() const { return current_ > last_; }

Xapian::docid DocidSlice::get_docid() const { return current_; }

DocidSlice* DocidSlice::clone() const { return new DocidSlice(index_, count_); }

std::string DocidSlice::get_description() const {
  return "DocidSlice(" + std::to_string(index_ + 1) + " of " + std::to_string(count_) + ")";
}

}  // namespace fundstelle::query
