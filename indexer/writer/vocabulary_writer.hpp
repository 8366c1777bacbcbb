// Keeping a shard's vocabulary (vocabulary_keys.hpp) up to date as articles are written.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "writer/known_hashes.hpp"

namespace fundstelle::writer {

class VocabularyWriter {
 public:
  explicit VocabularyWriter(const Xapian::WritableDatabase& db);

  // Records `words` (uncommitted, like the documents written with them).
  void add(const std::vector<std::string>& words);

  // Forgets which words are known to be recorded: after a cancelled transaction the database
  // may no longer hold what this writer added.
  void forget();

 private:
  Xapian::WritableDatabase db_;  // a handle sharing the writer's database
  KnownHashes known_;            // words known to be recorded
};

}  // namespace fundstelle::writer
