#include "search/query_parser.hpp"

#include <cctype>
#include <optional>

// A hand-written recursive-descent parser rather than Xapian::QueryParser: the QueryParser turns
// terms into index terms with its own tokenizer and stemmer, and we need our analyzer (folding,
// compound parts, stopword weights) on every word; it also reads "-word" inside a question as NOT.
// Here the parser only finds structure; query_builder.cpp analyses the words.
namespace fundstelle::query {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Starts a word: an ASCII letter or digit, or any non-ASCII byte (umlauts, other scripts).
bool starts_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) != 0;
}

// German typography uses „…“ and »…« as well as "…".
size_t quote_length(std::string_view s) {
  if (s.starts_with('"')) return 1;
  for (std::string_view q : {"\u201E", "\u201C", "\u201D", "\u00BB", "\u00AB"}) {
    if (s.starts_with(q)) return q.size();
  }
  return 0;
}

enum class TokenKind { kWord, kPhrase, kOpen, kClose };

struct Token {
  TokenKind kind = TokenKind::kWord;
  std::string text;
  Occurrence sign = Occurrence::kShould;
  std::optional<ClauseKind> field;  // title:/author:/site:/date: with `text` as its value
};

std::optional<ClauseKind> field_kind(std::string_view name) {
  if (name == "title") return ClauseKind::kTitle;
  if (name == "author") return ClauseKind::kAuthor;
  if (name == "site") return ClauseKind::kSite;
  if (name == "date") return ClauseKind::kDate;
  return std::nullopt;
}

class Lexer {
 public:
  explicit Lexer(std::string_view input) : in_(input) {}

  std::vector<Token> tokens() {
    std::vector<Token> out;
    // A sign starts a token only after a space or '(': in „Model C“-Schulen the hyphen joins.
    bool may_sign = true;
    while (i_ < in_.size()) {
      if (is_space(in_[i_])) {
        ++i_;
        may_sign = true;
        continue;
      }
      Token token;
      if (may_sign) token.sign = sign();
      may_sign = in_[i_] == '(';
      if (in_[i_] == '(' || in_[i_] == ')') {
        token.kind = in_[i_] == '(' ? TokenKind::kOpen : TokenKind::kClose;
        ++i_;
      } else if (quote_length(in_.substr(i_)) > 0) {
        token.kind = TokenKind::kPhrase;
        token.text = phrase();
      } else {
        token.text = word();
        const size_t colon = token.text.find(':');
        if (colon != std::string::npos) {
          token.field = field_kind(std::string_view(token.text).substr(0, colon));
        }
        if (token.field) {
          std::string value = token.text.substr(colon + 1);
          // title:"Sam Altman": the quoted value belongs to the field.
          if (value.empty() && quote_length(in_.substr(i_)) > 0) value = phrase();
          if (value.empty()) {
            token.field.reset();  // "title:" alone is a word
          } else {
            token.text = std::move(value);
          }
        }
      }
      out.push_back(std::move(token));
    }
    return out;
  }

 private:
  // + or - directly before a word, quote or '(' (never inside a word, never alone).
  Occurrence sign() {
    if ((in_[i_] != '+' && in_[i_] != '-') || i_ + 1 >= in_.size()) return Occurrence::kShould;
    const char next = in_[i_ + 1];
    if (!starts_word(next) && next != '(' && quote_length(in_.substr(i_ + 1)) == 0) {
      return Occurrence::kShould;
    }
    const Occurrence occurrence = in_[i_] == '+' ? Occurrence::kMust : Occurrence::kMustNot;
    ++i_;
    return occurrence;
  }

  std::string phrase() {
    const size_t start = i_ + quote_length(in_.substr(i_));
    size_t end = start;
    size_t close = 0;
    while (end < in_.size() && (close = quote_length(in_.substr(end))) == 0) ++end;
    i_ = end < in_.size() ? end + close : end;
    return std::string(in_.substr(start, end - start));
  }

