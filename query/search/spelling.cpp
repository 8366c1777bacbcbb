#include "search/spelling.hpp"

#include <algorithm>
#include <vector>

#include "search/stem_query.hpp"

// Why not Xapian's own spelling data (WritableDatabase::add_spelling): its frequencies would have
// to be counted per passage, a second posting for every word on every indexing run. The
// vocabulary costs one metadata key per distinct word; the frequencies are the terms'.
namespace fundstelle::query {
namespace {

constexpr size_t kMinWordBytes = 4;
constexpr size_t kLongWordBytes = 6;          // from here two edits are allowed
constexpr Xapian::doccount kRareFactor = 50;  // a rare word yields to one this much more frequent

bool is_operator(std::string_view text) {
  return text == "AND" || text == "OR" || text == "NOT" || text.starts_with("NEAR");
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The replacement keeps an initial capital ("Altmn" -> "Altman"); umlauts stay folded.
std::string in_case_of(std::string_view original, std::string replacement) {
  const auto first = static_cast<unsigned char>(original.front());
  const bool upper =
      (first >= 'A' && first <= 'Z') ||
      (first == 0xC3 && original.size() > 1 && static_cast<unsigned char>(original[1]) >= 0x80 &&
       static_cast<unsigned char>(original[1]) <= 0x9E);
  if (upper && !replacement.empty() && replacement[0] >= 'a' && replacement[0] <= 'z') {
    replacement[0] = static_cast<char>(replacement[0] - 'a' + 'A');
  }
  return replacement;
}

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
  const size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > limit) return limit + 1;
  // Three rows of the dynamic programme (the one before last for transpositions).
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    size_t row_min = current[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit + 1);
}

std::optional<std::string> suggest_word(const Xapian::Database& db, const Vocabulary& vocabulary,
                                        std::string_view word, const SpellingOptions& options) {
  if (word.size() < kMinWordBytes) return std::nullopt;
  const size_t limit = word.size() >= kLongWordBytes ? 2 : 1;
  const Xapian::doccount own = db.get_termfreq(std::string(word));
  const Xapian::doccount needed = std::max(options.min_frequency, own == 0 ? 1 : own * kRareFactor);

  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  Xapian::doccount best_frequency = 0;
  // In byte order: on equal distance and frequency the first word wins.
  for (const std::string& candidate :
       vocabulary.words(word.front(), word.size() - limit, word.size() + limit)) {
    if (candidate == word) continue;
    const size_t distance = edit_distance(word, candidate, std::min(limit, best_distance));
    if (distance > limit || distance > best_distance) continue;
    // Looked up only for the close words: the vocabulary has no frequencies.
    const Xapian::doccount frequency = db.get_termfreq(candidate);
    if (frequency < needed) continue;
    if (distance < best_distance || frequency > best_frequency) {
      best = candidate;
      best_distance = distance;
      best_frequency = frequency;
    }
  }
  return best;
}

std::optional<std::string> suggest_query(const Xapian::Database& db, const Vocabulary& vocabulary,
                                         std::string_view query_text,
                                         analysis::GermanAnalyzer& analyzer, StemLexicon& lexicon,
                                         const SpellingOptions& options) {
  std::string out;
  size_t copied = 0;  // bytes of query_text already in `out`
  bool changed = false;
  analysis::AnalyzedWord word;
  auto stream = analyzer.words(query_text);
  while (stream.next(word)) {
    const std::string_view surface =
        query_text.substr(word.span.begin, word.span.end - word.span.begin);
    const bool field_name = word.span.end < query_text.size() && query_text[word.span.end] == ':';
    if (word.stopword || field_name || is_operator(surface) || !word.parts.empty() ||
        has_digit(word.whole.exact)) {
      continue;
    }
    const Xapian::doccount frequency = db.get_termfreq(word.whole.exact);
    const bool unknown =
        frequency == 0 && stem_frequency(db, word.whole.stem, analyzer, lexicon) == 0;
    const bool rare = frequency > 0 && frequency < options.rare_below;
    if (!unknown && !rare) continue;
    const std::optional<std::string> replacement =
        suggest_word(db, vocabulary, word.whole.exact, options);
    if (!replacement) continue;
    out.append(query_text.substr(copied, word.span.begin - copied));
    out += in_case_of(surface, *replacement);
    copied = word.span.end;
    changed = true;
  }
  if (!changed) return std::nullopt;
  out.append(query_text.substr(copied));
  return out;
}

}  // namespace fundstelle::query
