#include "writer/stem_lexicon_writer.hpp"

#include <algorithm>
#include <functional>
#include <string>

namespace fundstelle::writer {
namespace {

constexpr size_t kKnownSlots = size_t{1} << 20;  // 8 MB per shard writer

uint64_t hash_of(const StemWord& entry) {
  const std::hash<std::string_view> hash;
  // Never 0, which marks an empty slot.
  return (hash(entry.stem) * 0x9E3779B97F4A7C15ull ^ hash(entry.word)) | 1;
}

}  // namespace

StemLexiconWriter::StemLexiconWriter(const Xapian::WritableDatabase& db)
    : db_(db), known_(kKnownSlots, 0) {}

void StemLexiconWriter::add(const std::vector<StemWord>& words) {
  for (const StemWord& entry : words) {
    const uint64_t hash = hash_of(entry);
    uint64_t& slot = known_[hash & (kKnownSlots - 1)];
    if (slot == hash) continue;
    const std::string key = stem_lexicon_key(entry.stem);
    std::string words_of_stem = db_.get_metadata(key);
    if (add_stem_word(words_of_stem, entry.word)) db_.set_metadata(key, words_of_stem);
    slot = hash;
  }
}

void StemLexiconWriter::forget() { std::fill(known_.begin(), known_.end(), 0); }

}  // namespace fundstelle::writer
