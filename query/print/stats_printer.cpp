#include <fmt/format.h>

#include <algorithm>

#include "print/plain_text.hpp"
#include "print/printer.hpp"

namespace fundstelle::query {
namespace {

std::string human_bytes(uint64_t bytes) {
  if (bytes >= 1024ull * 1024 * 1024) return fmt::format("{:.1f} GiB", bytes / 1073741824.0);
  if (bytes >= 1024ull * 1024) return fmt::format("{:.1f} MiB", bytes / 1048576.0);
  return fmt::format("{:.1f} KiB", bytes / 1024.0);
}

// "html 2, xml 1", largest first.
std::string tally(const std::map<std::string, uint64_t>& counts) {
  std::vector<std::pair<std::string, uint64_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string line;
  for (const auto& [name, n] : sorted) {
    line += fmt::format("{}{} {}", line.empty() ? "" : ", ", name.empty() ? "(unknown)" : name, n);
  }
  return line.empty() ? "-" : line;
}

}  // namespace

void print_stats_text(const IndexStats& stats, const TextStyle& style, std::ostream& out) {
  const auto row = [&](const char* label, const std::string& value) {
    out << fmt::format("{:<16}", label);
    print_wrapped(value, {}, style, "", out);
  };
  std::string shards;
  for (const std::string& shard : stats.shards) shards += (shards.empty() ? "" : ", ") + shard;
  row("shards:", fmt::format("{} ({})", stats.shards.size(), shards));
  row("articles:", std::to_string(stats.articles));
  row("passages:", std::to_string(stats.passages));
  row("terms:", std::to_string(stats.terms));
  row("size on disk:",
      stats.bytes_on_disk ? human_bytes(*stats.bytes_on_disk) : "unknown (remote shards)");
  row("sources:", tally(stats.kinds));
  row("sites:", tally(stats.sites));
  row("last update:", stats.last_update.empty() ? "-" : stats.last_update);
  row("schema version:", stats.schema_version);
}

}  // namespace fundstelle::query