  std::string word() {
    size_t end = i_;
    while (end < in_.size() && !is_space(in_[end]) && in_[end] != '(' && in_[end] != ')' &&
           quote_length(in_.substr(end)) == 0) {
      ++end;
    }
    std::string text(in_.substr(i_, end - i_));
    i_ = end;
    return text;
  }

  std::string_view in_;
  size_t i_ = 0;
};

bool is_date(std::string_view s) {
  // YYYY, YYYY-MM or YYYY-MM-DD
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : std::isdigit(static_cast<unsigned char>(s[i])) == 0) return false;
  }
  return true;
}

// date:2023-11..2023-12, date:2023-11-17, date:..2023, date:2023..; nullopt if malformed.
std::optional<Clause> date_clause(std::string_view value) {
  Clause clause;
  clause.kind = ClauseKind::kDate;
  const size_t dots = value.find("..");
  const std::string_view from = value.substr(0, dots);
  const std::string_view to = dots == std::string_view::npos ? from : value.substr(dots + 2);
  if ((from.empty() && to.empty()) || (!from.empty() && !is_date(from)) ||
      (!to.empty() && !is_date(to))) {
    return std::nullopt;
  }
  clause.date_from = from;
  clause.date_to = to;
  return clause;
}

std::optional<unsigned> near_distance(std::string_view text) {
  if (text == "NEAR") return kDefaultNearDistance;
  if (!text.starts_with("NEAR/") || text.size() == 5 || text.size() > 8) return std::nullopt;
  unsigned n = 0;
  for (char c : text.substr(5)) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
    n = n * 10 + static_cast<unsigned>(c - '0');
  }
  return n;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  std::vector<Clause> parse() { return sequence(0); }

 private:
  // Deep nesting is no query anyone types; past this, '(' is ignored (bounded recursion).
  static constexpr int kMaxDepth = 16;

  const Token* peek(size_t ahead = 0) const {
    return pos_ + ahead < tokens_.size() ? &tokens_[pos_ + ahead] : nullptr;
  }

  bool is_keyword(const Token* t, std::string_view keyword) const {
    return t != nullptr && t->kind == TokenKind::kWord && !t->field &&
           t->sign == Occurrence::kShould && t->text == keyword;
  }
  bool starts_operand(const Token* t) const { return t != nullptr && t->kind != TokenKind::kClose; }

  // A binary operator keyword counts only when an operand follows it.
  bool binary_operator(std::string_view keyword) const {
    return is_keyword(peek(), keyword) && starts_operand(peek(1));
  }
  std::optional<unsigned> near_operator() const {
    const Token* t = peek();
    if (t == nullptr || t->kind != TokenKind::kWord || t->field || t->sign != Occurrence::kShould ||
        !starts_operand(peek(1))) {
      return std::nullopt;
    }
    return near_distance(t->text);
  }

  // Juxtaposed items; stops at ")" (consumed) when nested.
  std::vector<Clause> sequence(int depth) {
    std::vector<Clause> out;
    while (const Token* t = peek()) {
      if (t->kind == TokenKind::kClose) {
        ++pos_;
        if (depth > 0) break;
        continue;  // a stray ")"
      }
      std::optional<Occurrence> forced;
      if (is_keyword(t, "NOT") && starts_operand(peek(1))) {  // "NOT x" at the start: -x
        ++pos_;
        forced = Occurrence::kMustNot;
      }
      Clause item = or_expression(depth);
      if (forced) item.occurrence = *forced;
      append_item(std::move(item), out);
    }
    return out;
  }

  // AND and plain groups inside a sequence mean their members; splicing them keeps natural text
  // with parentheses ranked exactly like the same words without them.
  static void append_item(Clause item, std::vector<Clause>& out) {
    if (item.occurrence == Occurrence::kShould &&
        (item.kind == ClauseKind::kAll || item.kind == ClauseKind::kGroup)) {
      for (Clause& child : item.children) out.push_back(std::move(child));
      return;
    }
    out.push_back(std::move(item));
  }

  Clause or_expression(int depth) {
    Clause first = and_expression(depth);
    if (!binary_operator("OR")) return first;
    Clause any;
    any.kind = ClauseKind::kAny;
    any.children.push_back(operand(std::move(first)));
    while (binary_operator("OR")) {
      ++pos_;
      any.children.push_back(operand(and_expression(depth)));
    }
    return any;
  }

  Clause and_expression(int depth) {
    Clause first = near_expression(depth);
    if (!binary_operator("AND") && !binary_operator("NOT")) return first;
    Clause all;
    all.kind = ClauseKind::kAll;
    if (first.occurrence != Occurrence::kMustNot) first.occurrence = Occurrence::kMust;
    all.children.push_back(std::move(first));
    while (binary_operator("AND") || binary_operator("NOT")) {
      bool negated = is_keyword(peek(), "NOT");
      ++pos_;
      if (!negated && binary_operator("NOT")) {  // "AND NOT"
        negated = true;
        ++pos_;
      }
      Clause next = near_expression(depth);
      next.occurrence = negated || next.occurrence == Occurrence::kMustNot ? Occurrence::kMustNot
                                                                           : Occurrence::kMust;
      all.children.push_back(std::move(next));
    }
    return all;
  }

  Clause near_expression(int depth) {
    Clause first = primary(depth);
    std::optional<unsigned> distance = near_operator();
    if (!distance) return first;
    Clause near;
    near.kind = ClauseKind::kNear;
    near.distance = *distance;
    near.occurrence = first.occurrence;
    near.children.push_back(operand(std::move(first)));
    while ((distance = near_operator())) {
      ++pos_;
      near.distance = std::max(near.distance, *distance);
      near.children.push_back(operand(primary(depth)));
    }
    return near;
  }

  // An operand of OR / NEAR: its own sign has no meaning there.
  static Clause operand(Clause clause) {
    clause.occurrence = Occurrence::kShould;
    return clause;
  }

  Clause primary(int depth) {
    const Token& t = tokens_[pos_++];
    Clause clause;
    clause.occurrence = t.sign;
    if (t.kind == TokenKind::kOpen) {
      if (depth >= kMaxDepth) return primary_or_empty(depth);
      clause.kind = ClauseKind::kGroup;
      clause.children = sequence(depth + 1);
      return clause;
    }
    clause.text = t.text;
    if (t.kind == TokenKind::kPhrase) {
      clause.kind = ClauseKind::kPhrase;
    } else if (t.field == ClauseKind::kDate) {
      if (std::optional<Clause> date = date_clause(t.text)) {
        date->occurrence = t.sign;
        return *date;
      }
      clause.text = "date:" + t.text;  // not a date: the words, as typed
    } else if (t.field) {
      clause.kind = *t.field;
    } else if (t.text.size() > 2 && t.text.back() == '*') {
      const size_t stars = t.text.size() - t.text.find_last_not_of('*') - 1;
      if (t.text.size() - stars >= 2 && t.text.find('*') == t.text.size() - stars) {
        clause.kind = ClauseKind::kWildcard;
        clause.text.resize(t.text.size() - stars);
      }
    }
    return clause;
  }

  // Past kMaxDepth an opening parenthesis is skipped; what follows is read as usual.
  Clause primary_or_empty(int depth) {
    while (peek() != nullptr && peek()->kind == TokenKind::kOpen) ++pos_;
    if (peek() == nullptr || peek()->kind == TokenKind::kClose) return Clause{};
    return primary(depth);
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
};

}  // namespace

std::vector<Clause> parse_query(std::string_view input) {
  std::vector<Clause> clauses = Parser(Lexer(input).tokens()).parse();
  // Empty clauses (from skipped parentheses) carry nothing.
  std::erase_if(clauses, [](const Clause& c) {
    return c.kind == ClauseKind::kWord && c.text.empty() && c.children.empty();
  });
  return clauses;
}

}  // namespace fundstelle::query
