#include "search/parallel_match.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "search/docid_filters.hpp"
#include "support/temp_dir.hpp"

namespace fundstelle::query {
namespace {

namespace fs = std::filesystem;
using fundstelle::testing::TempDir;

constexpr Xapian::valueno kGroupSlot = 0;  // like the article slot: what collapsing groups by
constexpr Xapian::valueno kDateSlot = 1;

// Two shards of documents with few distinct contents (many equal weights), groups of adjacent
// documents (some spanning a slice boundary), repeated dates, and a few deleted documents.
class ParallelMatchTest : public ::testing::Test {
 protected:
  ParallelMatchTest() {
    unsigned seed = 7;
    const auto next = [&seed] {
      seed = seed * 1103515245 + 12345;
      return (seed >> 16) % 1000;
    };
    const std::vector<std::string> words = {"aktie", "kurs", "bank", "zins", "markt", "euro"};
    for (int shard = 0; shard < 2; ++shard) {
      const fs::path path = dir_.path() / ("shard" + std::to_string(shard));
      Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
      const int documents = shard == 0 ? 173 : 96;
      for (int i = 0; i < documents; ++i) {
        Xapian::Document doc;
        const unsigned content = next() % 23;
        for (size_t w = 0; w < words.size(); ++w) {
          if ((content >> (w % 5)) & 1U) doc.add_term(words[w], 1 + (content + w) % 3);
        }
        doc.add_term("alle");
        doc.add_value(kGroupSlot, "g" + std::to_string(shard) + "-" + std::to_string(i / 4));
        doc.add_value(kDateSlot, "2023-11-" + std::to_string(10 + next() % 5));
        db.add_document(doc);
      }
      for (Xapian::docid gone : {5U, 6U, 40U}) db.delete_document(gone);
      db.commit();
      paths_.push_back(path);
    }
  }

  [[nodiscard]] Xapian::Database combined() const {
    Xapian::Database db;
    for (const fs::path& path : paths_) db.add_database(Xapian::Database(path.string()));
    return db;
  }

  [[nodiscard]] ParallelMatcher matcher(unsigned threads) const {
    std::vector<Xapian::Database> workers;
    for (unsigned i = 1; i < threads; ++i) workers.push_back(combined());
    return ParallelMatcher(combined(), std::move(workers));
  }

  TempDir dir_;
  std::vector<fs::path> paths_;
};

std::vector<Xapian::docid> docids(const Matches& matches) {
  std::vector<Xapian::docid> out;
  for (const Match& match : matches.items) out.push_back(match.docid);
  return out;
}

TEST_F(ParallelMatchTest, SlicesCoverEveryDocumentOnce) {
  const Xapian::Database db = combined();
  for (unsigned count : {1U, 2U, 3U, 7U, 500U}) {
    std::multiset<Xapian::docid> seen;
    for (unsigned index = 0; index < count; ++index) {
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("alle"),
                                      Xapian::Query((new DocidSlice(index, count))->release())));
      const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
      for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) seen.insert(*it);
    }
    EXPECT_EQ(seen.size(), db.get_doccount()) << count << " slices";
    EXPECT_EQ(std::set<Xapian::docid>(seen.begin(), seen.end()).size(), seen.size())
        << count << " slices";
  }
}

TEST_F(ParallelMatchTest, WholeShardSlicesCoverEveryDocumentOnce) {
  const Xapian::Database db = combined();
  const std::string first = Xapian::Database(paths_[0].string()).get_uuid();
  const std::string second = Xapian::Database(paths_[1].string()).get_uuid();
  ASSERT_EQ(db.get_uuid(), first + ":" + second);  // what ParallelMatcher splits
  for (const std::vector<std::vector<std::string>>& split :
       {std::vector<std::vector<std::string>>{{first}, {second}},
        std::vector<std::vector<std::string>>{{second, first}}}) {
    std::multiset<Xapian::docid> seen;
    for (const std::vector<std::string>& shards : split) {
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("alle"),
                                      Xapian::Query((new DocidSlice(shards))->release())));
      const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
      for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        // Combined docids interleave the shards: odd ones are the first shard's.
        EXPECT_NE(std::find(shards.begin(), shards.end(), *it % 2 == 1 ? first : second),
                  shards.end());
        seen.insert(*it);
      }
    }
    EXPECT_EQ(seen.size(), db.get_doccount());
    EXPECT_EQ(std::set<Xapian::docid>(seen.begin(), seen.end()).size(), seen.size());
  }
}

