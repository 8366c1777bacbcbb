#include "search/index_stats.hpp"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "schema.hpp"
#include "search/shards.hpp"
#include "stored_passage.hpp"

namespace fundstelle::query {
namespace {

namespace fs = std::filesystem;

uint64_t directory_bytes(const fs::path& dir) {
  uint64_t total = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error)) total += it->file_size(error);
  }
  return total;
}

// What kind of source an article came from: "url" for web sources, else the file extension
// (an archive member or a feed item's guid gives the inner name's extension).
std::string source_kind(const std::string& source) {
  if (source.rfind("http://", 0) == 0 || source.rfind("https://", 0) == 0) return "url";
  std::string extension = fs::path(source).extension().string();
  if (extension.size() > 1) extension.erase(0, 1);
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension.empty() || extension.size() > 8) return "other";
  return extension;
}

}  // namespace

IndexStats compute_index_stats(const Xapian::Database& db, const std::vector<OpenShard>& shards) {
  IndexStats stats;
  stats.passages = db.get_doccount();
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) ++stats.terms;
  const std::string article_prefix(schema::kArticleId);
  StoredIndexReader stored_index(db);
  for (auto it = db.allterms_begin(article_prefix); it != db.allterms_end(article_prefix); ++it) {
    ++stats.articles;
    const Xapian::PostingIterator first = db.postlist_begin(*it);
    if (first == db.postlist_end(*it)) continue;
    const std::optional<StoredPassage> passage = stored_index.passage(db.get_document(*first));
    if (!passage) continue;
    const auto site = passage->metadata.find("site_name");
    ++stats.sites[site == passage->metadata.end() ? "" : site->second];
    ++stats.kinds[source_kind(passage->source)];
  }
  // A combined database answers metadata from its first shard only: ask each shard.
  uint64_t bytes = 0;
  bool all_local = true;
  for (const OpenShard& shard : shards) {
    stats.shards.push_back(shard.spec.name());
    stats.last_update = std::max(stats.last_update, shard.db.get_metadata(schema::kMetaLastUpdate));
    if (stats.schema_version.empty()) {
      stats.schema_version = shard.db.get_metadata(schema::kMetaSchemaVersion);
    }
    if (shard.spec.kind == ShardSpec::Kind::kLocal) {
      bytes += directory_bytes(shard.spec.path);
    } else {
      all_local = false;
    }
  }
  if (all_local) stats.bytes_on_disk = bytes;
  return stats;
}

}  // namespace fundstelle::query
