#include "vocabulary_keys.hpp"

#include "schema.hpp"

namespace fundstelle {

std::string vocabulary_key(std::string_view word) {
  if (word.size() < kVocabularyMinBytes || word.size() > kVocabularyMaxBytes) return {};
  if (word.front() >= '0' && word.front() <= '9') return {};
  std::string key = vocabulary_prefix(word.size(), word.front());
  key.append(word.substr(1));
  return key;
}

std::string vocabulary_prefix(size_t length, char first) {
  std::string prefix(schema::kMetaVocabulary);
  prefix += static_cast<char>(length);  // at most kVocabularyMaxBytes: one byte
  prefix += first;
  return prefix;
}

std::string_view vocabulary_word(std::string_view key) {
  return key.substr(schema::kMetaVocabulary.size() + 1);
}

}  // namespace fundstelle
