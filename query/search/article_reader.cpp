#include "search/article_reader.hpp"

#include <algorithm>
#include <cctype>

#include "schema.hpp"
#include "stored_passage.hpp"

namespace fundstelle::query {

Xapian::Query passage_filter(const std::string& docid, int n) {
  const std::string number = Xapian::sortable_serialise(static_cast<double>(n));
  return Xapian::Query(
      Xapian::Query::OP_FILTER, Xapian::Query(article_term(docid)),
      Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotPassage, number, number));
}

std::optional<ArticlePassages> read_article(const Xapian::Database& db, const std::string& docid) {
  std::optional<StoredArticleText> stored = StoredIndexReader(db).article(docid);
  if (!stored || stored->passages.empty()) return std::nullopt;
  return ArticlePassages{docid, std::move(stored->passages)};
}

ArticleRef parse_article_ref(const std::string& text) {
  ArticleRef ref{text, 0};
  const size_t hash = text.rfind('#');
  if (hash == std::string::npos || hash + 1 >= text.size() || hash + 6 < text.size()) return ref;
  for (size_t i = hash + 1; i < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return ref;
  }
  ref.docid = text.substr(0, hash);
  ref.passage = std::stoi(text.substr(hash + 1));
  return ref;
}

}  // namespace fundstelle::query
