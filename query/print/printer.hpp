// Printing hits, counts, articles and index facts. Printers write to any stream and never see
// Xapian types.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "search/hit.hpp"
#include "search/index_stats.hpp"
#include "search/article_passages.hpp"

namespace fundstelle::query {

struct TextStyle {
  bool color = false;  // ANSI bold/colour for highlights and headers
  size_t width = 100;  // wrap text to this many columns
  bool utf8 = true;    // false: the terminal's locale cannot show UTF-8; print ASCII spellings
};

// Human-readable: per hit a header (rank, score, title), a line with docid, passage number,
// date/author/site where known and source, then the passage wrapped with matches highlighted,
// then the explanation if the hit has one.
void print_text(const std::vector<Hit>& hits, const TextStyle& style, std::ostream& out);

// JSON Lines, one object per hit; the format is documented in README.md ("JSON output").
// A non-empty `query_id` (batch runs) is added as the first key.
inline constexpr int kJsonFormatVersion = 1;
void print_json(const std::vector<Hit>& hits, std::ostream& out, const std::string& query_id = {});

// TREC run lines: "qid Q0 docid#passage rank score run_name".
void print_trec(const std::string& query_id, const std::vector<Hit>& hits,
                const std::string& run_name, std::ostream& out);

// --count: "3 articles, 12 passages" or one JSON object.
void print_count_text(size_t articles, size_t passages, std::ostream& out);
void print_count_json(size_t articles, size_t passages, std::ostream& out);

// --show: the article's metadata, then every passage under a "#n" marker, passage `chosen`
// (0: none) highlighted — in colour, else marked with '>' at the start of its lines.
void print_article_text(const ArticlePassages& article, int chosen, const TextStyle& style,
                        std::ostream& out);
// One JSON object: format_version, docid, title, source, metadata keys, passage_count, chosen,
// passages: [{passage, start, end, text}].
void print_article_json(const ArticlePassages& article, int chosen, std::ostream& out);

// --stats, as aligned lines or one JSON object.
void print_stats_text(const IndexStats& stats, const TextStyle& style, std::ostream& out);
void print_stats_json(const IndexStats& stats, std::ostream& out);

}  // namespace fundstelle::query
