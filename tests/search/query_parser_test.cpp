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
  const char* kinds[] = {"word", "phrase", "wildcard", "title", "author", "site",
                         "date", "near",   "all",      "any",   "group"};
  *out << occurrence << kinds[static_cast<int>(clause.kind)] << "[" << clause.text;
  if (clause.kind == ClauseKind::kDate) *out << clause.date_from << ".." << clause.date_to;
  if (clause.kind == ClauseKind::kNear) *out << "/" << clause.distance;
  for (const Clause& child : clause.children) {
    *out << " ";
    PrintTo(child, out);
  }
  *out << "]";
}

namespace {

constexpr Occurrence kShould = Occurrence::kShould;
constexpr Occurrence kMust = Occurrence::kMust;
constexpr Occurrence kMustNot = Occurrence::kMustNot;

Clause make(ClauseKind kind, std::string text, Occurrence occurrence = kShould,
            std::vector<Clause> children = {}) {
  Clause c;
  c.kind = kind;
  c.text = std::move(text);
  c.occurrence = occurrence;
  c.children = std::move(children);
  return c;
}
Clause word(std::string text, Occurrence occurrence = kShould) {
  return make(ClauseKind::kWord, std::move(text), occurrence);
}
Clause phrase(std::string text, Occurrence occurrence = kShould) {
  return make(ClauseKind::kPhrase, std::move(text), occurrence);
}
Clause field(ClauseKind kind, std::string text, Occurrence occurrence = kShould) {
  return make(kind, std::move(text), occurrence);
}
Clause date(std::string from, std::string to, Occurrence occurrence = kShould) {
  Clause c = make(ClauseKind::kDate, "", occurrence);
  c.date_from = std::move(from);
  c.date_to = std::move(to);
  return c;
}
Clause any(std::vector<Clause> children, Occurrence occurrence = kShould) {
  return make(ClauseKind::kAny, "", occurrence, std::move(children));
}
Clause all(std::vector<Clause> children, Occurrence occurrence = kShould) {
  return make(ClauseKind::kAll, "", occurrence, std::move(children));
}
Clause group(std::vector<Clause> children, Occurrence occurrence) {
  return make(ClauseKind::kGroup, "", occurrence, std::move(children));
}
Clause near(std::vector<Clause> children, unsigned distance = kDefaultNearDistance,
            Occurrence occurrence = kShould) {
  Clause c = make(ClauseKind::kNear, "", occurrence, std::move(children));
  c.distance = distance;
  return c;
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
      {"hyphen after a closing quote",
       "ehemalige \u201EModel C\u201C-Schulen",
       {word("ehemalige"), phrase("Model C"), word("-Schulen")}},
      {"minus after a parenthesis", "(-Frieden)", {word("Frieden", kMustNot)}},
      {"lone minus", "Krieg - Frieden", {word("Krieg"), word("-"), word("Frieden")}},
      {"minus at the end", "Krieg -", {word("Krieg"), word("-")}},
      {"plus at the end", "Krieg +", {word("Krieg"), word("+")}},
      {"double minus", "--Frieden", {word("--Frieden")}},
      {"minus before a group", "-(Frieden)", {group({word("Frieden")}, kMustNot)}},
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

TEST(QueryParserTest, ParsesOperatorsAndFields) {
  struct Case {
    const char* name;
    std::string input;
    std::vector<Clause> clauses;
  };
  const Case cases[] = {
      {"AND splices into required words",
       "Altman AND Microsoft",
       {word("Altman", kMust), word("Microsoft", kMust)}},
      {"AND with other words",
       "Altman AND Microsoft Nadella",
       {word("Altman", kMust), word("Microsoft", kMust), word("Nadella")}},
      {"NOT", "OpenAI NOT Microsoft", {word("OpenAI", kMust), word("Microsoft", kMustNot)}},
      {"AND NOT", "OpenAI AND NOT Microsoft", {word("OpenAI", kMust), word("Microsoft", kMustNot)}},
      {"NOT at the start", "NOT Microsoft OpenAI", {word("Microsoft", kMustNot), word("OpenAI")}},
      {"OR", "KI OR Robotik", {any({word("KI"), word("Robotik")})}},
      {"OR binds looser than AND",
       "a AND b OR c",
       {any({all({word("a", kMust), word("b", kMust)}), word("c")})}},
      {"parentheses",
       "(KI OR Robotik) AND Regulierung",
       {group({any({word("KI"), word("Robotik")})}, kMust), word("Regulierung", kMust)}},
      {"plain parentheses are just words",
       "Wer war (laut Bericht) Chef?",
       {word("Wer"), word("war"), word("laut"), word("Bericht"), word("Chef?")}},
      {"signed group",
       "+(KI OR AI) Ethik",
       {group({any({word("KI"), word("AI")})}, kMust), word("Ethik")}},
      {"lower-case keywords are words", "rock and roll", {word("rock"), word("and"), word("roll")}},
      {"NEAR", "Altman NEAR Microsoft", {near({word("Altman"), word("Microsoft")})}},
      {"NEAR/n", "Altman NEAR/3 Microsoft", {near({word("Altman"), word("Microsoft")}, 3)}},
      {"NEAR chain", "a NEAR b NEAR/12 c", {near({word("a"), word("b"), word("c")}, 12)}},
      {"NEAR binds tighter than AND",
       "a NEAR b AND c",
       {near({word("a"), word("b")}, kDefaultNearDistance, kMust), word("c", kMust)}},
      {"wildcard", "Entwickl*", {field(ClauseKind::kWildcard, "Entwickl")}},
      {"wildcard with sign", "-Entwickl**", {field(ClauseKind::kWildcard, "Entwickl", kMustNot)}},
      {"title", "title:OpenAI Altman", {field(ClauseKind::kTitle, "OpenAI"), word("Altman")}},
      {"quoted title", "title:\"Sam Altman\"", {field(ClauseKind::kTitle, "Sam Altman")}},
      {"author", "author:Reimann", {field(ClauseKind::kAuthor, "Reimann")}},
      {"quoted author",
       "author:\u201EJonas Reimann\u201C",
       {field(ClauseKind::kAuthor, "Jonas Reimann")}},
      {"site",
       "site:spiegel.de -site:bild.de",
       {field(ClauseKind::kSite, "spiegel.de"), field(ClauseKind::kSite, "bild.de", kMustNot)}},
      {"date range", "date:2023-11..2023-12", {date("2023-11", "2023-12")}},
      {"one day", "date:2023-11-17", {date("2023-11-17", "2023-11-17")}},
      {"open start", "date:..2023", {date("", "2023")}},
      {"open end", "date:2023..", {date("2023", "")}},
      {"url is no field", "https://example.org", {word("https://example.org")}},
      {"hyphen inside a question is no NOT",
       "Was macht eine Nicht-Regierungsorganisation?",
       {word("Was"), word("macht"), word("eine"), word("Nicht-Regierungsorganisation?")}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(parse_query(c.input), c.clauses) << c.name;
  }
}

TEST(QueryParserTest, DeepNestingIsBounded) {
  const std::string deep = std::string(100000, '(') + "Altman" + std::string(100000, ')');
  const std::vector<Clause> clauses = parse_query(deep);
  ASSERT_EQ(clauses.size(), 1u);
  const std::string ors = [] {
    std::string s;
    for (int i = 0; i < 20000; ++i) s += "a OR NOT AND NEAR/2 ";
    return s;
  }();
  EXPECT_FALSE(parse_query(ors).empty());
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
      {"(", {}},
      {")", {}},
      {"()", {}},
      {")(", {}},
      {"AND", {word("AND")}},
      {"OR OR OR", {any({word("OR"), word("OR")})}},
      {"a OR", {word("a"), word("OR")}},
      {"NOT", {word("NOT")}},
      {"a NEAR", {word("a"), word("NEAR")}},
      {"a NEAR/x b", {word("a"), word("NEAR/x"), word("b")}},
      {"*", {word("*")}},
      {"a*", {word("a*")}},
      {"a*b*", {word("a*b*")}},
      {"title:", {word("title:")}},
      {"date:", {word("date:")}},
      {"date:..", {word("date:..")}},
      {"date:gestern", {word("date:gestern")}},
      {"date:2023-1", {word("date:2023-1")}},
      {"foo:bar", {word("foo:bar")}},
      {"(a OR (b", {any({word("a"), group({word("b")}, kShould)})}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(parse_query(c.input), c.clauses) << c.input;
  }
}

}  // namespace
}  // namespace fundstelle::query