// One index given twice: both copies have the same UUID, so no thread may take "whole shards"
// by it (each would match both copies, and every match would come twice).
TEST_F(ParallelMatchTest, AnIndexGivenTwiceIsMatchedOnceInEachCopy) {
  const auto twice = [&] {
    Xapian::Database db;
    db.add_database(Xapian::Database(paths_[0].string()));
    db.add_database(Xapian::Database(paths_[0].string()));
    return db;
  };
  const Xapian::BM25Weight bm25;
  MatchRequest request;
  request.query =
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("aktie"), Xapian::Query("zins"));
  request.weighting = &bm25;
  std::vector<Xapian::Database> workers;
  workers.push_back(twice());
  ParallelMatcher one(twice());
  ParallelMatcher two(twice(), std::move(workers));
  const Matches expected = one.top(request, 500);
  ASSERT_GT(expected.items.size(), 10U);
  EXPECT_EQ(docids(two.top(request, 500)), docids(expected));
}

// DocidSet (docid_filters.hpp) filters to the given documents of each shard, named by its UUID,
// whichever side drives, in either role.
TEST_F(ParallelMatchTest, DocidSetKeepsTheGivenDocumentsOfEachShard) {
  const Xapian::Database db = combined();
  auto given = std::make_shared<DocidSet::ByShard>();
  (*given)[Xapian::Database(paths_[0].string()).get_uuid()] = {1, 2, 7, 40, 41, 173};
  (*given)[Xapian::Database(paths_[1].string()).get_uuid()] = {3, 96};
  // Combined docids interleave the two shards: shard s's docid d is 2 * (d - 1) + s + 1.
  const std::set<Xapian::docid> expected = {1, 3, 13, 81, 345, 6, 192};  // 40 was deleted
  for (const DocidSet::Role role : {DocidSet::Role::kDrives, DocidSet::Role::kFollows}) {
    for (const char* term : {"alle", "bank"}) {
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term),
                                      Xapian::Query((new DocidSet(given, role))->release())));
      std::set<Xapian::docid> found;
      const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
      for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) found.insert(*it);
      if (std::string(term) == "alle") {
        EXPECT_EQ(found, expected) << static_cast<int>(role);
      } else {
        EXPECT_TRUE(std::includes(expected.begin(), expected.end(), found.begin(), found.end()))
            << static_cast<int>(role);
      }
    }
  }
}

TEST_F(ParallelMatchTest, GivesWhatOneEnquireGives) {
  const Xapian::BM25Weight bm25;
  const std::vector<Xapian::Query> words = {Xapian::Query("aktie"), Xapian::Query("kurs", 2),
                                            Xapian::Query("zins"), Xapian::Query("euro")};
  const Xapian::Query query(Xapian::Query::OP_OR, words.begin(), words.end());
  using Order = MatchRequest::Order;
  ParallelMatcher one = matcher(1);
  for (unsigned threads : {2U, 3U}) {
    ParallelMatcher many = matcher(threads);
    for (Order order :
         {Order::kRelevance, Order::kRelevanceThenValue, Order::kValueThenRelevance}) {
      for (Xapian::doccount collapse : {0U, 1U, 2U}) {
        for (Xapian::doccount count : {1U, 5U, 17U, 60U, 1000U}) {
          MatchRequest request;
          request.query = query;
          request.weighting = &bm25;
          request.order = order;
          request.sort_slot = order == Order::kValueThenRelevance ? kDateSlot : kGroupSlot;
          request.sort_descending = order == Order::kValueThenRelevance;
          if (collapse > 0) request.collapse_slot = kGroupSlot;
          request.collapse_max = collapse;
          const Matches expected = one.top(request, count);
          const Matches found = many.top(request, count);
          const std::string what = std::to_string(threads) + " threads, order " +
                                   std::to_string(static_cast<int>(order)) + ", collapse " +
                                   std::to_string(collapse) + ", top " + std::to_string(count);
          ASSERT_EQ(docids(found), docids(expected)) << what;
          for (size_t i = 0; i < found.items.size(); ++i) {
            EXPECT_NEAR(found.items[i].weight, expected.items[i].weight, 1e-9) << what;
            EXPECT_EQ(found.items[i].collapse_key, expected.items[i].collapse_key) << what;
          }
        }
      }
    }
  }
}

