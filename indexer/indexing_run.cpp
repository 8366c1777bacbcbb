#include "indexing_run.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_set>

#include "extract/extractor.hpp"
#include "extract/xml_map.hpp"
#include "index_location.hpp"
#include "passages/passage_splitter.hpp"
#include "pipeline/bounded_queue.hpp"
#include "pipeline/content_hash.hpp"
#include "pipeline/record_articles.hpp"
#include "progress.hpp"
#include "sources/file_walker.hpp"
#include "sources/input_reader.hpp"
#include "writer/document_builder.hpp"
#include "writer/extract_printer.hpp"
#include "writer/sharded_index.hpp"

namespace fundstelle {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A missing input is a mistake in the command, not a bad file: fail before writing anything.
void require_inputs(const cli::IndexOptions& options) {
  const auto missing = sources::missing_paths(options.inputs);
  if (!missing.empty()) {
    throw std::runtime_error("no such file or directory: " + missing.front().string());
  }
}

// A bad map is a mistake in the command: fail before anything is indexed.
std::shared_ptr<const extract::XmlMap> load_xml_map(const cli::IndexOptions& options) {
  if (options.xml_map.empty()) return nullptr;
  Result<std::shared_ptr<const extract::XmlMap>> map = extract::XmlMap::load(options.xml_map);
  if (!map) throw std::runtime_error(map.error().reason);
  return map.value();
}

// Passages waiting for each shard's writer. A writer stops taking articles while Xapian flushes
// its buffer (every 1,000 passages); the queue has to hold what the workers make meanwhile, or
// they block on it and the other shards' writers run dry.
constexpr size_t kShardQueuePassages = 2048;

unsigned threads_or_cores(unsigned requested) {
  return requested > 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

// The run's counters, shared by all threads.
class Tally {
 public:
  void skip(const std::string& where, const std::string& reason) {
    spdlog::warn("skipped {}: {}", where, reason);
    std::lock_guard lock(mutex_);
    ++summary_.skipped;
    // Group by the reason's head ("XML parse error at offset 12" -> "XML parse error at offset").
    ++summary_.skipped_reasons[reason.substr(0, reason.find_first_of(":0123456789"))];
  }
  void filtered(const std::string& reason) {
    std::lock_guard lock(mutex_);
    ++summary_.filtered_reasons[reason.substr(0, reason.find_first_of(":0123456789"))];
  }
  void add(size_t RunSummary::*field, size_t amount) {
    std::lock_guard lock(mutex_);
    summary_.*field += amount;
  }
  [[nodiscard]] RunSummary result(Clock::time_point start) {
    std::lock_guard lock(mutex_);
    summary_.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary_;
  }

 private:
  std::mutex mutex_;
  RunSummary summary_;
};

// Walks the inputs and reads every file into records, in order, on the calling thread.
void produce_records(const cli::IndexOptions& options, Tally& tally, ProgressCounters& progress,
                     const std::function<void(sources::InputRecord&&)>& consume) {
  sources::RecordSink sink;
  sink.record = [&](sources::InputRecord&& record) {
    tally.add(&RunSummary::bytes, record.bytes.size());
    progress.text_bytes += record.bytes.size();
    consume(std::move(record));
  };
  sink.error = [&](const std::string& where, const std::string& reason) {
    tally.skip(where, reason);
  };
  sources::WalkCallbacks walk;
  walk.error = [&](const fs::path& path, const std::string& reason) {
    tally.skip(path.string(), reason);
  };
  walk.file = [&](const sources::InputFile& file) {
    tally.add(&RunSummary::files, 1);
    sources::read_input(file, sources::ReadLimits{}, sink);
    std::error_code ignored;
    progress.input_bytes_done += fs::file_size(file.path, ignored);
    ++progress.files_done;
  };
  sources::walk_inputs(options.inputs, walk, options.excludes);
}

// The progress line is for people: only on a terminal, never with --quiet. Knowing the total
// size (a quick walk that only stats files) gives it a bar and an ETA.
std::unique_ptr<ProgressLine> progress_line(const cli::IndexOptions& options,
                                            const ProgressCounters& counters) {
  if (options.quiet || isatty(STDERR_FILENO) == 0) return nullptr;
  uint64_t total = 0;
  sources::WalkCallbacks walk;
  walk.error = [](const fs::path&, const std::string&) {};
  walk.file = [&](const sources::InputFile& file) {
    std::error_code ignored;
    total += fs::file_size(file.path, ignored);
  };
  sources::walk_inputs(options.inputs, walk, options.excludes);
  return std::make_unique<ProgressLine>(counters, total);
}

// What a worker hands to a shard's writer: an article's documents, ready to replace the old.
struct PreparedArticle {
  std::string docid;
  writer::ArticleDocuments documents;
};

}  // namespace

// Pipeline: this thread walks and reads (I/O, decompression) -> workers extract, split and
// analyse -> one writer thread per shard. Xapian allows one writer per database and writing is
// the most expensive stage, so shards are written in parallel. Bounded queues keep memory flat.
RunSummary run_index(const cli::IndexOptions& options) {
  const auto start = Clock::now();
  require_inputs(options);
  const std::shared_ptr<const extract::XmlMap> xml_map = load_xml_map(options);
  const fs::path db_path = options.db.empty() ? default_index_path() : options.db;
  writer::ShardedIndex index(db_path, threads_or_cores(options.shards));
  const unsigned shard_count = index.shard_count();
  const unsigned worker_count = threads_or_cores(options.jobs);
  Tally tally;
  ProgressCounters progress;
  std::unique_ptr<ProgressLine> progress_display = progress_line(options, progress);

  pipeline::BoundedQueue<sources::InputRecord> records(2 * worker_count + 2);
  std::vector<std::unique_ptr<pipeline::BoundedQueue<PreparedArticle>>> shard_queues;
  for (unsigned i = 0; i < shard_count; ++i) {
    shard_queues.push_back(
        std::make_unique<pipeline::BoundedQueue<PreparedArticle>>(kShardQueuePassages));
  }
  std::mutex failure_mutex;
  std::exception_ptr failure;  // the first fatal error of any thread
  const auto fail = [&](std::exception_ptr error) {
    {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = error;
    }
    records.close();
    for (auto& queue : shard_queues) queue->close();
  };

  std::vector<std::thread> writers;
  for (unsigned shard = 0; shard < shard_count; ++shard) {
    writers.emplace_back([&, shard] {
      writer::IndexWriter& out = index.shard(shard);
      size_t since_commit = 0;
      try {
        while (auto prepared = shard_queues[shard]->pop()) {
          out.replace_article(prepared->docid, prepared->documents);
          if (++since_commit >= options.commit_every) {
            out.commit();
            since_commit = 0;
          }
        }
      } catch (...) {
        fail(std::current_exception());
      }
      try {
        out.commit();  // keep what is done, also after a failure elsewhere
      } catch (...) {
        fail(std::current_exception());
      }
    });
  }

  std::mutex seen_mutex;
  std::unordered_set<std::string> seen;  // --prune: every docid this run found in its inputs

  std::vector<std::string> shard_paths;
  for (unsigned i = 0; i < shard_count; ++i) shard_paths.push_back(index.shard_path(i).string());
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < worker_count; ++w) {
    workers.emplace_back([&] {
      try {
        analysis::GermanAnalyzer analyzer;
        pipeline::StoredHashLookup stored(shard_paths);
        const pipeline::UnchangedCheck is_unchanged = [&](const std::string& docid,
                                                          const std::string& hash) {
          return stored.find(index.shard_of(docid), docid) == hash;
        };
        while (auto record = records.pop()) {
          pipeline::RecordOutcome outcome =
              pipeline::extract_record(*record, is_unchanged, xml_map.get());
          for (const std::string& error : outcome.errors) tally.skip(record->source, error);
          if (!outcome.filtered.empty()) tally.filtered(outcome.filtered);
          tally.add(&RunSummary::unchanged, outcome.unchanged.size());
          if (options.prune) {
            std::lock_guard lock(seen_mutex);
            seen.insert(outcome.unchanged.begin(), outcome.unchanged.end());
            // An input that could not be read this time keeps what the index has of it.
            if (!outcome.errors.empty()) seen.insert(record->docid);
            for (const auto& item : outcome.articles) seen.insert(item.docid);
          }
          for (pipeline::RecordArticle& item : outcome.articles) {
            writer::IndexedArticle indexed;
            indexed.docid = std::move(item.docid);
            indexed.source = record->source;
            indexed.content_hash = std::move(item.content_hash);
            indexed.article = std::move(item.article);
            indexed.passages = passages::split_passages(indexed.article);
            spdlog::debug("{}: {} passages", indexed.docid, indexed.passages.size());
            tally.add(&RunSummary::articles, 1);
            tally.add(&RunSummary::passages, indexed.passages.size());
            ++progress.articles;
            PreparedArticle prepared{indexed.docid, writer::build_documents(indexed, analyzer)};
            const size_t passages = prepared.documents.passages.size();
            if (!shard_queues[index.shard_of(indexed.docid)]->push(std::move(prepared), passages)) {
              return;
            }
          }
        }
      } catch (...) {
        fail(std::current_exception());
      }
    });
  }

