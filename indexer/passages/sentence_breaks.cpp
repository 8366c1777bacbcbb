#include "passages/sentence_breaks.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace fundstelle::passages {
namespace {

// Lower-cased abbreviations that end with a period but rarely end a sentence.
constexpr std::array<std::string_view, 40> kAbbreviations = {
    "z",    "b",    "dr", "prof", "nr",  "bzw", "ca",  "usw",  "etc",  "vgl",
    "hr",   "fr",   "st", "mio",  "mrd", "jh",  "jhd", "inkl", "exkl", "ggf",
    "evtl", "bspw", "d",  "h",    "u",   "a",   "s",   "o",    "str",  "tel",
    "abs",  "art",  "bd", "max",  "min", "mr",  "mrs", "ms",   "vs",   "co"};

UChar32 code_point_at(std::string_view text, size_t pos, size_t* next) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 cp;
  U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), cp);
  *next = static_cast<size_t>(i);
  return cp;
}

bool is_closing(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

// German closes „…“ with U+201C and ‚…‘ with U+2018; English-style quotes close with ” and ’.
bool starts_with_closing_quote(std::string_view s) {
  for (std::string_view q : {"\u201C", "\u201D", "\u00AB", "\u00BB", "\u2019", "\u2018"}) {
    if (s.starts_with(q)) return true;
  }
  return false;
}

bool starts_sentence(std::string_view text, size_t pos) {
  size_t next = 0;
  const UChar32 cp = code_point_at(text, pos, &next);
  if (cp < 0) return false;
  if (u_isupper(cp) || u_istitle(cp) || u_isdigit(cp)) return true;
  // An opening quote or bracket followed by an upper-case letter.
  if (cp == '"' || cp == '(' || cp == 0x201E || cp == 0x201C || cp == 0x00BB || cp == 0x00AB) {
    size_t after = 0;
    const UChar32 following = next < text.size() ? code_point_at(text, next, &after) : -1;
    return following >= 0 && (u_isupper(following) || u_isdigit(following));
  }
  return false;
}

// The word directly before position `period` (exclusive), lower-cased ASCII, or "" if none.
std::string word_before(std::string_view text, size_t period) {
  size_t begin = period;
  while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '(' && text[begin - 1] != '\n') {
    --begin;
  }
  std::string word(text.substr(begin, period - begin));
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return word;
}

bool is_non_final_period(std::string_view text, size_t period) {
  const std::string word = word_before(text, period);
  if (word.empty()) return false;
  if (std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end()) {
    return true;
  }
  // Ordinals ("17. November", "3. Liga") have one or two digits; years end sentences.
  if (word.size() <= 2 &&
      std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return true;
  }
  // A single upper-case initial, "A." — the text, not the lower-cased copy, decides.
  if (period >= 1 && (period < 2 || text[period - 2] == ' ') &&
      std::isupper(static_cast<unsigned char>(text[period - 1]))) {
    return true;
  }
  // Abbreviations with inner periods: "z.B.", "u.a.", "d.h."
  return word.find('.') != std::string::npos && word.size() <= 5;
}

}  // namespace

std::vector<size_t> sentence_starts(std::string_view text) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    size_t end = i + 1;  // after the terminator
    if (c == '.' || c == '!' || c == '?') {
      if (c == '.' && is_non_final_period(text, i)) continue;
    } else if (text.substr(i).starts_with("\u2026")) {  // …
      end = i + 3;
    } else {
      continue;
    }
    // Swallow repeated terminators and closing quotes/brackets: "?!", ".\"", ".“", ".)"
    while (end < text.size()) {
      if (text[end] == '.' || text[end] == '!' || text[end] == '?' || is_closing(text[end])) {
        ++end;
      } else if (starts_with_closing_quote(text.substr(end))) {
        end += text.substr(end).starts_with("\u00BB") || text.substr(end).starts_with("\u00AB") ? 2
                                                                                                : 3;
      } else {
        break;
      }
    }
    if (end >= text.size() || (text[end] != ' ' && text[end] != '\n')) continue;
    size_t next = end;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\n')) ++next;
    if (next < text.size() && starts_sentence(text, next)) {
      starts.push_back(next);
      i = next - 1;
    }
  }
  return starts;
}

}  // namespace fundstelle::passages
