#include "pipeline/content_hash.hpp"

#include <cstdio>

#include "analysis/german_analyzer.hpp"
#include "extract/extractor.hpp"
#include "schema.hpp"
#include "stored_passage.hpp"

namespace fundstelle::pipeline {

std::string content_hash(std::string_view bytes) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a
  const auto mix = [&hash](std::string_view data) {
    for (unsigned char c : data) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
  };
  mix(bytes);
  mix(std::to_string(extract::kExtractorVersion));
  mix(analysis::kAnalyzerName);
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

StoredHashLookup::StoredHashLookup(std::vector<std::string> shard_paths)
    : paths_(std::move(shard_paths)) {
  for (const std::string& path : paths_) shards_.emplace_back(path);
}

std::string StoredHashLookup::find(unsigned shard, const std::string& docid) {
  const std::string term = article_term(docid);
  // A writer committing meanwhile can invalidate this reader's revision: reopen and retry.
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Database& db = shards_[shard];
      // The hash is on the first passage, which is added first: the article's first posting.
      Xapian::PostingIterator it = db.postlist_begin(term);
      if (it == db.postlist_end(term)) return {};
      return db.get_document(*it).get_value(schema::kSlotContentHash);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 3) throw;
      shards_[shard].reopen();
    }
  }
}

}  // namespace fundstelle::pipeline
