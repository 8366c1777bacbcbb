// Keeping a shard's stem lexicon (stem_words.hpp) up to date as articles are written.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <vector>

#include "stem_words.hpp"

namespace fundstelle::writer {

class StemLexiconWriter {
 public:
  explicit StemLexiconWriter(const Xapian::WritableDatabase& db);

  // Records `words` in the lexicon (uncommitted, like the documents written with them).
  void add(const std::vector<StemWord>& words);

  // Forgets which words are known to be recorded: after a cancelled transaction the database
  // may no longer hold what this writer added.
  void forget();

 private:
  Xapian::WritableDatabase db_;  // a handle sharing the writer's database
  // Hashes of words known to be in the lexicon, one per slot (a word that shares a slot with
  // another is looked up again). Most words of an article are common ones seen before: this
  // keeps them from costing a metadata read, in bounded memory.
  std::vector<uint64_t> known_;
};

}  // namespace fundstelle::writer
