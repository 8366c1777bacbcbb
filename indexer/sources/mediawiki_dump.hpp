// Streams a MediaWiki XML export (pages-articles.xml, possibly decompressed on the fly) page by
// page, so that dumps of many gigabytes are read with memory for one page.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/mediawiki_page.hpp"
#include "sources/byte_stream.hpp"

namespace fundstelle::sources {

struct MediaWikiDumpOptions {
  size_t chunk_size = size_t{1} << 20;       // bytes asked of the stream per read (at least 1)
  size_t max_page_bytes = size_t{64} << 20;  // larger <page> elements are skipped
};

// Why the dump ended early: the input stopped inside a <page> (or <siteinfo>) or before
// </mediawiki>. Byte offsets count from the start of the (decompressed) stream.
struct DumpTruncation {
  size_t input_end = 0;      // where the input stopped
  size_t element_start = 0;  // where the unfinished element began; == input_end if none was open
  std::string reason;        // "input ends at byte 5120 inside the <page> starting at byte 4096"
};

// A <page> that was not returned because it exceeded max_page_bytes.
struct SkippedPage {
  size_t offset = 0;   // of "<page"
  size_t bytes = 0;    // the whole element
  std::string reason;  // names the title when it could be read
};

// Splits the dump text into <page> elements without parsing the XML around them (page content is
// escaped, so "<page" and "</page>" cannot occur inside it); elements may straddle read chunks.
// Memory: one page plus one chunk; pages over max_page_bytes are skipped while reading, keeping
// only a few bytes. Not thread-safe; the stream must outlive the reader.
class MediaWikiDumpReader {
 public:
  // Reads up to and including <siteinfo> (or to the first <page> when there is none).
  // Exceptions from `in` propagate, here and from next_page, unchanged.
  explicit MediaWikiDumpReader(ByteStream& in, MediaWikiDumpOptions options = {});

  // From <siteinfo>; language falls back on <mediawiki xml:lang="..">. Empty parts if absent.
  [[nodiscard]] const extract::SiteInfo& site() const { return site_; }

  // Stores the next complete "<page>...</page>" (verbatim bytes) in `page_xml` and returns true;
  // returns false at the end of the input. A page cut off by the end of the input is never
  // returned: next_page returns false and truncated() tells where it broke. Oversized pages are
  // skipped (see skipped_pages()) and reading goes on.
  [[nodiscard]] bool next_page(std::string& page_xml);

  // Complete <page> elements found so far, returned or skipped.
  [[nodiscard]] size_t pages_seen() const { return pages_seen_; }

  [[nodiscard]] const std::vector<SkippedPage>& skipped_pages() const { return skipped_; }

  // Set once next_page has returned false, if the dump did not end properly.
  [[nodiscard]] bool truncated() const { return truncation_.has_value(); }
  [[nodiscard]] const std::optional<DumpTruncation>& truncation() const { return truncation_; }

 private:
  enum class Tag { kPage, kSiteinfo, kMediawiki, kMediawikiEnd, kOther, kEnd };

  Tag next_tag(size_t& at);
  bool read_chunk();
  bool ensure(size_t end);  // reads until the buffer reaches `end`; false at the end of input
  // The offset of `needle` at or after `from`, npos at the end of the input; what it scans past
  // may be discarded.
  size_t find(std::string_view needle, size_t from);
  // The end offset of the element starting at `at` (past `end_tag`), npos if the input ends
  // first; moves pos_ there. Past max_page_bytes the content is dropped while reading on, and
  // `head` receives the element's first bytes (it stays empty for elements within the limit).
  size_t element_end(size_t at, std::string_view end_tag, std::string& head);
  void read_siteinfo(size_t at);
  void read_root_attributes(size_t at);
  void truncate(size_t element_start, std::string_view element);
  [[nodiscard]] std::string_view view(size_t begin, size_t end) const;
  [[nodiscard]] size_t buffer_end() const { return buffer_start_ + buffer_.size(); }

  ByteStream& in_;
  MediaWikiDumpOptions options_;
  extract::SiteInfo site_;
  std::string root_language_;
  std::string buffer_;
  size_t buffer_start_ = 0;  // stream offset of buffer_[0]
  size_t keep_from_ = 0;     // stream offset before which the buffer may be discarded
  size_t pos_ = 0;           // stream offset where scanning continues
  bool at_end_ = false;
  bool root_closed_ = false;
  bool root_seen_ = false;
  size_t pages_seen_ = 0;
  std::vector<SkippedPage> skipped_;
  std::optional<DumpTruncation> truncation_;
};

}  // namespace fundstelle::sources
