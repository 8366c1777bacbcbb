// Facts about an open index for --stats: plain data, printable without Xapian.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Xapian {
class Database;
}

namespace fundstelle::query {

struct OpenShard;

struct IndexStats {
  uint64_t articles = 0;
  uint64_t passages = 0;
  uint64_t terms = 0;                     // distinct terms, all prefixes
  std::optional<uint64_t> bytes_on_disk;  // local shards only; unset if any shard is remote
  std::vector<std::string> shards;        // as named by ShardSpec::name()
  std::map<std::string, uint64_t> sites;  // articles per site name ("" = unknown)
  std::map<std::string, uint64_t> kinds;  // articles per source kind: html, xml, txt, url, ...
  std::string last_update;                // newest fundstelle.last_update of all shards
  std::string schema_version;
};

// Counts over `db` (all `shards` combined); local shards are measured on disk. Reads one stored
// passage per article; Xapian errors propagate.
[[nodiscard]] IndexStats compute_index_stats(const Xapian::Database& db,
                                             const std::vector<OpenShard>& shards);

}  // namespace fundstelle::query
