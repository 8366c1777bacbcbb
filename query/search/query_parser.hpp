// Reading what the user typed: a natural German question by default, with a small query language
// (phrases, +/-, AND/OR/NOT, parentheses, NEAR, trailing wildcards, title:/author:/site:/date:).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fundstelle::query {

enum class Occurrence { kShould, kMust, kMustNot };

enum class ClauseKind {
  kWord,      // text: a word or hyphenated compound as typed
  kPhrase,    // text: the words between quotes
  kWildcard,  // text: the prefix before a trailing '*' ("Entwickl" for Entwickl*)
  kTitle,     // title:word or title:"words" — text: the words
  kAuthor,    // author:value — text: the value as typed
  kSite,      // site:value — text: the value as typed (a site name or host)
  kDate,      // date:FROM..TO — date_from / date_to (either may be empty: open end)
  kNear,      // children: the words (or phrases) that must be near each other; distance
  kAll,       // AND / NOT: children each kMust or kMustNot
  kAny,       // OR: children
  kGroup,     // ( ... ): children, a nested query with their own occurrences
};

// One clause of a query.
struct Clause {
  ClauseKind kind = ClauseKind::kWord;
  std::string text;
  Occurrence occurrence = Occurrence::kShould;
  std::string date_from;  // kDate: ISO 8601 prefixes as typed ("2023", "2023-11", "2023-11-17")
  std::string date_to;
  unsigned distance = 0;         // kNear: at most this many words between neighbours
  std::vector<Clause> children;  // kNear, kAll, kAny, kGroup
  bool operator==(const Clause&) const = default;
};

inline constexpr unsigned kDefaultNearDistance = 10;

// Splits `input` into clauses. Never fails: what is not valid syntax is read as words.
// - "exact phrase" (also „…“, »…«); an unbalanced quote runs to the end of the input.
// - +must, -mustnot: only at the start of a word, before a letter, digit, quote or '(' — a hyphen
//   inside a word ("Nicht-Regierungsorganisation") or a lone "-" is never an operator.
// - AND, OR, NOT, NEAR, NEAR/n: upper case only, and only between operands ("NOT x" at the start
//   is -x); otherwise they are words. Binding: NEAR tighter than NOT/AND, AND tighter than OR.
// - ( ... ) groups; an unbalanced "(" runs to the end, a stray ")" is ignored.
// - Word*: a trailing wildcard (at least two characters before the '*').
// - title:, author:, site:, date: (lower case field names, value glued to the colon, a quoted
//   value allowed); date values: 2023, 2023-11, 2023-11-17, FROM..TO, ..TO, FROM..
// Plain juxtaposition keeps the default meaning: words that rank (should), none required.
[[nodiscard]] std::vector<Clause> parse_query(std::string_view input);

}  // namespace fundstelle::query
