#include "indexing_run.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

#include "extract/extractor.hpp"
#include "index_location.hpp"
#include "passages/passage_splitter.hpp"
#include "sources/file_walker.hpp"
#include "writer/document_builder.hpp"
#include "writer/extract_printer.hpp"
#include "writer/index_writer.hpp"

namespace fundstelle {
namespace {

namespace fs = std::filesystem;

// Larger files are skipped with a reason rather than risking unbounded memory in the parsers.
constexpr uintmax_t kMaxInputBytes = 64ull << 20;

Result<std::string> read_file(const fs::path& path) {
  std::error_code error;
  const uintmax_t size = fs::file_size(path, error);
  if (error) return Error{"cannot read: " + error.message()};
  if (size > kMaxInputBytes) {
    return Error{"file too large: " + std::to_string(size) + " bytes, limit " +
                 std::to_string(kMaxInputBytes)};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot read: permission denied or vanished"};
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) return Error{"cannot read: I/O error"};
  return bytes;
}

// FNV-1a over the input and the versions of everything that turns it into index entries: a
// stable fingerprint to skip unchanged articles on re-runs, which changes when the indexer does.
std::string content_hash(std::string_view bytes) {
  uint64_t hash = 14695981039346656037ull;
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

void count_skip(RunSummary& summary, const fs::path& path, const std::string& reason) {
  spdlog::warn("skipped {}: {}", path.string(), reason);
  ++summary.skipped;
  // Group by the reason's head ("XML parse error at offset 12" -> "XML parse error at offset").
  ++summary.skipped_reasons[reason.substr(0, reason.find_first_of(":0123456789"))];
}

// A missing input is a mistake in the command, not a bad file: fail before writing anything.
void require_inputs(const cli::IndexOptions& options) {
  const auto missing = sources::missing_paths(options.inputs);
  if (!missing.empty()) {
    throw std::runtime_error("no such file or directory: " + missing.front().string());
  }
}

// Walks and extracts every input, handing each article to `sink`.
void for_each_article(const cli::IndexOptions& options, RunSummary& summary,
                      const std::function<void(writer::IndexedArticle&&)>& sink) {
  sources::WalkCallbacks callbacks;
  callbacks.error = [&](const fs::path& path, const std::string& reason) {
    count_skip(summary, path, reason);
  };
  callbacks.file = [&](const sources::InputFile& input) {
    ++summary.files;
    Result<std::string> bytes = read_file(input.path);
    if (!bytes) return count_skip(summary, input.path, bytes.error().reason);
    summary.bytes += bytes.value().size();
    Result<extract::Article> article =
        extract::extract_article(input.path.filename().string(), bytes.value());
    if (!article) return count_skip(summary, input.path, article.error().reason);

    writer::IndexedArticle indexed;
    indexed.docid = input.docid;
    std::error_code ignored;
    const fs::path absolute = fs::absolute(input.path, ignored);
    indexed.source = absolute.lexically_normal().string();
    indexed.content_hash = content_hash(bytes.value());
    indexed.article = std::move(article.value());
    indexed.passages = passages::split_passages(indexed.article);
    spdlog::debug("{}: {} blocks, {} passages", indexed.docid, indexed.article.blocks.size(),
                  indexed.passages.size());
    sink(std::move(indexed));
  };
  sources::walk_inputs(options.inputs, callbacks, options.excludes);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

RunSummary run_index(const cli::IndexOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path db_path = options.db.empty() ? default_index_path() : options.db;
  RunSummary summary;
  require_inputs(options);
  writer::IndexWriter index(db_path);
  analysis::GermanAnalyzer analyzer;
  size_t since_commit = 0;
  try {
    for_each_article(options, summary, [&](writer::IndexedArticle&& article) {
      if (index.stored_content_hash(article.docid) == article.content_hash) {
        ++summary.unchanged;
        return;
      }
      index.replace_article(article.docid, writer::build_documents(article, analyzer));
      ++summary.articles;
      summary.passages += article.passages.size();
      if (++since_commit >= options.commit_every) {
        index.commit();
        since_commit = 0;
      }
    });
  } catch (...) {
    index.commit();  // keep what is done; the rerun completes it
    throw;
  }
  index.commit();
  summary.seconds = seconds_since(start);
  return summary;
}

RunSummary run_extract(const cli::IndexOptions& options, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  RunSummary summary;
  require_inputs(options);
  for_each_article(options, summary, [&](writer::IndexedArticle&& article) {
    writer::print_extracted(article, out);
    ++summary.articles;
    summary.passages += article.passages.size();
  });
  out.flush();
  summary.seconds = seconds_since(start);
  return summary;
}

}  // namespace fundstelle
