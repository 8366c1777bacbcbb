#include "search/query_parser.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace fundstelle::query {

// Readable failure messages for clause lists.
void PrintTo(const Clause& clause, std::ostream* out) {
  const char* occurrence = clause.occurrence == Occurrence::kMust      ? "+"
                           : clause.occurrence == Occurrence::kMustNot ? "-"
                                                                       : "";
  *out << occurrence << (clause.phrase ? "\"" : "[") << clause.text << (clause.phrase ? "\"" : "]");
}

namespace {

constexpr Occurrence kShould = Occurrence::kShould;
constexpr Occurrence kMust = Occurrence::kMust;
constexpr Occurrence kMustNot = Occurrence::kMustNot;

Clause word(std::string text, Occurrence occurrence = kShould) {
  return {std::move(text), false, occurrence};
}
Clause phrase(std::string text, Occurrence occurrence = kShould) {
  return {std::move(text), true, occurrence};
}

TEST(QueryParserTest, ParsesClauses) {
  struct Case {
    const char* name;
    std::string input;
    std::vector<Clause> clauses;
  };
  const Case cases[] = {
      {"empty", "", {}},
      {"only spaces", " \t\n ", {}},
      {"plain words", "Wer wurde entlassen?", {word("Wer"), word("wurde"), word("entlassen?")}},
      {"extra whitespace", "  Sam\t\tAltman \n", {word("Sam"), word("Altman")}},
      {"umlauts", "Kündigung Mitarbeiter", {word("Kündigung"), word("Mitarbeiter")}},
      {"phrase", "\"Sam Altman\" OpenAI", {phrase("Sam Altman"), word("OpenAI")}},
      {"german quotes",
       "\u201Edeutsche Anf\u00FChrungszeichen\u201C",
       {phrase("deutsche Anf\u00FChrungszeichen")}},
      {"guillemets",
       "\u00BBoffener Brief\u00AB Vorstand",
       {phrase("offener Brief"), word("Vorstand")}},
      {"english curly quotes", "\u201Coffener Brief\u201D", {phrase("offener Brief")}},
      {"phrase glued to words",
       "vor\"dem Haus\"nach",
       {word("vor"), phrase("dem Haus"), word("nach")}},
      {"must", "+Altman", {word("Altman", kMust)}},
      {"must not", "OpenAI -Microsoft", {word("OpenAI"), word("Microsoft", kMustNot)}},
      {"must umlaut", "+Übernahme", {word("Übernahme", kMust)}},
      {"must digit", "-2023", {word("2023", kMustNot)}},
      {"must phrase", "+\"Sam Altman\"", {phrase("Sam Altman", kMust)}},
      {"must not german phrase", "-\u201Eoffener Brief\u201C", {phrase("offener Brief", kMustNot)}},
      {"hyphen inside a word",
       "Nicht-Regierungsorganisation",
       {word("Nicht-Regierungsorganisation")}},
      {"hyphenated compound and operator",
       "KI-Entwicklung -Regulierung",
       {word("KI-Entwicklung"), word("Regulierung", kMustNot)}},
      {"lone minus", "Krieg - Frieden", {word("Krieg"), word("-"), word("Frieden")}},
      {"minus at the end", "Krieg -", {word("Krieg"), word("-")}},
      {"plus at the end", "Krieg +", {word("Krieg"), word("+")}},
      {"double minus", "--Frieden", {word("--Frieden")}},
      {"minus before punctuation", "-(Frieden)", {word("-(Frieden)")}},
      {"unbalanced quote",
       "OpenAI \"Sam Altman wurde",
       {word("OpenAI"), phrase("Sam Altman wurde")}},
      {"unbalanced german quote",
       "\u201EKündigung der Mitarbeiter",
       {phrase("Kündigung der Mitarbeiter")}},
      {"lone quote", "\"", {phrase("")}},
      {"empty phrase", "\"\" Wort", {phrase(""), word("Wort")}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(parse_query(c.input), c.clauses) << c.name;
  }
}

TEST(QueryParserTest, NeverFailsOnOddInput) {
  struct Case {
    std::string input;
    std::vector<Clause> clauses;
  };
  const Case cases[] = {
      {"+", {word("+")}},
      {"-", {word("-")}},
      {"+-+", {word("+-+")}},
      {"- - -", {word("-"), word("-"), word("-")}},
      {"\"\"\"", {phrase(""), phrase("")}},
      {"a\"b\"c\"d", {word("a"), phrase("b"), word("c"), phrase("d")}},
      {"+\"", {phrase("", kMust)}},
      {"-\u201E", {phrase("", kMustNot)}},
      {"\xFF\xFE", {word("\xFF\xFE")}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(parse_query(c.input), c.clauses) << c.input;
  }
}

}  // namespace
}  // namespace fundstelle::query
