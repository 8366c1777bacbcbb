#include "sources/input_reader.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "extract/mediawiki_page.hpp"
#include "sources/mediawiki_dump.hpp"

namespace fundstelle::sources {
namespace fs = std::filesystem;
namespace {

constexpr size_t kSniffBytes = 4096;
constexpr size_t kChunkBytes = 1 << 20;

// Compressed streams and archives, told apart from plain files by their first bytes.
bool is_packed(std::string_view head) {
  static constexpr std::array<std::string_view, 8> kMagic = {
      std::string_view("\x1F\x8B", 2),  // gzip
      std::string_view("BZh", 3),       // bzip2
      std::string_view("\xFD"
                       "7zXZ\0",
                       6),                        // xz
      std::string_view("\x28\xB5\x2F\xFD", 4),    // zstd
      std::string_view("\x04\x22\x4D\x18", 4),    // lz4
      std::string_view("PK\x03\x04", 4),          // zip
      std::string_view("PK\x05\x06", 4),          // empty zip
      std::string_view("7z\xBC\xAF\x27\x1C", 6),  // 7-Zip
  };
  for (std::string_view magic : kMagic) {
    if (head.starts_with(magic)) return true;
  }
  return head.size() > 262 && head.substr(257, 5) == "ustar";  // tar
}

bool is_mediawiki_dump(std::string_view head) {
  return head.find("<mediawiki") != std::string_view::npos &&
         head.find("export") != std::string_view::npos;
}

std::string without_compression_suffix(std::string name) {
  for (std::string_view suffix : {".gz", ".bz2", ".xz", ".zst", ".lz4", ".Z"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      name.resize(name.size() - suffix.size());
      break;
    }
  }
  return name;
}

class FileStream : public ByteStream {
 public:
  explicit FileStream(const fs::path& path) : in_(path, std::ios::binary) {
    if (!in_) throw std::runtime_error("cannot open");
  }
  size_t read(char* buffer, size_t size) override {
    in_.read(buffer, static_cast<std::streamsize>(size));
    const auto n = static_cast<size_t>(in_.gcount());
    if (in_.bad()) throw std::runtime_error("I/O error at byte " + std::to_string(position_));
    position_ += n;
    return n;
  }
  [[nodiscard]] size_t position() const override { return position_; }

 private:
  std::ifstream in_;
  size_t position_ = 0;
};

// The current entry of a libarchive reader as a stream; counts against the expansion budget.
class ArchiveEntryStream : public ByteStream {
 public:
  ArchiveEntryStream(archive* reader, uint64_t& budget) : reader_(reader), budget_(budget) {}
  size_t read(char* buffer, size_t size) override {
    const la_ssize_t n = archive_read_data(reader_, buffer, size);
    if (n < 0) {
      throw std::runtime_error(std::string(archive_error_string(reader_)
                                               ? archive_error_string(reader_)
                                               : "read error") +
                               " at byte " + std::to_string(position_));
    }
    const auto count = static_cast<size_t>(n);
    if (count > budget_) {
      throw std::runtime_error("expanded size exceeds the cap (possible zip bomb) at byte " +
                               std::to_string(position_));
    }
    budget_ -= count;
    position_ += count;
    return count;
  }
  [[nodiscard]] size_t position() const override { return position_; }

