#include "search/docid_filters.hpp"

#include <algorithm>

namespace fundstelle::query {
namespace {

const std::vector<Xapian::docid> kNone;

}  // namespace

DocidSlice::DocidSlice(unsigned index, unsigned count) : index_(index), count_(count) {}

DocidSlice::DocidSlice(std::vector<std::string> shards) : shards_(std::move(shards)) {}

void DocidSlice::init(const Xapian::Database& db) {
  // Deleted documents leave gaps: the slices cut the range of docids, not the documents.
  const auto last = static_cast<unsigned long long>(db.get_lastdocid());
  first_ = static_cast<Xapian::docid>(last * index_ / count_ + 1);
  last_ = static_cast<Xapian::docid>(last * (index_ + 1) / count_);
  if (!shards_.empty() &&
      std::find(shards_.begin(), shards_.end(), db.get_uuid()) == shards_.end()) {
    last_ = 0;  // not one of ours
  }
  size_ = last_ >= first_ ? last_ - first_ + 1 : 0;
  current_ = 0;
}

void DocidSlice::next(double /*min_wt*/) { current_ = current_ == 0 ? first_ : current_ + 1; }

void DocidSlice::skip_to(Xapian::docid did, double /*min_wt*/) {
  current_ = std::max({current_, did, first_});
}

bool DocidSlice::at_end() const { return current_ > last_; }

Xapian::docid DocidSlice::get_docid() const { return current_; }

DocidSlice* DocidSlice::clone() const {
  return shards_.empty() ? new DocidSlice(index_, count_) : new DocidSlice(shards_);
}

std::string DocidSlice::get_description() const {
  if (!shards_.empty()) return "DocidSlice(" + std::to_string(shards_.size()) + " whole shards)";
  return "DocidSlice(" + std::to_string(index_ + 1) + " of " + std::to_string(count_) + ")";
}

DocidSet::DocidSet(std::shared_ptr<const ByShard> docids, Role role)
    : by_shard_(std::move(docids)), role_(role) {}

void DocidSet::init(const Xapian::Database& db) {
  const auto found = by_shard_->find(db.get_uuid());
  docids_ = found == by_shard_->end() ? &kNone : &found->second;
  // kFollows: a true, if loose, upper bound, never below the query's estimate.
  size_ = role_ == Role::kDrives ? static_cast<Xapian::doccount>(docids_->size())
                                 : db.get_doccount() + 1;
  next_ = 0;
}

void DocidSet::next(double /*min_wt*/) { ++next_; }

void DocidSet::skip_to(Xapian::docid did, double /*min_wt*/) {
  const auto from = docids_->begin() + static_cast<std::ptrdiff_t>(next_ == 0 ? 0 : next_ - 1);
  next_ = static_cast<size_t>(std::lower_bound(from, docids_->end(), did) - docids_->begin()) + 1;
}

bool DocidSet::at_end() const { return next_ > docids_->size(); }

Xapian::docid DocidSet::get_docid() const { return (*docids_)[next_ - 1]; }

DocidSet* DocidSet::clone() const { return new DocidSet(by_shard_, role_); }

std::string DocidSet::get_description() const {
  size_t count = 0;
  for (const auto& [uuid, docids] : *by_shard_) count += docids.size();
  return "DocidSet(" + std::to_string(count) + " documents)";
}

}  // namespace fundstelle::query
