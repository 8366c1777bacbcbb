// How a stem is searched. The index has no stem terms (schema.hpp): a stem is searched as the
// words that have it, which each shard's stem lexicon lists (stem_words.hpp) — "haus" as "haus",
// "häuser", "hauses", ... — the way Recoll expands stems at query time.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/german_analyzer.hpp"

namespace fundstelle::query {

class StemLexicon {
 public:
  // `shards`: each shard's own database (the metadata of a combined database is its first
  // shard's). None: a stem stands only for itself.
  explicit StemLexicon(std::vector<Xapian::Database> shards = {});

  // The words of stem `stem` in the index: every word any shard recorded with it, and `stem`
  // itself if it stems to itself. Sorted. Read once per stem, until forget().
  [[nodiscard]] const std::vector<std::string>& words(const std::string& stem,
                                                      analysis::GermanAnalyzer& analyzer);

  // The terms `prefix` + word of the words of `stem` that some shard holds. Read once per
  // prefix and stem, until forget(). Titles hold few of a stem's forms: over a quarter of a
  // long question's candidate terms (most of them titles') are in no shard, and Xapian would
  // look each up twice per search (statistics, posting list); leaving them out changes no weight.
  [[nodiscard]] const std::vector<std::string>& terms(std::string_view prefix,
                                                      const std::string& stem,
                                                      analysis::GermanAnalyzer& analyzer);

  // Drops what was read: the shards were reopened at a newer commit.
  void forget() {
    words_.clear();
    terms_.clear();
  }

 private:
  std::vector<Xapian::Database> shards_;
  std::unordered_map<std::string, std::vector<std::string>> words_;
  std::unordered_map<std::string, std::vector<std::string>> terms_;  // by prefix '\0' stem
};

// Stem `stem` as one term for ranking: OP_SYNONYM of its words (those the index holds), so BM25
// sees one word with the summed frequency. Xapian 1.4 estimates the synonym's document frequency
// from each shard's posting lists, so a sharded index weighs it differently from one index in the
// last digits. `prefix`: "" for passage text, schema::kTitle for titles.
[[nodiscard]] Xapian::Query stem_query(std::string_view prefix, const std::string& stem,
                                       analysis::GermanAnalyzer& analyzer, StemLexicon& lexicon);

// Passages holding a word of stem `stem` in their text: the largest count of its words (a lower
// bound, which is all "does it occur at all" needs).
[[nodiscard]] Xapian::doccount stem_frequency(const Xapian::Database& db, const std::string& stem,
                                              analysis::GermanAnalyzer& analyzer,
                                              StemLexicon& lexicon);

}  // namespace fundstelle::query
