// The index schema: everything the indexer writes and the query tool reads — term prefixes, value
// slots, metadata keys and the schema version. One Xapian document per passage.
#pragma once

#include <xapian.h>

#include <string_view>

namespace fundstelle::schema {

// Bump when the meaning of any term, value or metadata key below changes; the query tool refuses
// an index with another version and asks for a re-index.
inline constexpr int kSchemaVersion = 4;

// --- Term prefixes (Xapian conventions: upper-case prefixes) -----------------------------------
// Passage text:
//   ""   + exact folded word, with positions   e.g. "mitarbeitern", "kientwicklung", "ki",
//                                              "entwicklung"
// There are no stem terms: a stem is searched as the words that have it, which the stem lexicon
// (kMetaStemWords, stem_words.hpp) lists — "haus" as "haus", "häuser", "hauses", ...
// Article title, without positions, on every passage of the article (article-level evidence):
inline constexpr std::string_view kTitle = "S";  // "S" + exact
// Identity:
// "Q" + docid: all passages of an article. A passage is found by this term and its number in
// kSlotPassage; a unique term per passage would add one posting list per passage to write.
inline constexpr std::string_view kArticleId = "Q";
// Filters (folded, whole value as one term), one per query operator (author:, site:):
inline constexpr std::string_view kAuthor = "A";
inline constexpr std::string_view kSite = "H";  // site name and the URL's host (no "www.")

// --- Value slots
// ----------------------------------------------------------------------------------
enum Slot : Xapian::valueno {
  kSlotArticle = 0,  // docid string; collapse key for "at most N passages per article"
  kSlotPassage = 1,  // 1-based passage number within the article, sortable_serialise
  kSlotStart = 2,    // start byte offset of the passage in the article text, sortable_serialise
  kSlotEnd = 3,      // end byte offset, sortable_serialise
  kSlotDate = 4,     // published date as ISO 8601 string (sorts lexicographically); may be empty
  kSlotContentHash = 5,  // hash of the article's source, for incremental re-indexing; first
                         // passage only
};

// --- Database metadata keys
// ------------------------------------------------------------------------
inline constexpr const char* kMetaSchemaVersion = "fundstelle.schema_version";
inline constexpr const char* kMetaAnalyzer = "fundstelle.analyzer";
inline constexpr const char* kMetaLastUpdate = "fundstelle.last_update";
// The stem lexicon: "Z" + stem -> the words of that stem that differ from it, one per line
// (stem_words.hpp). Each shard holds the words of its own articles.
inline constexpr std::string_view kMetaStemWords = "Z";
// The vocabulary for spelling suggestions: "Y" + length byte + word -> "1" (vocabulary_keys.hpp). A
// shard records it from its creation on if it has kMetaHasVocabulary; an older shard's words are
// read from its terms.
inline constexpr std::string_view kMetaVocabulary = "Y";
inline constexpr const char* kMetaHasVocabulary = "fundstelle.vocabulary";
// "1" on the shards of a new index until they are merged into one (ShardedIndex::merge_pending).
inline constexpr const char* kMetaMergePending = "fundstelle.merge_pending";

// Document data: the passage text, and on an article's first passage the article's title,
// source, passage count and metadata; see stored_passage.hpp.

}  // namespace fundstelle::schema
