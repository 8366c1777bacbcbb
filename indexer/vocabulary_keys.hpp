// The vocabulary of an index, for spelling suggestions: each word of the text is a metadata key
// of its own, "Y" + its length in bytes + the word, so that the words of one length and first
// byte are one short run of keys. The spelling check reads only the words that could be close
// (query/search/vocabulary.hpp). Scanning the terms themselves (Database::allterms_begin) also
// walks every posting-list chunk stored between them: ~4 ms per first letter on the 200 MB
// benchmark index, 12 ms on 1.1 GB, growing with the index. The one place that encodes the keys.
#pragma once

#include <string>
#include <string_view>

namespace fundstelle {

// Words outside these lengths are not recorded: a suggestion is made for words of 4 bytes or more
// and may differ from them by 2 bytes (query/search/spelling.hpp).
inline constexpr size_t kVocabularyMinBytes = 3;
inline constexpr size_t kVocabularyMaxBytes = 100;

// The metadata key of `word`, or "" if it is not recorded (too short, too long, or a number:
// words starting with a digit are never corrected).
[[nodiscard]] std::string vocabulary_key(std::string_view word);

// The common start of the keys of the words of `length` bytes whose first byte is `first`.
[[nodiscard]] std::string vocabulary_prefix(size_t length, char first);

// The word a vocabulary key stands for.
[[nodiscard]] std::string_view vocabulary_word(std::string_view key);

}  // namespace fundstelle
