#include "search/context.hpp"

namespace fundstelle::query {
namespace {

std::string_view trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\n\r");
  if (begin == std::string_view::npos) return {};
  const size_t end = text.find_last_not_of(" \t\n\r");
  return text.substr(begin, end - begin + 1);
}

// UTF-8 continuation bytes never start a character: never cut before one.
bool starts_character(std::string_view text, size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

std::string last_sentence(std::string_view text, size_t max_bytes) {
  text = trim(text);
  if (text.empty()) return {};
  // The sentence end before the final one; the text's own final punctuation does not count.
  size_t start = 0;
  for (size_t at = text.size() - 1; at-- > 0;) {
    const char c = text[at];
    const bool ends = ((c == '.' || c == '!' || c == '?') && text[at + 1] == ' ') || c == '\n';
    if (ends) {
      start = at + 1;
      break;
    }
  }
  std::string_view sentence = trim(text.substr(start));
  if (sentence.size() <= max_bytes) return std::string(sentence);
  // Too long: keep its end, from a word boundary.
  size_t cut = sentence.size() - max_bytes;
  while (cut < sentence.size() && (sentence[cut] != ' ' || !starts_character(sentence, cut))) {
    ++cut;
  }
  return "… " + std::string(trim(sentence.substr(cut)));
}

}  // namespace fundstelle::query
