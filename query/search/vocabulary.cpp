#include "search/vocabulary.hpp"

#include <algorithm>

#include "schema.hpp"
#include "vocabulary_keys.hpp"

namespace fundstelle::query {

Vocabulary::Vocabulary(std::vector<Xapian::Database> shards) {
  for (Xapian::Database& db : shards) {
    const bool recorded = !db.get_metadata(schema::kMetaHasVocabulary).empty();
    shards_.push_back({std::move(db), recorded});
  }
}

std::vector<std::string> Vocabulary::words(char first, size_t min_length, size_t max_length) const {
  std::vector<std::string> found;
  const auto fits = [&](size_t length) { return length >= min_length && length <= max_length; };
  for (const Shard& shard : shards_) {
    if (!shard.recorded) {
      const std::string prefix(1, first);
      for (auto it = shard.db.allterms_begin(prefix); it != shard.db.allterms_end(prefix); ++it) {
        if (fits((*it).size())) found.push_back(*it);
      }
      continue;
    }
    for (size_t length = min_length; length <= max_length; ++length) {
      const std::string prefix = vocabulary_prefix(length, first);
      for (auto it = shard.db.metadata_keys_begin(prefix); it != shard.db.metadata_keys_end(prefix);
           ++it) {
        found.emplace_back(vocabulary_word(*it));
      }
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace fundstelle::query
