#include "sources/mediawiki_dump.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "extract/metadata_values.hpp"

namespace fundstelle::sources {
namespace {

constexpr size_t npos = std::string_view::npos;
constexpr size_t kHeadBytes = 4096;  // enough for a root tag's attributes or a page's <title>
constexpr size_t kShrinkAbove = size_t{16} << 20;

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// True if `head` starts with the start tag `<name` (followed by '>', '/' or a space).
bool starts_tag(std::string_view head, std::string_view name) {
  return head.size() > name.size() && head.starts_with(name) &&
         (head[name.size()] == '>' || head[name.size()] == '/' || is_xml_space(head[name.size()]));
}

// The raw text of the first <name>...</name> in `head`, or "".
std::string_view element_text(std::string_view head, std::string_view name) {
  const std::string open = "<" + std::string(name) + ">";
  const std::string close = "</" + std::string(name) + ">";
  const size_t begin = head.find(open);
  if (begin == npos) return {};
  const size_t end = head.find(close, begin + open.size());
  if (end == npos) return {};
  return head.substr(begin + open.size(), end - begin - open.size());
}

}  // namespace

MediaWikiDumpReader::MediaWikiDumpReader(ByteStream& in, MediaWikiDumpOptions options)
    : in_(in), options_(options) {
  options_.chunk_size = std::max<size_t>(options_.chunk_size, 1);
  options_.max_page_bytes = std::max<size_t>(options_.max_page_bytes, 1);
  bool done = false;
  while (!done) {
    size_t at = 0;
    switch (next_tag(at)) {
      case Tag::kMediawiki:
        read_root_attributes(at);
        break;
      case Tag::kSiteinfo:
        read_siteinfo(at);
        done = true;
        break;
      case Tag::kPage:  // a dump without <siteinfo>: leave the page to next_page
        pos_ = at;
        keep_from_ = at;
        done = true;
        break;
      case Tag::kEnd:
        done = true;
        break;
      case Tag::kMediawikiEnd:
        root_closed_ = true;
        break;
      case Tag::kOther:
        break;
    }
  }
  if (site_.language.empty()) site_.language = root_language_;
}

bool MediaWikiDumpReader::next_page(std::string& page_xml) {
  if (truncation_) return false;
  while (true) {
    size_t at = 0;
    switch (next_tag(at)) {
      case Tag::kEnd:
        if (root_seen_ && !root_closed_) truncate(buffer_end(), "");
        return false;
      case Tag::kMediawiki:
        read_root_attributes(at);
        continue;
      case Tag::kMediawikiEnd:
        root_closed_ = true;
        continue;
      case Tag::kSiteinfo:
      case Tag::kOther:
        continue;
      case Tag::kPage:
        break;
    }

    std::string head;
    const size_t end = element_end(at, "</page>", head);
    if (end == npos) {
      truncate(at, "<page>");
      return false;
    }
    ++pages_seen_;
    if (!head.empty()) {
      SkippedPage skipped;
      skipped.offset = at;
      skipped.bytes = end - at;
      skipped.reason = "page of " + std::to_string(end - at) + " bytes exceeds the limit of " +
                       std::to_string(options_.max_page_bytes) + " bytes";
      const std::string_view title = element_text(head, "title");
      if (!title.empty()) skipped.reason += " (title \"" + std::string(title) + "\")";
      skipped_.push_back(std::move(skipped));
      continue;
    }
    page_xml.assign(buffer_, at - buffer_start_, end - at);
    return true;
  }
}

size_t MediaWikiDumpReader::element_end(size_t at, std::string_view end_tag, std::string& head) {
  head.clear();
  keep_from_ = at;
  bool oversized = false;
  size_t search = at + 1;
  while (true) {
    if (search < buffer_end()) {
      const size_t found = buffer_.find(end_tag, search - buffer_start_);
      if (found != npos) {
        const size_t end = buffer_start_ + found + end_tag.size();
        if (!oversized && end - at > options_.max_page_bytes) {
          head = view(at, std::min(end, at + kHeadBytes));
        }
        pos_ = end;
        keep_from_ = end;
        return end;
      }
    }
    search = std::max(search, buffer_end() - std::min(buffer_end(), end_tag.size() - 1));
    if (!oversized && buffer_end() - at > options_.max_page_bytes) {
      // From here on only the bytes that may start the end tag are kept.
      oversized = true;
      head = view(at, std::min(buffer_end(), at + kHeadBytes));
    }
    if (oversized) keep_from_ = search;
    if (!read_chunk()) return npos;
  }
}

MediaWikiDumpReader::Tag MediaWikiDumpReader::next_tag(size_t& at) {
  keep_from_ = pos_;
  at = find("<", pos_);
  if (at == npos) return Tag::kEnd;
  keep_from_ = at;
  ensure(at + 12);
  const std::string_view head = view(at, std::min(buffer_end(), at + 12));
  pos_ = at + 1;
  if (starts_tag(head, "<page")) return Tag::kPage;
  if (starts_tag(head, "<siteinfo")) return Tag::kSiteinfo;
  if (starts_tag(head, "<mediawiki")) return Tag::kMediawiki;
  if (starts_tag(head, "</mediawiki")) return Tag::kMediawikiEnd;
  return Tag::kOther;
}

bool MediaWikiDumpReader::read_chunk() {
  if (at_end_) return false;
  const size_t discard = std::min(keep_from_, buffer_end()) - buffer_start_;
  if (discard > 0) {
    buffer_.erase(0, discard);
    buffer_start_ += discard;
  }
  // After an unusually large page, give the memory back.
  if (buffer_.capacity() > kShrinkAbove &&
      buffer_.capacity() > 4 * (buffer_.size() + options_.chunk_size)) {
    buffer_.shrink_to_fit();
  }
  const size_t old_size = buffer_.size();
  buffer_.resize(old_size + options_.chunk_size);
  size_t n = 0;
  try {
    n = in_.read(buffer_.data() + old_size, options_.chunk_size);
  } catch (...) {
    buffer_.resize(old_size);
    throw;
  }
  buffer_.resize(old_size + n);
  if (n == 0) at_end_ = true;
  return n > 0;
}

bool MediaWikiDumpReader::ensure(size_t end) {
  while (buffer_end() < end) {
    if (!read_chunk()) return false;
  }
  return true;
}

size_t MediaWikiDumpReader::find(std::string_view needle, size_t from) {
  size_t search = from;
  while (true) {
    if (search < buffer_end()) {
      const size_t found = buffer_.find(needle, search - buffer_start_);
      if (found != npos) return buffer_start_ + found;
    }
    // Only the last needle.size() - 1 bytes can start a match that straddles the next chunk.
    const size_t tail = needle.size() - 1;
    search = std::max(search, buffer_end() > tail ? buffer_end() - tail : 0);
    keep_from_ = std::max(keep_from_, search);
    if (!read_chunk()) return npos;
  }
}

void MediaWikiDumpReader::read_root_attributes(size_t at) {
  root_seen_ = true;
  // Read only as far as the tag's '>' (bounded), so that nothing beyond it is asked of the stream.
  while (view(at, buffer_end()).find('>') == npos && buffer_end() - at < kHeadBytes &&
         read_chunk()) {
  }
  std::string_view head = view(at, std::min(buffer_end(), at + kHeadBytes));
  head = head.substr(0, head.find('>'));
  const size_t lang = head.find("xml:lang=");
  if (lang != npos && lang + 10 < head.size()) {
    const char quote = head[lang + 9];
    const size_t close = head.find(quote, lang + 10);
    if (close != npos) {
      root_language_ = extract::normalize_language_tag(head.substr(lang + 10, close - lang - 10));
    }
  }
}

void MediaWikiDumpReader::read_siteinfo(size_t at) {
  std::string head;
  const size_t end = element_end(at, "</siteinfo>", head);
  if (end == npos) {
    truncate(at, "<siteinfo>");
  } else if (head.empty()) {  // an oversized one is ignored like a missing one
    site_ = extract::parse_siteinfo(view(at, end));
  }
}

void MediaWikiDumpReader::truncate(size_t element_start, std::string_view element) {
  DumpTruncation t;
  t.input_end = buffer_end();
  t.element_start = element.empty() ? t.input_end : element_start;
  t.reason = "input ends at byte " + std::to_string(t.input_end);
  if (element.empty()) {
    t.reason += " before </mediawiki>";
  } else {
    t.reason += " inside the " + std::string(element) + " starting at byte " +
                std::to_string(element_start);
  }
  truncation_ = std::move(t);
}

std::string_view MediaWikiDumpReader::view(size_t begin, size_t end) const {
  return std::string_view(buffer_).substr(begin - buffer_start_, end - begin);
}

}  // namespace fundstelle::sources
