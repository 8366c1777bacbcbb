// Building the Xapian documents of one article: one document per passage, as schema.hpp defines.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "analysis/german_analyzer.hpp"
#include "extract/article.hpp"
#include "passages/passage_splitter.hpp"
#include "stem_words.hpp"
#include "stored_passage.hpp"  // article_term

namespace fundstelle::writer {

// An article ready to be indexed.
struct IndexedArticle {
  std::string docid;   // stable id, unique in the index
  std::string source;  // where it was read from
  std::string content_hash;
  extract::Article article;
  std::vector<passages::Passage> passages;
};

// What the index writer stores for one article.
struct ArticleDocuments {
  std::vector<Xapian::Document> passages;  // in passage order
  std::vector<StemWord> stem_words;        // for the stem lexicon; sorted, unique
  std::vector<std::string> vocabulary;     // every word once, for spelling suggestions
};

// Builds the documents for `input`. Not thread-safe (uses `analyzer`).
[[nodiscard]] ArticleDocuments build_documents(const IndexedArticle& input,
                                               analysis::GermanAnalyzer& analyzer);

}  // namespace fundstelle::writer
