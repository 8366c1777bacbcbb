#include "search/article_reader.hpp"

#include <algorithm>
#include <cctype>

#include "schema.hpp"

namespace fundstelle::query {
namespace {

std::string bounded_term(std::string_view prefix, const std::string& value) {
  std::string term(prefix);
  term += value.substr(0, 240 - term.size());
  return term;
}

}  // namespace

std::string article_term(const std::string& docid) {
  return bounded_term(schema::kArticleId, docid);
}

std::string passage_term(const std::string& docid, int n) {
  return bounded_term(schema::kPassageId, docid + "#" + std::to_string(n));
}

std::optional<StoredArticle> read_article(const Xapian::Database& db, const std::string& docid) {
  StoredArticle article;
  article.docid = docid;
  const std::string term = article_term(docid);
  // Ids longer than the term limit share a term: the stored docid tells them apart.
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    StoredPassage passage;
    if (!decode_stored_passage(db.get_document(*it).get_data(), passage)) continue;
    if (passage.docid != docid) continue;
    article.passages.push_back(std::move(passage));
  }
  if (article.passages.empty()) return std::nullopt;
  std::sort(article.passages.begin(), article.passages.end(),
            [](const StoredPassage& a, const StoredPassage& b) { return a.passage < b.passage; });
  return article;
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
