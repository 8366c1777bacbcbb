// Reading one input file into records: plain files, compressed files (.gz .bz2 .xz .zst ...),
// archives (.tar, .tar.gz, .zip, ...) and MediaWiki dumps (plain or compressed, streamed page by
// page). Formats are recognised by content (libarchive's detection), not by extension.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "sources/file_walker.hpp"
#include "sources/input_record.hpp"

namespace fundstelle::sources {

struct ReadLimits {
  uint64_t max_record_bytes = 64ull << 20;  // a larger file or member is skipped with a reason
  // Expanded bytes an archive or compressed file may produce, as a multiple of its size on disk
  // (at least 1 GiB): the zip-bomb cap. Reading stops with a reason when it is reached.
  uint64_t max_expansion_ratio = 200;
  uint64_t min_expansion_cap = 1ull << 30;  // small archives may always expand this far
};

struct RecordSink {
  std::function<void(InputRecord&&)> record;
  // Something in the input could not be read: `where` is the file, member or dump position.
  std::function<void(const std::string& where, const std::string& reason)> error;
};

// Reads `file` and hands every record to `sink`, in input order. Never throws for broken input:
// a truncated stream, a corrupt member or an oversized entry is reported through sink.error and
// everything readable before (and, in archives, after) it is still delivered.
void read_input(const InputFile& file, const ReadLimits& limits, const RecordSink& sink);

}  // namespace fundstelle::sources
