// Splitting UTF-8 text into words, with byte offsets into the original text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace fundstelle::analysis {

struct Span {
  size_t begin = 0;  // byte offsets into the tokenized text, [begin, end)
  size_t end = 0;
  bool operator==(const Span&) const = default;
};

// A word: a run of letters, digits and combining marks. Inside a word, hyphens join compound
// parts ("KI-Entwicklung"), apostrophes join letters ("geht's"), and '.', ',' or ':' join digits
// ("3,5", "17.11.2023", "10:30"). Soft hyphens and zero-width characters never split a word.
struct Token {
  Span span;
  std::vector<Span> parts;  // the hyphen-separated parts; empty unless the word has a hyphen
};

// Iterates over the words of `text`; the text must outlive the tokenizer. Invalid UTF-8 bytes
// separate words. Usage: `Tokenizer t(text); Token tok; while (t.next(tok)) {...}`.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  // Fills `token` (reusing its storage) with the next word; false at the end.
  bool next(Token& token);

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace fundstelle::analysis
