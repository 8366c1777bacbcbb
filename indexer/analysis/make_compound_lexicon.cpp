// Build-time tool: merges corpus word counts and a German word list into the compound lexicon
// (the format of compound_lexicon.hpp), folded as the analyzer folds words.
// Usage: make_compound_lexicon WORD_COUNTS.tsv DICTIONARY OUTPUT
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <string_view>

#include "analysis/normalizer.hpp"

namespace {

struct Counts {
  uint32_t count = 0;
  uint32_t capitalised = 0;
  bool dictionary_noun = false;
  bool dictionary_other = false;
};

// The splitter only splits words of the letters a-z (after folding), so only they can be parts.
bool splittable(std::string_view word) {
  return !word.empty() && word.size() <= 60 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool starts_upper(const std::string& word) {
  int32_t i = 0;
  UChar32 first = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()),
          first);
  return first > 0 && u_isupper(first);
}

uint32_t number(std::string_view text) {
  uint32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

void read_counts(std::istream& in, std::map<std::string, Counts>& words) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos) continue;
    const std::string word = line.substr(0, tab1);
    if (!splittable(word)) continue;
    Counts& counts = words[word];
    counts.count += number(std::string_view(line).substr(tab1 + 1, tab2 - tab1 - 1));
    counts.capitalised += number(std::string_view(line).substr(tab2 + 1));
  }
}

void read_dictionary(std::istream& in, std::map<std::string, Counts>& words) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::string word = fundstelle::analysis::fold(line);
    if (!splittable(word)) continue;
    Counts& counts = words[word];
    (starts_upper(line) ? counts.dictionary_noun : counts.dictionary_other) = true;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: make_compound_lexicon WORD_COUNTS.tsv DICTIONARY OUTPUT\n";
    return 2;
  }
  std::map<std::string, Counts> words;
  std::ifstream counts(argv[1]);
  std::ifstream dictionary(argv[2]);
  if (!counts || !dictionary) {
    std::cerr << "make_compound_lexicon: cannot read " << (counts ? argv[2] : argv[1]) << "\n";
    return 1;
  }
  read_counts(counts, words);
  read_dictionary(dictionary, words);
  std::ofstream out(argv[3], std::ios::binary);
  out << "# Compound lexicon: word<TAB>corpus count<TAB>flags (C corpus noun, N dictionary noun,"
         " o other dictionary word)\n";
  for (const auto& [word, c] : words) {
    out << word << '\t' << c.count << '\t';
    if (c.count > 0 && c.capitalised * 2 >= c.count) out << 'C';
    if (c.dictionary_noun) out << 'N';
    if (c.dictionary_other) out << 'o';
    out << '\n';
  }
  return out ? 0 : 1;
}
