#include "analysis/compound_lexicon.hpp"

#include <algorithm>
#include <charconv>

// The lexicon text, embedded by fundstelle_embed_binary (CMakeLists.txt).
extern "C" const char fundstelle_kCompoundLexicon_begin[];
extern "C" const char fundstelle_kCompoundLexicon_end[];

namespace fundstelle::analysis {
namespace {

size_t bucket_of(std::string_view word) {
  const auto byte = [&](size_t i) -> size_t {
    return i < word.size() ? static_cast<unsigned char>(word[i]) : 0;
  };
  return (byte(0) << 8) | byte(1);
}

}  // namespace

CompoundLexicon::CompoundLexicon(std::string_view text) : text_(text) {
  for (size_t pos = 0; pos < text_.size();) {
    const size_t newline = std::min(text_.find('\n', pos), text_.size());
    if (newline > pos && text_[pos] != '#') {
      const size_t word_end = std::min(text_.find('\t', pos), newline);
      lines_.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(word_end - pos)});
    }
    pos = newline + 1;
  }
  bucket_begin_.assign(65537, 0);
  size_t line = 0;
  for (size_t bucket = 0; bucket <= 65536; ++bucket) {
    while (line < lines_.size() && bucket_of(word(lines_[line])) < bucket) ++line;
    bucket_begin_[bucket] = static_cast<uint32_t>(line);
  }
}

const CompoundLexicon& CompoundLexicon::embedded() {
  static const CompoundLexicon lexicon(std::string_view(
      fundstelle_kCompoundLexicon_begin,
      static_cast<size_t>(fundstelle_kCompoundLexicon_end - fundstelle_kCompoundLexicon_begin)));
  return lexicon;
}

std::optional<LexiconEntry> CompoundLexicon::find(std::string_view folded_word) const {
  const size_t bucket = bucket_of(folded_word);
  const auto first = lines_.begin() + bucket_begin_[bucket];
  const auto last = lines_.begin() + bucket_begin_[bucket + 1];
  const auto it =
      std::lower_bound(first, last, folded_word,
                       [&](const Line& line, std::string_view w) { return word(line) < w; });
  if (it == last || word(*it) != folded_word) return std::nullopt;
  std::string_view rest = text_.substr(it->start + folded_word.size());
  rest = rest.substr(0, rest.find('\n'));
  LexiconEntry entry;
  if (rest.size() < 2 || rest[0] != '\t') return entry;
  rest.remove_prefix(1);
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), entry.count);
  if (error != std::errc()) entry.count = 0;
  for (const char* c = end; c < rest.data() + rest.size(); ++c) {
    entry.corpus_noun |= *c == 'C';
    entry.dictionary_noun |= *c == 'N';
    entry.dictionary_other |= *c == 'o';
  }
  return entry;
}

}  // namespace fundstelle::analysis
