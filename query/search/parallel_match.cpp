#include "search/parallel_match.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <thread>
#include <unordered_map>

#include "search/docid_filters.hpp"

namespace fundstelle::query {
namespace {

using Order = MatchRequest::Order;

Xapian::Enquire enquire_for(const Xapian::Database& db, const Xapian::Query& query,
                            const MatchRequest& request) {
  Xapian::Enquire enquire(db);
  if (request.only) {
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query,
                      Xapian::Query((new DocidSet(request.only, request.only_role))->release())));
  } else {
    enquire.set_query(query);
  }
  enquire.set_weighting_scheme(*request.weighting);
  switch (request.order) {
    case Order::kRelevance:
      break;
    case Order::kRelevanceThenValue:
      enquire.set_sort_by_relevance_then_value(request.sort_slot, request.sort_descending);
      break;
    case Order::kValueThenRelevance:
      enquire.set_sort_by_value_then_relevance(request.sort_slot, request.sort_descending);
      break;
  }
  if (request.collapse_slot) enquire.set_collapse_key(*request.collapse_slot, request.collapse_max);
  return enquire;
}

Matches collected(const Xapian::MSet& mset) {
  Matches matches;
  matches.matches_estimated = mset.get_matches_estimated();
  matches.items.reserve(mset.size());
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    matches.items.push_back(
        {*it, it.get_weight(), it.get_collapse_key(), it.get_sort_key(), Xapian::Document()});
  }
  return matches;
}

// Enquire's order: the request's keys, then ascending docid.
bool comes_before(const Match& a, const Match& b, const MatchRequest& request) {
  const auto by_value = [&]() -> int {
    if (a.sort_key == b.sort_key) return 0;
    return (a.sort_key < b.sort_key) != request.sort_descending ? -1 : 1;
  };
  switch (request.order) {
    case Order::kRelevance:
      if (a.weight != b.weight) return a.weight > b.weight;
      break;
    case Order::kRelevanceThenValue:
      if (a.weight != b.weight) return a.weight > b.weight;
      if (const int value = by_value(); value != 0) return value < 0;
      break;
    case Order::kValueThenRelevance:
      if (const int value = by_value(); value != 0) return value < 0;
      if (a.weight != b.weight) return a.weight > b.weight;
      break;
  }
  return a.docid < b.docid;
}

// The slices' lists as one: ordered, collapsed as Enquire collapses (an empty key never is),
// cut at `count`. Each slice's first `count` suffice. A match M of the whole index's first
// `count` is in its slice's: above M in its slice are matches of the whole list (fewer than
// `count` with the others above M) and "extras", kept by the slice's collapsing but not by the
// whole index's because their key has better matches in other slices — at most as many as
// those better matches, which rank above M too and are not in M's slice.
Matches merged(std::vector<Matches> slices, const MatchRequest& request, Xapian::doccount count) {
  Matches all;
  for (Matches& slice : slices) {
    all.matches_estimated += slice.matches_estimated;
    std::move(slice.items.begin(), slice.items.end(), std::back_inserter(all.items));
  }
  std::sort(all.items.begin(), all.items.end(),
            [&](const Match& a, const Match& b) { return comes_before(a, b, request); });
  if (request.collapse_slot) {
    std::unordered_map<std::string, Xapian::doccount> kept;
    std::erase_if(all.items, [&](const Match& match) {
      return !match.collapse_key.empty() && ++kept[match.collapse_key] > request.collapse_max;
    });
  }
  if (all.items.size() > count) all.items.resize(count);
  return all;
}

}  // namespace

ParallelMatcher::ParallelMatcher(Xapian::Database db, std::vector<Xapian::Database> workers)
    : db_(std::move(db)), workers_(std::move(workers)) {}

Matches ParallelMatcher::top(const MatchRequest& request, Xapian::doccount count, bool positional) {
  if (workers_.empty() || positional || count == 0) return on_one_thread(request, count);
  return in_slices(request, count);
}

Matches ParallelMatcher::on_one_thread(const MatchRequest& request, Xapian::doccount count) {
  const Xapian::MSet mset = enquire_for(db_, request.query, request).get_mset(0, count);
  Matches matches = collected(mset);
  if (!request.documents) return matches;
  mset.fetch();  // one request per remote shard instead of one per document
  size_t i = 0;
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    matches.items[i++].document = it.get_document();
  }
  return matches;
}

Matches ParallelMatcher::in_slices(const MatchRequest& request, Xapian::doccount count) {
  const auto slices = static_cast<unsigned>(threads());
  // Xapian::Query's reference counts are not atomic: each thread matches its own copy.
  const std::string serialised = request.query.serialise();
  std::vector<Matches> found(slices);
  std::vector<std::exception_ptr> errors(slices);
  const auto match_slice = [&](unsigned slice, const Xapian::Database& db, bool own_query) {
    try {
      const Xapian::Query query =
          own_query ? request.query : Xapian::Query::unserialise(serialised);
      const Xapian::Query sliced(Xapian::Query::OP_FILTER, query,
                                 Xapian::Query((new DocidSlice(slice, slices))->release()));
      found[slice] = collected(enquire_for(db, sliced, request).get_mset(0, count));
    } catch (...) {
      errors[slice] = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> threads;
    for (unsigned slice = 1; slice < slices; ++slice) {
      threads.emplace_back(match_slice, slice, std::cref(workers_[slice - 1]), false);
    }
    match_slice(0, db_, true);
  }  // joined
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  Matches result = merged(std::move(found), request, count);
  if (request.documents) {
    for (Match& match : result.items) {
      match.document = db_.get_document(match.docid, Xapian::DOC_ASSUME_VALID);
    }
  }
  return result;
}

}  // namespace fundstelle::query
