#include "writer/vocabulary_writer.hpp"

#include <algorithm>
#include <functional>

#include "vocabulary_keys.hpp"

namespace fundstelle::writer {
namespace {

constexpr size_t kKnownSlots = size_t{1} << 19;  // 4 MB per shard writer

}  // namespace

VocabularyWriter::VocabularyWriter(const Xapian::WritableDatabase& db)
    : db_(db), known_(kKnownSlots, 0) {}

void VocabularyWriter::add(const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    const uint64_t hash = std::hash<std::string>{}(word) | 1;  // never 0, the empty slot
    uint64_t& slot = known_[hash & (kKnownSlots - 1)];
    if (slot == hash) continue;
    const std::string key = vocabulary_key(word);
    // Xapian deletes a key set to "": the value only has to exist.
    if (!key.empty()) db_.set_metadata(key, "1");
    slot = hash;
  }
}

void VocabularyWriter::forget() { std::fill(known_.begin(), known_.end(), 0); }

}  // namespace fundstelle::writer
