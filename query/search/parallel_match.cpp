#include "search/parallel_match.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <limits>
#include <set>
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

// Enquire's collapsing, applied to matches in their order: at most `collapse_max` per key, and
// a match with an empty key is never dropped.
class Collapser {
 public:
  explicit Collapser(const MatchRequest& request) : request_(request) {}
  bool drops(const Match& match) {
    return request_.collapse_slot && !match.collapse_key.empty() &&
           ++per_key_[match.collapse_key] > request_.collapse_max;
  }

 private:
  const MatchRequest& request_;
  std::unordered_map<std::string, Xapian::doccount> per_key_;
};

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
  Collapser collapser(request);
  std::erase_if(all.items, [&](const Match& match) { return collapser.drops(match); });
  if (all.items.size() > count) all.items.resize(count);
  return all;
}

// Orders and collapses that need a document's values besides its weight and docid.
bool needs_values(const MatchRequest& request) {
  return request.order == Order::kRelevanceThenValue ||
         (request.order == Order::kRelevance && request.collapse_slot);
}

// The values `request` orders and collapses by, read on `db`'s handles.
void read_values(Match& match, const MatchRequest& request, const Xapian::Database& db) {
  const Xapian::Document document = db.get_document(match.docid, Xapian::DOC_ASSUME_VALID);
  if (request.collapse_slot) match.collapse_key = document.get_value(*request.collapse_slot);
  if (request.order == Order::kRelevanceThenValue) {
    match.sort_key = request.collapse_slot == request.sort_slot
                         ? match.collapse_key
                         : document.get_value(request.sort_slot);
  }
  if (request.documents) match.document = document;
}

// The first `count` matches of `request` made from `ranked`, Xapian's first matches by relevance
// (then docid) — or nullopt if they may need matches beyond it. Values are read only as far as
// needed. Matches of equal weight are ordered by their value (kRelevanceThenValue): a group of
// them is read whole, and one that `ranked` may have cut short cannot be ordered yet.
std::optional<Matches> first_in_order(Matches ranked, bool every_match, const MatchRequest& request,
                                      Xapian::doccount count, const Xapian::Database& db) {
  Matches kept;
  kept.matches_estimated = ranked.matches_estimated;
  std::vector<Match>& items = ranked.items;
  Collapser collapser(request);
  for (size_t begin = 0; begin < items.size() && kept.items.size() < count;) {
    size_t end = begin + 1;
    if (request.order == Order::kRelevanceThenValue) {
      while (end < items.size() && items[end].weight == items[begin].weight) ++end;
      if (end == items.size() && !every_match) return std::nullopt;
    }
    for (size_t i = begin; i < end; ++i) read_values(items[i], request, db);
    std::sort(items.begin() + static_cast<std::ptrdiff_t>(begin),
              items.begin() + static_cast<std::ptrdiff_t>(end),
              [&](const Match& a, const Match& b) { return comes_before(a, b, request); });
    for (size_t i = begin; i < end && kept.items.size() < count; ++i) {
      if (!collapser.drops(items[i])) kept.items.push_back(std::move(items[i]));
    }
    begin = end;
  }
  if (kept.items.size() < count && !every_match) return std::nullopt;
  return kept;
}

// The UUIDs of `db`'s shards, in order (a combined database's UUID joins them with ':').
std::vector<std::string> shard_uuids(const Xapian::Database& db) {
  std::vector<std::string> uuids;
  const std::string joined = db.get_uuid();
  for (size_t from = 0;;) {
    const size_t colon = joined.find(':', from);
    uuids.push_back(joined.substr(from, colon == std::string::npos ? colon : colon - from));
    if (colon == std::string::npos) return uuids;
    from = colon + 1;
  }
}

// The share of the documents of the shards named by `uuids` that thread `slice` of `slices`
// matches. Whole shards where they divide evenly among the threads: a thread then opens no
// posting list in the others' shards (p99 ~10 % lower on the two-shard benchmark index,
// bench_query). Otherwise, or if a shard cannot be told by its UUID (none, or one index given
// twice), a slice of every shard's docids.
DocidSlice* slice_of(const std::vector<std::string>& uuids, unsigned slice, unsigned slices) {
  const std::set<std::string> distinct(uuids.begin(), uuids.end());
  const bool named = distinct.size() == uuids.size() && distinct.count("") == 0;
  if (!named || uuids.size() % slices != 0) return new DocidSlice(slice, slices);
  std::vector<std::string> mine;
  for (size_t i = slice; i < uuids.size(); i += slices) mine.push_back(uuids[i]);
  return new DocidSlice(std::move(mine));
}

}  // namespace

ParallelMatcher::ParallelMatcher(Xapian::Database db, std::vector<Xapian::Database> workers)
    : db_(std::move(db)), workers_(std::move(workers)), shard_uuids_(shard_uuids(db_)) {}

ParallelMatcher ParallelMatcher::with_remote_shards(Xapian::Database db) {
  ParallelMatcher matcher(std::move(db));
  matcher.keys_read_here_ = false;
  return matcher;
}

Matches ParallelMatcher::top(const MatchRequest& request, Xapian::doccount count, bool positional) {
  if (count > 0 && keys_read_here_ && needs_values(request)) {
    return keyed_here(request, count, positional);
  }
  return by_xapian(request, count, positional);
}

Matches ParallelMatcher::by_xapian(const MatchRequest& request, Xapian::doccount count,
                                   bool positional) {
  if (workers_.empty() || positional || count == 0) return on_one_thread(request, count);
  return in_slices(request, count);
}

Matches ParallelMatcher::keyed_here(const MatchRequest& request, Xapian::doccount count,
                                    bool positional) {
  MatchRequest by_relevance = request;
  by_relevance.order = Order::kRelevance;
  by_relevance.collapse_slot.reset();
  by_relevance.documents = false;
  // Collapsing drops some matches: ask for an eighth more, and twice as many again while that is
  // not enough. Fewer asked, fewer weighed: on the 500 dev questions 4 of 1,000 top-10 matches
  // needed a second round, and a fourth or half more cost 0.3 % / 2 % more instructions.
  const Xapian::doccount most = std::numeric_limits<Xapian::doccount>::max() / 2;
  for (Xapian::doccount asked = count + std::min(count / 8, most);;
       asked = std::min(asked, most) * 2) {
    Matches ranked = by_xapian(by_relevance, asked, positional);
    const bool every_match = ranked.items.size() < asked;
    std::optional<Matches> first =
        first_in_order(std::move(ranked), every_match, request, count, db_);
    if (first) return std::move(*first);
  }
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
                                 Xapian::Query(slice_of(shard_uuids_, slice, slices)->release()));
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