// Collapsing and ordering by value happen after a relevance-only match, on the values of the
// matches it returns (parallel_match.hpp): the list is still the one Enquire collapses and orders
// itself, also where equal weights (this index has many) straddle the relevance-only cut.
TEST_F(ParallelMatchTest, CollapsesAndOrdersByValueAsEnquireDoes) {
  const Xapian::BM25Weight bm25;
  const Xapian::Database db = combined();
  const std::vector<Xapian::Query> words = {Xapian::Query("aktie"), Xapian::Query("kurs"),
                                            Xapian::Query("euro")};
  const Xapian::Query query(Xapian::Query::OP_OR, words.begin(), words.end());
  using Order = MatchRequest::Order;
  ParallelMatcher one = matcher(1);
  ParallelMatcher two = matcher(2);
  ParallelMatcher remote = ParallelMatcher::with_remote_shards(combined());
  for (Order order : {Order::kRelevance, Order::kRelevanceThenValue}) {
    for (Xapian::doccount collapse : {0U, 1U, 2U}) {
      if (order == Order::kRelevance && collapse == 0) continue;  // nothing read
      for (Xapian::doccount count = 1; count <= 70; ++count) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(bm25);
        if (order == Order::kRelevanceThenValue) {
          enquire.set_sort_by_relevance_then_value(kDateSlot, false);
        }
        if (collapse > 0) enquire.set_collapse_key(kGroupSlot, collapse);
        const Xapian::MSet mset = enquire.get_mset(0, count);
        std::vector<Xapian::docid> expected;
        for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
          expected.push_back(*it);
        }
        MatchRequest request;
        request.query = query;
        request.weighting = &bm25;
        request.order = order;
        request.sort_slot = kDateSlot;
        if (collapse > 0) request.collapse_slot = kGroupSlot;
        request.collapse_max = collapse;
        const std::string what = "order " + std::to_string(static_cast<int>(order)) +
                                 ", collapse " + std::to_string(collapse) + ", top " +
                                 std::to_string(count);
        for (ParallelMatcher* matcher : {&one, &two, &remote}) {
          const Matches found = matcher->top(request, count);
          ASSERT_EQ(docids(found), expected) << what;
          for (size_t i = 0; i < found.items.size(); ++i) {
            const Xapian::Document document = db.get_document(found.items[i].docid);
            if (collapse > 0) {
              EXPECT_EQ(found.items[i].collapse_key, document.get_value(kGroupSlot)) << what;
            }
            if (order == Order::kRelevanceThenValue) {
              EXPECT_EQ(found.items[i].sort_key, document.get_value(kDateSlot)) << what;
            }
          }
        }
      }
    }
  }
}

// MatchRequest::only: every thread filters its own query copy with the given documents, and the
// merged list is what one Enquire gives with that filter.
TEST_F(ParallelMatchTest, OnlyTheGivenDocumentsMatchOnEveryThread) {
  const Xapian::BM25Weight bm25;
  const Xapian::Database db = combined();
  auto given = std::make_shared<DocidSet::ByShard>();
  for (size_t shard = 0; shard < paths_.size(); ++shard) {
    std::vector<Xapian::docid>& docids =
        (*given)[Xapian::Database(paths_[shard].string()).get_uuid()];
    for (Xapian::docid docid = 1 + static_cast<Xapian::docid>(shard); docid < 200; docid += 3) {
      docids.push_back(docid);
    }
  }
  MatchRequest request;
  request.query =
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("aktie"), Xapian::Query("kurs"));
  request.weighting = &bm25;
  request.only = given;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(bm25);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, request.query,
                    Xapian::Query((new DocidSet(given, DocidSet::Role::kFollows))->release())));
  const Xapian::MSet mset = enquire.get_mset(0, 40);
  ASSERT_GT(mset.size(), 5U);
  std::vector<Xapian::docid> expected;
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) expected.push_back(*it);
  for (unsigned threads : {1U, 2U, 3U}) {
    ParallelMatcher many = matcher(threads);
    EXPECT_EQ(docids(many.top(request, 40)), expected) << threads << " threads";
  }
}

TEST_F(ParallelMatchTest, ReadsDocumentsOnlyWhenAsked) {
  const Xapian::BM25Weight bm25;
  MatchRequest request;
  request.query = Xapian::Query("bank");
  request.weighting = &bm25;
  ParallelMatcher many = matcher(2);
  const Matches without = many.top(request, 3);
  ASSERT_FALSE(without.items.empty());
  EXPECT_EQ(without.items[0].document.get_docid(), 0U);
  request.documents = true;
  const Matches with = many.top(request, 3);
  ASSERT_FALSE(with.items.empty());
  const Xapian::Database db = combined();
  for (const Match& match : with.items) {
    EXPECT_EQ(match.document.get_value(kGroupSlot),
              db.get_document(match.docid).get_value(kGroupSlot));
  }
}

}  // namespace
}  // namespace fundstelle::query
