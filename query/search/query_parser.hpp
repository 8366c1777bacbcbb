// Reading what the user typed: a natural German question by default, with a few operators.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fundstelle::query {

enum class Occurrence { kShould, kMust, kMustNot };

// One clause of a query: a word or a quoted phrase, optionally marked + or -.
struct Clause {
  std::string text;  // the surface text (a word, a hyphenated compound, or a phrase's words)
  bool phrase = false;
  Occurrence occurrence = Occurrence::kShould;
  bool operator==(const Clause&) const = default;
};

// Splits `input` into clauses. Syntax: "exact phrase", +must, -mustnot (only at the start of a
// word and before a letter or digit: a hyphen inside a word — "Nicht-Regierungsorganisation" — or
// a lone "-" is never an operator). An unbalanced quote runs to the end of the input. Never fails.
[[nodiscard]] std::vector<Clause> parse_query(std::string_view input);

}  // namespace fundstelle::query
