// A bounded memory of what a writer has already put into its shard, by hash: one hash per slot,
// so an item that shares a slot with another is written again (harmless), in fixed memory. Most
// words of an article are common ones seen before: this keeps them from costing a metadata read
// or write (StemLexiconWriter, VocabularyWriter).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace fundstelle::writer {

class KnownHashes {
 public:
  // 2^`slots_log2` slots of 8 bytes.
  explicit KnownHashes(unsigned slots_log2) : slots_(size_t{1} << slots_log2, 0) {}

  // Whether `hash` is remembered; remembers it from now on.
  bool known_or_remember(uint64_t hash) {
    hash |= 1;  // never 0, which marks an empty slot
    uint64_t& slot = slots_[hash & (slots_.size() - 1)];
    if (slot == hash) return true;
    slot = hash;
    return false;
  }

  // After a cancelled transaction the shard may no longer hold what was remembered.
  void forget() { std::fill(slots_.begin(), slots_.end(), 0); }

 private:
  std::vector<uint64_t> slots_;
};

}  // namespace fundstelle::writer
