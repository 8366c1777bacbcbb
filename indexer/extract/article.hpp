// The extracted form of one input article: what every reader (HTML, XML, text, ...) produces and
// everything downstream (passages, index writer, --extract output) consumes.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace fundstelle::extract {

enum class BlockKind {
  kHeading,
  kParagraph,
  kListItem,
  kQuote,
  kCaption,
  kTableCell,
  kPreformatted
};

// One unit of main text in reading order. `text` is valid UTF-8, NFC, whitespace-normalised
// (single spaces, no leading/trailing space, no soft hyphens or zero-width characters).
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
  int level = 0;  // heading level 1..6 for kHeading, else 0

  bool operator==(const Block&) const = default;
};

// Metadata keys used in Article::metadata (all optional). Dates are ISO 8601.
namespace meta {
inline constexpr const char* kAuthor = "author";
inline constexpr const char* kPublished = "published";
inline constexpr const char* kModified = "modified";
inline constexpr const char* kUrl = "url";
inline constexpr const char* kLanguage = "language";
inline constexpr const char* kDescription = "description";
inline constexpr const char* kSiteName = "site_name";
inline constexpr const char* kTags = "tags";  // comma-separated
}  // namespace meta

// The title is metadata, not body text: `blocks` never repeat it (see separate_title).
struct Article {
  std::string title;
  std::map<std::string, std::string> metadata;  // keys from `meta`, values UTF-8
  std::vector<Block> blocks;
  // For inputs holding many articles: the article's stable id, used as its docid (a feed item's
  // guid or link, "dewiki:4711" for a wiki page). Empty for one-article files.
  std::string id;

  // The main text: blocks joined by a blank line. Passage offsets refer to this string.
  [[nodiscard]] std::string text() const;
};

[[nodiscard]] const char* block_kind_name(BlockKind kind);

// Makes the title metadata only: takes a leading heading as the title when none is known, and
// removes headings at the start of the body that repeat the title (a page's own <h1>, NITF hl1).
// Every reader calls this last.
void separate_title(Article& article);

}  // namespace fundstelle::extract
