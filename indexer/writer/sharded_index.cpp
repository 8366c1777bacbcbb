#include "writer/sharded_index.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "schema.hpp"
#include "stem_words.hpp"

namespace fundstelle::writer {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStubFile = "XAPIANDB";
// While shards are merged: the merged shard's name, then the old shards' names, one per line.
constexpr const char* kMergeFile = "MERGING";

// "shard0", "shard17": the names this index gives its shard directories.
bool is_shard_name(const std::string& name) {
  return name.size() > 5 && name.starts_with("shard") &&
         name.find_first_not_of("0123456789", 5) == std::string::npos;
}

// Shard directories named in the stub file, in order ("auto shard0" per line).
std::vector<fs::path> read_stub(const fs::path& dir) {
  std::vector<fs::path> paths;
  std::ifstream in(dir / kStubFile);
  for (std::string line; std::getline(in, line);) {
    const size_t space = line.find(' ');
    if (space == std::string::npos || line.starts_with("#")) continue;
    paths.push_back(dir / line.substr(space + 1));
  }
  return paths;
}

// Writes `lines` to dir/name through a renamed temporary file: readers never see half of it.
void write_atomically(const fs::path& dir, const std::string& name,
                      const std::vector<std::string>& lines) {
  const fs::path temporary = dir / (name + ".tmp");
  {
    std::ofstream out(temporary);
    for (const std::string& line : lines) out << line << '\n';
    if (!out) throw IndexError("cannot write " + (dir / name).string());
  }
  fs::rename(temporary, dir / name);
}

void write_stub(const fs::path& dir, const std::vector<std::string>& shard_names) {
  std::vector<std::string> lines;
  for (const std::string& name : shard_names) lines.push_back("auto " + name);
  write_atomically(dir, kStubFile, lines);
}

// A merge that was killed: if the stub already names the merged shard, the old shards go;
// otherwise the unfinished merged shard goes and the old ones stay the index.
void finish_interrupted_merge(const fs::path& dir) {
  std::ifstream in(dir / kMergeFile);
  if (!in) return;
  std::vector<std::string> names;
  for (std::string line; std::getline(in, line);) {
    if (is_shard_name(line)) names.push_back(line);
  }
  const std::vector<fs::path> listed = read_stub(dir);
  std::error_code ignored;
  if (!names.empty()) {
    const bool merged = listed.size() == 1 && listed.front().filename() == names.front();
    if (merged) {
      for (size_t i = 1; i < names.size(); ++i) fs::remove_all(dir / names[i], ignored);
    } else {
      fs::remove_all(dir / names.front(), ignored);
    }
  }
  fs::remove(dir / kMergeFile, ignored);
}

// Compaction keeps one shard's value of a metadata key found in several. That is right for the
// schema version, the analyzer and the vocabulary (the same everywhere) but not for the stem
// lexicon, where each shard lists the words of its own articles: those entries are joined.
class StemLexiconMerger : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string& key, size_t num_tags,
                                         const std::string tags[]) override {
    // Xapian 1.4.22 passes the key as its table stores it, behind a two-byte prefix.
    std::string_view name = key;
    if (constexpr std::string_view kStored("\0\xc0", 2); name.starts_with(kStored)) {
      name.remove_prefix(kStored.size());
    }
    if (!is_stem_lexicon_key(name)) return tags[0];
    std::string joined = tags[0];
    for (size_t i = 1; i < num_tags; ++i) {
      for (const std::string& word : decode_stem_words(tags[i])) add_stem_word(joined, word);
    }
    return joined;
  }
};

}  // namespace

