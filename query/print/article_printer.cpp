#include <fmt/format.h>

#include "print/plain_text.hpp"
#include "print/printer.hpp"

namespace fundstelle::query {

void print_article_text(const ArticlePassages& article, int chosen, const TextStyle& style,
                        std::ostream& out) {
  const StoredPassage& first = article.passages.front();
  const std::string title = first.title.empty() ? article.docid : first.title;
  out << (style.color ? kAnsiBold : "") << displayable(title, style)
      << (style.color ? kAnsiReset : "") << '\n';
  const auto field = [&](const char* label, const std::string& value) {
    if (!value.empty()) out << fmt::format("{:<12}{}\n", label, displayable(value, style));
  };
  const auto meta = [&](const char* key) {
    const auto it = first.metadata.find(key);
    return it == first.metadata.end() ? std::string() : it->second;
  };
  field("docid:", article.docid);
  field("published:", meta("published"));
  field("modified:", meta("modified"));
  field("author:", meta("author"));
  field("site:", meta("site_name"));
  field("url:", meta("url"));
  field("source:", first.source);
  field("language:", meta("language"));
  field("tags:", meta("tags"));
  field("passages:", std::to_string(article.passages.size()));

  for (const StoredPassage& passage : article.passages) {
    const bool is_chosen = passage.passage == chosen;
    const std::string marker =
        fmt::format("{} #{} {}", is_chosen ? "▶" : "─", passage.passage, "──────────");
    out << '\n'
        << (style.color && is_chosen ? kAnsiBold : "") << displayable(marker, style)
        << (style.color && is_chosen ? kAnsiReset : "") << '\n';
    if (!is_chosen) {
      print_wrapped(passage.text, {}, style, "", out);
    } else if (style.color) {
      // The whole passage is the highlight.
      print_wrapped(passage.text, {{0, passage.text.size()}}, style, "", out, kAnsiBold);
    } else {
      print_wrapped(passage.text, {}, style, "> ", out);
    }
  }
}

}  // namespace fundstelle::query
