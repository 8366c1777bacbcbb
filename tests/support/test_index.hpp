// A small real Fundstelle index for search tests: one passage per paragraph.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "analysis/german_analyzer.hpp"
#include "writer/document_builder.hpp"
#include "writer/index_writer.hpp"

namespace fundstelle::testing {

struct TestArticle {
  std::string docid;
  std::string title;
  std::vector<std::string> paragraphs;  // one passage each
  std::map<std::string, std::string> metadata = {};
};

inline void write_index(const std::filesystem::path& path,
                        const std::vector<TestArticle>& articles) {
  analysis::GermanAnalyzer analyzer;
  writer::IndexWriter writer(path);
  for (const TestArticle& a : articles) {
    writer::IndexedArticle input;
    input.docid = a.docid;
    input.source = "/data/" + a.docid;
    input.article.title = a.title;
    input.article.metadata = a.metadata;
    for (const std::string& p : a.paragraphs) {
      input.article.blocks.push_back({extract::BlockKind::kParagraph, p, 0});
    }
    input.passages = passages::split_passages(input.article, {.max_bytes = 1000, .min_bytes = 10});
    writer.replace_article(input.docid, writer::build_documents(input, analyzer));
  }
  writer.commit();
}

}  // namespace fundstelle::testing
