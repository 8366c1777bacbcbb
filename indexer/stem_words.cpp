#include "stem_words.hpp"

#include "schema.hpp"

namespace fundstelle {
namespace {

// Words never contain a newline (the tokenizer splits on whitespace).
constexpr char kSeparator = '\n';

}  // namespace

std::string stem_lexicon_key(std::string_view stem) {
  std::string key(schema::kMetaStemWords);
  key += stem;
  return key;
}

bool is_stem_lexicon_key(std::string_view key) { return key.starts_with(schema::kMetaStemWords); }

std::vector<std::string> decode_stem_words(std::string_view entry) {
  std::vector<std::string> words;
  while (!entry.empty()) {
    const size_t end = entry.find(kSeparator);
    words.emplace_back(entry.substr(0, end));
    if (end == std::string_view::npos) break;
    entry.remove_prefix(end + 1);
  }
  return words;
}

bool add_stem_word(std::string& entry, std::string_view word) {
  for (std::string_view rest = entry; !rest.empty();) {
    const size_t end = rest.find(kSeparator);
    if (rest.substr(0, end) == word) return false;
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  if (!entry.empty()) entry += kSeparator;
  entry += word;
  return true;
}

}  // namespace fundstelle