  try {
    produce_records(options, tally, progress, [&](sources::InputRecord&& record) {
      if (!records.push(std::move(record))) throw std::runtime_error("indexing stopped");
    });
  } catch (...) {
    fail(std::current_exception());
  }
  records.close();
  for (std::thread& worker : workers) worker.join();
  for (auto& queue : shard_queues) queue->close();
  for (std::thread& writer_thread : writers) writer_thread.join();
  progress_display.reset();
  if (failure) std::rethrow_exception(failure);
  if (options.prune) {
    for (unsigned shard = 0; shard < shard_count; ++shard) {
      tally.add(&RunSummary::pruned, index.shard(shard).prune_except(seen));
    }
  }
  RunSummary summary = tally.result(start);
  // A new index is merged at the end of the run that completes it: the flushes leave the shards'
  // B-tree blocks half full, and searching one compacted database took ~20 % less time at p50
  // and 10–20 % at p99 (bench_query), for a merge of ~10 % of the indexing time.
  if (options.compact || (index.merge_pending() && !options.keep_shards)) {
    if (shard_count > 1) {
      spdlog::info("merging the {} shards into one compacted database", shard_count);
    } else {
      spdlog::info("compacting the index");
    }
    summary.compacted = index.merge_into_one();
    if (!summary.compacted && options.compact) {
      spdlog::warn(
          "--compact: {} is not a set of shards this indexer made; not merged (use "
          "xapian-compact)",
          db_path.string());
    }
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }
  return summary;
}

RunSummary run_extract(const cli::IndexOptions& options, std::ostream& out) {
  const auto start = Clock::now();
  require_inputs(options);
  const std::shared_ptr<const extract::XmlMap> xml_map = load_xml_map(options);
  Tally tally;
  ProgressCounters progress;
  const pipeline::UnchangedCheck never = [](const std::string&, const std::string&) {
    return false;
  };
  produce_records(options, tally, progress, [&](sources::InputRecord&& record) {
    pipeline::RecordOutcome outcome = pipeline::extract_record(record, never, xml_map.get());
    for (const std::string& error : outcome.errors) tally.skip(record.source, error);
    if (!outcome.filtered.empty()) tally.filtered(outcome.filtered);
    for (pipeline::RecordArticle& item : outcome.articles) {
      writer::IndexedArticle indexed;
      indexed.docid = std::move(item.docid);
      indexed.source = record.source;
      indexed.article = std::move(item.article);
      indexed.passages = passages::split_passages(indexed.article);
      writer::print_extracted(indexed, out);
      tally.add(&RunSummary::articles, 1);
      tally.add(&RunSummary::passages, indexed.passages.size());
    }
  });
  out.flush();
  return tally.result(start);
}

}  // namespace fundstelle
