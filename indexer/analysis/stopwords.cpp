#include "analysis/stopwords.hpp"

#include <string>
#include <unordered_set>

#include "analysis/normalizer.hpp"

namespace fundstelle::embedded {
extern const std::string_view kStopwordsDe;  // generated from data/stopwords-de.txt
}

namespace fundstelle::analysis {
namespace {

// Transparent hashing lets lookups take a string_view without building a std::string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

WordSet load_stopwords() {
  WordSet words;
  std::string_view list = embedded::kStopwordsDe;
  while (!list.empty()) {
    const size_t newline = list.find('\n');
    std::string_view line = list.substr(0, newline);
    list = newline == std::string_view::npos ? std::string_view{} : list.substr(newline + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    words.insert(fold(line));
  }
  return words;
}

}  // namespace

bool is_stopword(std::string_view folded_word) {
  static const WordSet words = load_stopwords();
  return words.find(folded_word) != words.end();
}

}  // namespace fundstelle::analysis
