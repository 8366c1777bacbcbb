// The stem lexicon: for each stem, the indexed words that have it. The index holds no stem
// terms; a stem is searched as its words (query/search/stem_query.hpp), as Recoll expands stems
// at query time. A stem posting on every passage cost ~15 % of indexing time; one lexicon entry
// per new word costs next to nothing. The one place that encodes and decodes the entries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fundstelle {

// A word whose stem differs from it ("häuser" -> "haus"). Words that are their own stem ("haus")
// are not recorded: the query side adds the stem itself when it stems to itself.
struct StemWord {
  std::string stem;
  std::string word;

  auto operator<=>(const StemWord&) const = default;
};

// The Xapian metadata key of stem `stem`'s entry.
[[nodiscard]] std::string stem_lexicon_key(std::string_view stem);

// Whether `key` is a stem lexicon key (for merging shards' metadata).
[[nodiscard]] bool is_stem_lexicon_key(std::string_view key);

// The words of an entry, in the order they were recorded.
[[nodiscard]] std::vector<std::string> decode_stem_words(std::string_view entry);

// Adds `word` to `entry` unless it is there; true if the entry changed.
bool add_stem_word(std::string& entry, std::string_view word);

}  // namespace fundstelle
