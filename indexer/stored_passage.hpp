// What the index keeps of passages and articles, so that the query tool can print a hit or a whole
// article without reopening the source file. The one place that writes and reads document data.
//
// Stored once per article (in its first passage's document data): title, source, passage count,
// metadata. Stored per passage: its text; docid, passage number and offsets are value slots
// (schema.hpp). Measured on 20 MB of HTML: storing the article once instead of a JSON object with
// everything on every passage made indexing faster and the index smaller (README, "Indexing").
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fundstelle {

// The article-level part: the same for all passages of an article.
struct StoredArticle {
  std::string docid;  // the article's stable id (relative path, ...)
  std::string title;
  std::string source;  // where the article was read from (absolute path)
  int passage_count = 0;
  std::map<std::string, std::string> metadata;  // author, published, url, ... (extract::meta keys)

  bool operator==(const StoredArticle&) const = default;
};

// One passage with its article's fields, as the query tool shows a hit.
struct StoredPassage {
  std::string docid;
  int passage = 0;  // 1-based passage number within the article
  int passage_count = 0;
  std::string title;
  std::string source;
  std::string text;  // the passage text, a slice of the article text
  size_t start = 0;  // byte offsets of `text` in the article text
  size_t end = 0;
  std::map<std::string, std::string> metadata;

  bool operator==(const StoredPassage&) const = default;
};

// An article with the text of all its passages, in passage order.
struct StoredArticleText {
  StoredArticle article;
  std::vector<StoredPassage> passages;
};

// --- Writing ---------------------------------------------------------------------------------

// The document data of a passage: its text, and for the first passage of an article (`article`
// not null) the article's fields. Bytes are stored as they are (no escaping, no validation).
[[nodiscard]] std::string encode_passage_data(std::string_view text, const StoredArticle* article);

// The term all passages of the article `docid` carry ("Q" + docid, bounded to Xapian's term
// length limit); the writer replaces and deletes articles by it.
[[nodiscard]] std::string article_term(std::string_view docid);

// --- Reading ---------------------------------------------------------------------------------

// Decoded document data. `article` is set only for an article's first passage (without docid,
// which is a value slot). False on data this version cannot read.
struct PassageData {
  std::string text;
  std::optional<StoredArticle> article;
};
[[nodiscard]] bool decode_passage_data(std::string_view data, PassageData& out);

// Reads passages and articles from an open index (one or several shards). Caches article
// records, so many hits of one article cost one lookup. Not thread-safe.
class StoredIndexReader {
 public:
  explicit StoredIndexReader(Xapian::Database db) : db_(std::move(db)) {}

  // The passage stored in `doc` (a document of this database) with its article's fields;
  // nullopt for data this version cannot read.
  [[nodiscard]] std::optional<StoredPassage> passage(const Xapian::Document& doc);

  // Only the text stored in `doc`: no value slot and no article record is read, so comparing
  // passages costs one read each (Xapian keeps the data for a later passage()).
  [[nodiscard]] static std::optional<std::string> passage_text(const Xapian::Document& doc);

  // The article `docid` with all passages' text; nullopt if the index does not hold it.
  [[nodiscard]] std::optional<StoredArticleText> article(std::string_view docid);

  // The article record of `docid` (metadata, passage count); nullopt if not in the index.
  [[nodiscard]] std::optional<StoredArticle> article_record(std::string_view docid);

  // The text of passage `n` (1-based) of article `docid`; nullopt if there is no such passage.
  [[nodiscard]] std::optional<std::string> passage_text(std::string_view docid, int n);

 private:
  Xapian::Database db_;
  std::unordered_map<std::string, std::optional<StoredArticle>> articles_;
};

}  // namespace fundstelle