ShardedIndex::ShardedIndex(const fs::path& dir, unsigned shards_if_new) : dir_(dir) {
  // Xapian buffers this many changed documents per database before it flushes. Its default
  // (10,000) is tuned for whole articles; with passages, 1,000 measured faster (16.6 s against
  // 19.3 s on 20 MB of HTML) and used a quarter of the memory. A user's setting wins.
  setenv("XAPIAN_FLUSH_THRESHOLD", "1000", /*overwrite=*/0);
  std::error_code error;
  if (fs::exists(dir / kStubFile, error)) {
    finish_interrupted_merge(dir);
    paths_ = read_stub(dir);
    if (paths_.empty())
      throw IndexError("index stub " + (dir / kStubFile).string() + " lists no shards");
    for (const fs::path& path : paths_) shards_.push_back(std::make_unique<IndexWriter>(path));
    return;
  }
  if (fs::exists(dir / "iamglass", error)) {
    paths_.push_back(dir);
    shards_.push_back(std::make_unique<IndexWriter>(dir));
    return;
  }
  // A new index: the shards first, the stub last (renamed into place), so that readers see
  // either no index or a complete one. A creation interrupted before the stub left only shard
  // directories; it is resumed with as many shards as it had begun.
  fs::create_directories(dir, error);
  if (error)
    throw IndexError("cannot create index directory " + dir.string() + ": " + error.message());
  unsigned begun = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    if (!is_shard_name(entry.path().filename().string())) {
      throw IndexError(dir.string() + " exists and is not a Fundstelle index; choose another --db");
    }
    ++begun;
  }
  const unsigned shards = begun > 0 ? begun : std::max(1u, shards_if_new);
  for (unsigned i = 0; i < shards; ++i) {
    paths_.push_back(dir / ("shard" + std::to_string(i)));
    // Killed while Xapian created it: the directory holds no committed revision yet.
    if (fs::exists(paths_.back(), error) && !fs::exists(paths_.back() / "iamglass", error)) {
      fs::remove_all(paths_.back(), error);
    }
    shards_.push_back(std::make_unique<IndexWriter>(paths_.back()));
  }
  // Before the stub: a reader or rerun that sees the index sees the mark.
  for (const std::unique_ptr<IndexWriter>& shard : shards_) {
    shard->set_metadata(schema::kMetaMergePending, "1");
  }
  std::vector<std::string> names;
  for (const fs::path& path : paths_) names.push_back(path.filename().string());
  write_stub(dir, names);
}

bool ShardedIndex::merge_pending() const {
  return !shards_.empty() && shards_.front()->metadata(schema::kMetaMergePending) == "1";
}

bool ShardedIndex::merge_into_one() {
  if (!fs::exists(dir_ / kStubFile)) return false;  // a plain Xapian database: xapian-compact
  // Only this index's own shard directories are merged and then removed; a stub edited to
  // name databases elsewhere is left alone.
  unsigned next = 0;
  for (const fs::path& path : paths_) {
    const std::string name = path.filename().string();
    if (!is_shard_name(name) || path != dir_ / name) return false;
    next = std::max(next, static_cast<unsigned>(std::stoul(name.substr(5))) + 1);
  }
  const std::string merged_name = "shard" + std::to_string(next);
  const fs::path merged = dir_ / merged_name;
  const std::vector<fs::path> old_paths = paths_;
  std::vector<std::string> plan = {merged_name};
  for (const fs::path& path : old_paths) plan.push_back(path.filename().string());
  write_atomically(dir_, kMergeFile, plan);

  shards_.clear();  // close the writers (everything is committed) so that no lock is held
  try {
    Xapian::Database sources;
    for (const fs::path& path : old_paths) sources.add_database(Xapian::Database(path.string()));
    StemLexiconMerger merger;
    sources.compact(merged.string(), Xapian::DBCOMPACT_MULTIPASS, 0, merger);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot merge the shards of " + dir_.string() + " into " + merged.string() +
                     ": " + e.get_description());
  }
  write_stub(dir_, {merged_name});  // from here on the index is the merged shard
  std::error_code ignored;
  for (const fs::path& path : old_paths) fs::remove_all(path, ignored);
  fs::remove(dir_ / kMergeFile, ignored);
  paths_ = {merged};
  shards_.push_back(std::make_unique<IndexWriter>(merged));
  shards_.front()->set_metadata(schema::kMetaMergePending, "");  // compaction copied the mark
  return true;
}

unsigned ShardedIndex::shard_of(std::string_view docid) const {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a: stable across runs and platforms
  for (unsigned char c : docid) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return static_cast<unsigned>(hash % shards_.size());
}

}  // namespace fundstelle::writer
