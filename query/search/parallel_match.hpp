// Ranking on every core. Xapian matches a query on one thread; here each worker matches it in
// one DocidSlice (whole shards, or a slice of every shard), through its own handles of the same
// shards (a Xapian::Database is not shared between threads) and with the whole index's
// statistics, so a document weighs the same in every slice. The slices' top lists merge into
// the list one Enquire would return. Two threads take ~10 % off the latency on the 200 MB
// benchmark index, not half: each slice needs its own top list, so it weighs more documents
// than its share, and the machine's second core is often busy (bench_query).
//
// Collapsing and ordering by value are done here too, on local shards: Enquire reads a
// document's values (~3 µs each on glass) for every document that could still enter its list,
// thousands per question; asked by relevance alone it reads none, and only the few hundred
// matches it returns have their values read here.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "search/docid_filters.hpp"

namespace fundstelle::query {

// What Enquire::get_mset is asked, in the orders the searcher uses.
struct MatchRequest {
  enum class Order { kRelevance, kRelevanceThenValue, kValueThenRelevance };
  Xapian::Query query;
  const Xapian::Weight* weighting = nullptr;  // not null
  Order order = Order::kRelevance;
  Xapian::valueno sort_slot = 0;  // the value of the ...Value orders
  bool sort_descending = false;
  std::optional<Xapian::valueno> collapse_slot;  // at most collapse_max documents per value
  Xapian::doccount collapse_max = 1;
  bool documents = false;  // fill Match::document
  // If set, only these documents match: each thread filters its own copy of the query with them
  // (a DocidSet is a posting source, which Xapian cannot serialise for another thread).
  std::shared_ptr<const DocidSet::ByShard> only;
  DocidSet::Role only_role = DocidSet::Role::kDrives;
};

struct Match {
  Xapian::docid docid = 0;  // of the combined database
  double weight = 0;
  std::string collapse_key;
  std::string sort_key;
  Xapian::Document document;  // if asked for; read lazily, on the caller's handles
};

struct Matches {
  std::vector<Match> items;  // best first
  // Xapian's estimate of the matching documents; not collapsed where the collapsing is done here.
  Xapian::doccount matches_estimated = 0;
};

class ParallelMatcher {
 public:
  // `db`: the caller's handles; `workers`: more handles of the same shards at the same revision,
  // one per further thread (none: Xapian's own matcher on `db`).
  explicit ParallelMatcher(Xapian::Database db, std::vector<Xapian::Database> workers = {});
  // Shards of which some are remote: Xapian's own matcher, collapsing and ordering on the
  // servers (reading values here would ask a server once per document).
  static ParallelMatcher with_remote_shards(Xapian::Database db);

  // The first `count` matches of `request` in its order, as Enquire::get_mset(0, count) gives
  // them (weights may differ in the last bits: Xapian adds a document's term weights in an order
  // that depends on the posting lists it meets). `positional`: the query holds phrases or NEAR,
  // which a slice filter would make Xapian probe (restricted(), filter_queries.hpp): matched on
  // one thread.
  [[nodiscard]] Matches top(const MatchRequest& request, Xapian::doccount count,
                            bool positional = false);

  [[nodiscard]] size_t threads() const { return workers_.size() + 1; }

 private:
  Matches by_xapian(const MatchRequest& request, Xapian::doccount count, bool positional);
  Matches keyed_here(const MatchRequest& request, Xapian::doccount count, bool positional);
  Matches on_one_thread(const MatchRequest& request, Xapian::doccount count);
  Matches in_slices(const MatchRequest& request, Xapian::doccount count);

  Xapian::Database db_;
  std::vector<Xapian::Database> workers_;
  std::vector<std::string> shard_uuids_;  // read once: the threads must not share db_
  bool keys_read_here_ = true;
};

}  // namespace fundstelle::query
