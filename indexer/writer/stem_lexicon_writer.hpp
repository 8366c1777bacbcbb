// Keeping a shard's stem lexicon (stem_words.hpp) up to date as articles are written.
#pragma once

#include <xapian.h>

#include <vector>

#include "stem_words.hpp"
#include "writer/known_hashes.hpp"

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
  KnownHashes known_;            // words known to be in the lexicon
};

}  // namespace fundstelle::writer
