#include "writer/vocabulary_writer.hpp"

#include <functional>

#include "vocabulary_keys.hpp"

namespace fundstelle::writer {
namespace {

constexpr unsigned kKnownSlotsLog2 = 19;  // 4 MB per shard writer

}  // namespace

VocabularyWriter::VocabularyWriter(const Xapian::WritableDatabase& db)
    : db_(db), known_(kKnownSlotsLog2) {}

void VocabularyWriter::add(const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (known_.known_or_remember(std::hash<std::string>{}(word))) continue;
    const std::string key = vocabulary_key(word);
    // Xapian deletes a key set to "": the value only has to exist.
    if (!key.empty()) db_.set_metadata(key, "1");
  }
}

void VocabularyWriter::forget() { known_.forget(); }

}  // namespace fundstelle::writer
