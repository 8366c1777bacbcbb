#include "search/stem_query.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "schema.hpp"
#include "stem_words.hpp"

namespace fundstelle::query {
namespace {

// Passage weights of `query` on `db` under BM25.
std::map<Xapian::docid, double> weights(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::map<Xapian::docid, double> out;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
  return out;
}

class StemQueryTest : public ::testing::Test {
 protected:
  StemQueryTest() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    // The lexicon lists "häuser" and "hauses" for stem "haus"; "hauses" is in no passage (its
    // article was deleted, or the word is another shard's); of the title forms only "häuser" is
    // held.
    std::string entry;
    add_stem_word(entry, "haeuser");
    add_stem_word(entry, "hauses");
    db_.set_metadata(stem_lexicon_key("haus"), entry);
    const auto add = [&](std::initializer_list<const char*> terms) {
      Xapian::Document doc;
      for (const char* term : terms) doc.add_term(term);
      db_.add_document(doc);
    };
    add({"haus", "dach"});
    add({"haeuser", "haeuser", "garten"});
    add({"haus", std::string(schema::kTitle).append("haeuser").c_str()});
    add({"garten"});
  }

  analysis::GermanAnalyzer analyzer_;
  Xapian::WritableDatabase db_;
};

TEST_F(StemQueryTest, SearchesOnlyTheWordsSomeShardHolds) {
  StemLexicon lexicon({db_});
  EXPECT_EQ(lexicon.words("haus", analyzer_),
            (std::vector<std::string>{"haeuser", "haus", "hauses"}));
  EXPECT_EQ(lexicon.terms("", "haus", analyzer_), (std::vector<std::string>{"haeuser", "haus"}));
  EXPECT_EQ(lexicon.terms(schema::kTitle, "haus", analyzer_),
            (std::vector<std::string>{std::string(schema::kTitle) + "haeuser"}));
  EXPECT_TRUE(stem_query("X", "haus", analyzer_, lexicon).empty()) << "no X term exists";
}

TEST_F(StemQueryTest, LeavingOutAbsentWordsChangesNoWeight) {
  StemLexicon lexicon({db_});
  const std::vector<std::string> all = {"haeuser", "haus", "hauses"};
  const Xapian::Query every_word(Xapian::Query::OP_SYNONYM, all.begin(), all.end());
  const std::map<Xapian::docid, double> expected = weights(db_, every_word);
  const std::map<Xapian::docid, double> got =
      weights(db_, stem_query("", "haus", analyzer_, lexicon));
  ASSERT_EQ(got.size(), 3u);
  ASSERT_EQ(got.size(), expected.size());
  for (const auto& [docid, weight] : expected) EXPECT_DOUBLE_EQ(got.at(docid), weight) << docid;
}

TEST_F(StemQueryTest, ForgetReadsTheWordsAgain) {
  StemLexicon lexicon({db_});
  ASSERT_EQ(lexicon.terms("", "haus", analyzer_).size(), 2u);
  Xapian::Document doc;
  doc.add_term("hauses");
  db_.add_document(doc);
  EXPECT_EQ(lexicon.terms("", "haus", analyzer_).size(), 2u) << "read once until forget()";
  lexicon.forget();
  EXPECT_EQ(lexicon.terms("", "haus", analyzer_).size(), 3u);
}

}  // namespace
}  // namespace fundstelle::query
