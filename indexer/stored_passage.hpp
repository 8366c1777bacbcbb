// What the index keeps of each passage in its document data, so that the query tool can print a
// hit without reopening the source file.
#pragma once

#include <map>
#include <string>

namespace fundstelle {

struct StoredPassage {
  std::string docid;  // the article's stable id (relative path, ...)
  int passage = 0;    // 1-based passage number within the article
  int passage_count = 0;
  std::string title;
  std::string source;  // where the article was read from (absolute path)
  std::string text;    // the passage text, a slice of the article text
  size_t start = 0;    // byte offsets of `text` in the article text
  size_t end = 0;
  std::map<std::string, std::string> metadata;  // author, published, url, ... (extract::meta keys)

  bool operator==(const StoredPassage&) const = default;
};

// Encodes as a compact JSON object; decode returns false on data this version cannot read.
[[nodiscard]] std::string encode_stored_passage(const StoredPassage& passage);
[[nodiscard]] bool decode_stored_passage(const std::string& data, StoredPassage& out);

}  // namespace fundstelle
