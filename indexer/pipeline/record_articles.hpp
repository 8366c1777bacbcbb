// From a raw input record to the articles it holds: one for a page or a text, many for a feed,
// one (or none: redirects, other namespaces) for a MediaWiki dump page.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "extract/article.hpp"
#include "extract/xml_map.hpp"
#include "sources/input_record.hpp"

namespace fundstelle::pipeline {

struct RecordArticle {
  std::string docid;         // stable id in the index
  std::string content_hash;  // fingerprint for incremental re-runs
  extract::Article article;
};

struct RecordOutcome {
  std::vector<RecordArticle> articles;
  std::vector<std::string> errors;     // the record or parts of it (a feed item) could not be read
  std::string filtered;                // deliberately not indexed ("redirect", "namespace 1")
  std::vector<std::string> unchanged;  // docids of articles the index already holds as they are
};

// `is_unchanged(docid, hash)` tells whether the index already holds that fingerprint; asked
// before extraction where the docid is known up front, so unchanged files cost no parsing.
using UnchangedCheck = std::function<bool(const std::string& docid, const std::string& hash)>;

// With `xml_map` (--xml-map), an XML input in which the map finds records gives one article per
// record, docid "FILE#id"; other inputs are read as usual.
[[nodiscard]] RecordOutcome extract_record(const sources::InputRecord& record,
                                           const UnchangedCheck& is_unchanged,
                                           const extract::XmlMap* xml_map = nullptr);

}  // namespace fundstelle::pipeline
