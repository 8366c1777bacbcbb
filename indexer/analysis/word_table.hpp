// A hash table from words to values for the analyzer's per-word cache, looked up once per word of
// every text. std::unordered_map walks a chain of nodes spread over the heap (~6 % of indexing
// time went into its lookups); here a lookup probes a compact array of hashes and compares one
// key. Entries live in a deque, so references stay valid until clear().
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fundstelle::analysis {

template <typename Value>
class WordTable {
 public:
  // The value of `word`, or null.
  [[nodiscard]] Value* find(std::string_view word) {
    const uint64_t hash = hash_of(word);
    if (slots_.empty()) return nullptr;
    for (size_t i = hash & mask(); slots_[i].used(); i = (i + 1) & mask()) {
      if (slots_[i].hash != hash) continue;
      auto& [key, value] = entries_[slots_[i].entry];
      if (key == word) return &value;
    }
    return nullptr;
  }

  // Adds `word`, which must not be in the table yet.
  Value& insert(std::string_view word, Value value) {
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    const uint64_t hash = hash_of(word);
    size_t i = hash & mask();
    while (slots_[i].used()) i = (i + 1) & mask();
    slots_[i] = {hash, static_cast<uint32_t>(entries_.size())};
    entries_.emplace_back(std::string(word), std::move(value));
    return entries_.back().second;
  }

  [[nodiscard]] size_t size() const { return entries_.size(); }

  void clear() {
    slots_.clear();
    entries_.clear();
  }

 private:
  static constexpr uint32_t kFree = UINT32_MAX;
  struct Slot {
    uint64_t hash = 0;
    uint32_t entry = kFree;
    [[nodiscard]] bool used() const { return entry != kFree; }
  };

  static uint64_t hash_of(std::string_view word) { return std::hash<std::string_view>{}(word); }
  [[nodiscard]] size_t mask() const { return slots_.size() - 1; }

  // At most half full, so that probe runs stay short.
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (const Slot& slot : old) {
      if (!slot.used()) continue;
      size_t i = slot.hash & mask();
      while (slots_[i].used()) i = (i + 1) & mask();
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two
  std::deque<std::pair<std::string, Value>> entries_;
};

}  // namespace fundstelle::analysis