 private:
  archive* reader_;
  uint64_t& budget_;
  size_t position_ = 0;
};

// Reads a whole stream into one record, or reports why not.
void read_whole(ByteStream& in, std::string head, InputRecord record, const ReadLimits& limits,
                const RecordSink& sink) {
  record.bytes = std::move(head);
  std::string chunk(kChunkBytes, '\0');
  try {
    for (size_t n; (n = in.read(chunk.data(), chunk.size())) > 0;) {
      if (record.bytes.size() + n > limits.max_record_bytes) {
        sink.error(record.source,
                   "too large: over " + std::to_string(limits.max_record_bytes) + " bytes");
        return;
      }
      record.bytes.append(chunk.data(), n);
    }
  } catch (const std::exception& e) {
    sink.error(record.source, std::string("truncated or corrupt: ") + e.what());
    return;
  }
  sink.record(std::move(record));
}

// Streams the pages of a MediaWiki dump, each as its own record.
void read_dump(ByteStream& in, const InputRecord& base, const RecordSink& sink) {
  try {
    MediaWikiDumpReader dump(in);
    auto site = std::make_shared<const extract::SiteInfo>(dump.site());
    std::string page;
    while (dump.next_page(page)) {
      InputRecord record;
      record.kind = RecordKind::kMediaWikiPage;
      record.docid = base.docid;
      record.source = base.source;
      record.name = base.name;
      record.bytes = std::move(page);
      record.site = site;
      sink.record(std::move(record));
      page.clear();
    }
    for (const SkippedPage& skipped : dump.skipped_pages()) {
      sink.error(base.source + " at byte " + std::to_string(skipped.offset), skipped.reason);
    }
    if (dump.truncated()) sink.error(base.source, "dump cut off: " + dump.truncation()->reason);
  } catch (const std::exception& e) {
    sink.error(base.source, std::string("dump unreadable: ") + e.what());
  }
}

// Reads the first bytes of `in` into `head` (so that the kind of content can be recognised).
void fill_head(ByteStream& in, std::string& head) {
  head.resize(kSniffBytes);
  size_t filled = 0;
  while (filled < head.size()) {
    const size_t n = in.read(head.data() + filled, head.size() - filled);
    if (n == 0) break;
    filled += n;
  }
  head.resize(filled);
}

void dispatch_stream(ByteStream& in, InputRecord record, const ReadLimits& limits,
                     const RecordSink& sink) {
  std::string head;
  try {
    fill_head(in, head);
  } catch (const std::exception& e) {
    sink.error(record.source, std::string("truncated or corrupt: ") + e.what());
    return;
  }
  if (is_mediawiki_dump(head)) {
    // The dump reader needs the head again: serve it first, then the rest of the stream.
    class Rewound : public ByteStream {
     public:
      Rewound(std::string head, ByteStream& rest) : head_(std::move(head)), rest_(rest) {}
      size_t read(char* buffer, size_t size) override {
        if (offset_ < head_.size()) {
          const size_t n = std::min(size, head_.size() - offset_);
          head_.copy(buffer, n, offset_);
          offset_ += n;
          return n;
        }
        return rest_.read(buffer, size);
      }
      [[nodiscard]] size_t position() const override {
        return offset_ < head_.size() ? offset_ : rest_.position();
      }

     private:
      std::string head_;
      ByteStream& rest_;
      size_t offset_ = 0;
    } rewound(std::move(head), in);
    read_dump(rewound, record, sink);
    return;
  }
  read_whole(in, std::move(head), std::move(record), limits, sink);
}

void read_packed(const InputFile& file, const std::string& absolute, uint64_t size_on_disk,
                 const ReadLimits& limits, const RecordSink& sink) {
  std::unique_ptr<archive, decltype(&archive_read_free)> reader(archive_read_new(),
                                                                &archive_read_free);
  archive_read_support_filter_all(reader.get());
  archive_read_support_format_all(reader.get());
  archive_read_support_format_raw(reader.get());  // a single compressed file
  const std::string path = file.path.string();
  if (archive_read_open_filename(reader.get(), path.c_str(), 1 << 16) != ARCHIVE_OK) {
    sink.error(path, std::string("cannot open archive: ") + archive_error_string(reader.get()));
    return;
  }
  uint64_t budget = std::max(limits.min_expansion_cap, size_on_disk * limits.max_expansion_ratio);
  archive_entry* entry = nullptr;
  for (;;) {
    const int status = archive_read_next_header(reader.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status == ARCHIVE_FATAL) {
      sink.error(path, std::string("corrupt archive: ") + archive_error_string(reader.get()));
      return;
    }
    if (status == ARCHIVE_RETRY) {  // a damaged header; libarchive resynchronises on the next
      sink.error(path, std::string("damaged archive header skipped: ") +
                           archive_error_string(reader.get()));
      continue;
    }
    const bool raw = archive_format(reader.get()) == ARCHIVE_FORMAT_RAW;
    if (!raw && archive_entry_filetype(entry) != AE_IFREG) continue;
    const std::string member = raw ? std::string() : archive_entry_pathname(entry);

    InputRecord record;
    if (raw) {
      record.docid = file.docid;
      record.source = absolute;
      record.name = without_compression_suffix(file.path.filename().string());
    } else {
      record.docid = file.docid + "/" + member;
      record.source = absolute + "!" + member;
      record.name = fs::path(member).filename().string();
    }
    if (status == ARCHIVE_FAILED) {
      sink.error(record.source,
                 std::string("unreadable member: ") + archive_error_string(reader.get()));
      continue;
    }
    if (status == ARCHIVE_WARN) {  // e.g. skipped garbage before this member: say so, read it
      sink.error(path, std::string("archive damaged before ") + member + ": " +
                           archive_error_string(reader.get()));
    }
    ArchiveEntryStream stream(reader.get(), budget);
    dispatch_stream(stream, std::move(record), limits, sink);
    if (budget == 0) {
      sink.error(path, "stopped: expanded size cap reached");
      return;
    }
  }
}

}  // namespace

void read_input(const InputFile& file, const ReadLimits& limits, const RecordSink& sink) {
  const std::string path = file.path.string();
  std::error_code error;
  const uint64_t size = fs::file_size(file.path, error);
  if (error) {
    sink.error(path, "cannot read: " + error.message());
    return;
  }
  const std::string absolute = fs::absolute(file.path, error).lexically_normal().string();
  try {
    FileStream in(file.path);
    std::string head;
    fill_head(in, head);
    if (is_packed(head)) {
      read_packed(file, absolute, size, limits, sink);
      return;
    }
    InputRecord record;
    record.docid = file.docid;
    record.source = absolute;
    record.name = file.path.filename().string();
    if (is_mediawiki_dump(head)) {
      FileStream again(file.path);
      read_dump(again, record, sink);
      return;
    }
    if (size > limits.max_record_bytes) {
      sink.error(path, "file too large: " + std::to_string(size) + " bytes, limit " +
                           std::to_string(limits.max_record_bytes));
      return;
    }
    read_whole(in, std::move(head), std::move(record), limits, sink);
  } catch (const std::exception& e) {
    sink.error(path, std::string("cannot read: ") + e.what());
  }
}

}  // namespace fundstelle::sources
