#include "search/docid_set.hpp"

#include <algorithm>

namespace fundstelle::query {
namespace {

const std::vector<Xapian::docid> kNone;

}  // namespace

DocidSet::DocidSet(std::shared_ptr<const ByShard> docids) : by_shard_(std::move(docids)) {}

void DocidSet::init(const Xapian::Database& db) {
  const auto found = by_shard_->find(db.get_uuid());
  docids_ = found == by_shard_->end() ? &kNone : &found->second;
  documents_ = db.get_doccount();
  next_ = 0;
}

Xapian::doccount DocidSet::get_termfreq_min() const { return 0; }

// One more than the shard holds (a true, if loose, upper bound): never fewer than the query,
// so the query drives.
Xapian::doccount DocidSet::get_termfreq_est() const { return documents_ + 1; }

Xapian::doccount DocidSet::get_termfreq_max() const { return documents_ + 1; }

void DocidSet::next(double /*min_wt*/) { ++next_; }

void DocidSet::skip_to(Xapian::docid did, double /*min_wt*/) {
  const auto from = docids_->begin() + static_cast<std::ptrdiff_t>(next_ == 0 ? 0 : next_ - 1);
  next_ = static_cast<size_t>(std::lower_bound(from, docids_->end(), did) - docids_->begin()) + 1;
}

bool DocidSet::check(Xapian::docid did, double min_wt) {
  skip_to(did, min_wt);
  return true;
}

bool DocidSet::at_end() const { return next_ > docids_->size(); }

Xapian::docid DocidSet::get_docid() const { return (*docids_)[next_ - 1]; }

DocidSet* DocidSet::clone() const { return new DocidSet(by_shard_); }

std::string DocidSet::get_description() const {
  size_t count = 0;
  for (const auto& [uuid, docids] : *by_shard_) count += docids.size();
  return "DocidSet(" + std::to_string(count) + " documents)";
}

}  // namespace fundstelle::query
