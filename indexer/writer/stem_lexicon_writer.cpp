#include "writer/stem_lexicon_writer.hpp"

#include <functional>
#include <string>

namespace fundstelle::writer {
namespace {

constexpr unsigned kKnownSlotsLog2 = 20;  // 8 MB per shard writer

uint64_t hash_of(const StemWord& entry) {
  const std::hash<std::string_view> hash;
  return hash(entry.stem) * 0x9E3779B97F4A7C15ull ^ hash(entry.word);
}

}  // namespace

StemLexiconWriter::StemLexiconWriter(const Xapian::WritableDatabase& db)
    : db_(db), known_(kKnownSlotsLog2) {}

void StemLexiconWriter::add(const std::vector<StemWord>& words) {
  for (const StemWord& entry : words) {
    if (known_.known_or_remember(hash_of(entry))) continue;
    const std::string key = stem_lexicon_key(entry.stem);
    std::string words_of_stem = db_.get_metadata(key);
    if (add_stem_word(words_of_stem, entry.word)) db_.set_metadata(key, words_of_stem);
  }
}

void StemLexiconWriter::forget() { known_.forget(); }

}  // namespace fundstelle::writer
