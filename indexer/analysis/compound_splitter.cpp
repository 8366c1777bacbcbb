#include "analysis/compound_splitter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

#include "analysis/stopwords.hpp"

namespace fundstelle::analysis {
namespace {

// Parameters chosen by measurement on tests/fixtures/compounds/gold.tsv (scripts/eval_compounds).
constexpr size_t kMinModifier = 3;           // shortest non-final part ("Eis", "Bau")
constexpr size_t kMinHead = 3;               // shortest head ("Amt", "Tag")
constexpr size_t kMaxParts = 3;              // deeper splits were mostly wrong
constexpr uint32_t kMinShortPartCount = 10;  // a 3-letter part must be a frequent corpus word
constexpr double kExtraPartPenalty = 0.3;    // per part beyond two: prefer the shallow split
constexpr double kWholeWordFactor = 0.5;  // split when the parts' mean beats half the word's count
constexpr double kDictionaryOnlyCount = 1.0;  // frequency of a word the corpus never saw

// Linking elements between parts (Aktie-n-kurs, Vorstand-s-mitglieder, Kind-er-garten).
constexpr std::array<std::string_view, 8> kLinks = {"s", "es", "n", "en", "er", "e", "ens", "ns"};

// Bound prefixes that are words elsewhere or look like them but do not form compounds' parts
// (Vizekonsul, Niederlage, Zusammensetzung, Urinstinkt).
constexpr std::array<std::string_view, 17> kBoundPrefixes = {
    "nieder", "zusammen", "heraus", "vize", "super", "anti", "stief", "miss", "wider",
    "wieder", "inter",    "pro",    "ver",  "dar",   "ent",  "zer",   "ur"};

// Derivational suffixes that happen to be words: never a part after another
// (Gefangen-schaft, Format-ionen).
constexpr std::array<std::string_view, 8> kNeverHeads = {"schaft", "schaften", "ion", "ionen",
                                                         "ling",   "linge",    "tum", "nis"};

// Words that are also participle or noun endings (Vorsitz-ende, Tal-ente): a part after another
// only behind a linking element (Jahr-es-ende, Woche-n-ende).
constexpr std::array<std::string_view, 6> kLinkedHeads = {"ende",  "enden", "endes",
                                                          "ender", "ente",  "enten"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_plain_ascii_word(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

struct CompoundSplitter::Segmentation {
  std::vector<std::string> parts;
  double log_frequency_sum = 0;
};

// One word's search: the segmentations of each suffix are memoised, because the same suffixes
// come up at every split point.
class CompoundSplitter::Search {
 public:
  Search(const CompoundLexicon& lexicon, std::string_view word) : lexicon_(lexicon), word_(word) {}

  // All segmentations of word_[begin..] into at most `max_parts` parts, the last a head.
  const std::vector<Segmentation>& tails(size_t begin, size_t max_parts) {
    const auto key = std::make_pair(begin, max_parts);
    if (auto it = tails_.find(key); it != tails_.end()) return it->second;
    std::vector<Segmentation> result;
    const std::string_view rest = word_.substr(begin);
    if (rest.size() >= kMinHead) {
      const Word head = look_up(rest);
      if (head.known && head.nounish) {
        result.push_back({{std::string(rest)}, std::log(head.frequency)});
      }
    }
    if (max_parts > 1) {
      for (size_t end = begin + kMinModifier; end + kMinHead <= word_.size(); ++end) {
        for (const Modifier& modifier : modifiers(word_.substr(begin, end - begin))) {
          for (const Segmentation& tail : tails(end, max_parts - 1)) {
            // The part right after the modifier: the head, or a middle part.
            const std::string& next = tail.parts.front();
            if (contains(kNeverHeads, next)) continue;
            if (contains(kLinkedHeads, next) && !modifier.linked) continue;
            Segmentation joined;
            joined.parts.reserve(tail.parts.size() + 1);
            joined.parts.push_back(modifier.word);
            joined.parts.insert(joined.parts.end(), tail.parts.begin(), tail.parts.end());
            joined.log_frequency_sum = std::log(modifier.frequency) + tail.log_frequency_sum;
            result.push_back(std::move(joined));
          }
        }
      }
    }
    return tails_.emplace(key, std::move(result)).first->second;
  }

  [[nodiscard]] std::optional<LexiconEntry> entry(std::string_view w) const {
    return lexicon_.find(w);
  }

 private:
  // What the search needs to know of a candidate part, from one lexicon lookup.
  struct Word {
    bool known = false;  // may be a part
    // A noun as far as the corpus (mostly capitalised) or else the dictionary can tell.
    bool nounish = false;
    double frequency = 0;  // corpus count; a word only the dictionary knows counts as rare
  };

  [[nodiscard]] Word look_up(std::string_view w) const {
    Word word;
    if (is_stopword(w) || contains(kBoundPrefixes, w)) return word;
    const auto e = lexicon_.find(w);
    if (!e) return word;
    const bool listed = e->count > 0 || e->dictionary_noun || e->dictionary_other;
    // Short words of the dictionary ("ten", "ren", "men") are noise as parts.
    word.known = w.size() <= 3 ? e->count >= kMinShortPartCount : listed;
    word.nounish = e->count > 0 ? e->corpus_noun : e->dictionary_noun;
    word.frequency = e->count > 0 ? e->count : (listed ? kDictionaryOnlyCount : 0);
    return word;
  }

  struct Modifier {
    std::string word;
    double frequency = 0;
    bool linked = false;  // a linking element was cut off
  };

  // The known words a non-final segment can stand for: itself, itself without a linking
  // element, or (Schul-buch, Sprach-kurs) itself with the final -e it dropped.
  std::vector<Modifier> modifiers(std::string_view segment) {
    std::vector<Modifier> out;
    if (const Word w = look_up(segment); w.known) {
      out.push_back({std::string(segment), w.frequency});
    }
    for (std::string_view link : kLinks) {
      if (segment.size() <= link.size() || !segment.ends_with(link)) continue;
      const std::string_view base = segment.substr(0, segment.size() - link.size());
      if (base.size() < kMinModifier) continue;
      if (const Word w = look_up(base); w.known)
        out.push_back({std::string(base), w.frequency, true});
    }
    if (out.empty() && !is_stopword(segment) && !contains(kBoundPrefixes, segment)) {
      std::string with_e = std::string(segment) + 'e';
      if (const Word w = look_up(with_e); w.known) out.push_back({std::move(with_e), w.frequency});
    }
    return out;
  }

  const CompoundLexicon& lexicon_;
  std::string_view word_;
  std::map<std::pair<size_t, size_t>, std::vector<Segmentation>> tails_;
};

std::vector<std::string> CompoundSplitter::split(std::string_view folded_word) const {
  static_assert(kMinWordBytes == kMinModifier + kMinHead);
  if (folded_word.size() < kMinWordBytes || !is_plain_ascii_word(folded_word)) return {};
  Search search(lexicon_, folded_word);
  const auto whole = search.entry(folded_word);
  // A word the corpus knows as mostly lower case is a verb, adjective or adverb: German noun
  // compounds are nouns (vereinbart is not verein + bart).
  if (whole) {
    const bool non_noun = whole->count >= 2 ? !whole->corpus_noun
                                            : whole->dictionary_other && !whole->dictionary_noun;
    if (non_noun) return {};
  }
  double best_score = (whole ? whole->count : 0) * kWholeWordFactor;
  const Segmentation* best = nullptr;
  for (const Segmentation& candidate : search.tails(0, kMaxParts)) {
    if (candidate.parts.size() < 2) continue;
    const double parts = static_cast<double>(candidate.parts.size());
    const double score =
        std::exp(candidate.log_frequency_sum / parts) * std::pow(kExtraPartPenalty, parts - 2);
    if (score > best_score ||
        (best && score == best_score && candidate.parts.size() < best->parts.size())) {
      best = &candidate;
      best_score = score;
    }
  }
  return best ? best->parts : std::vector<std::string>{};
}

}  // namespace fundstelle::analysis
