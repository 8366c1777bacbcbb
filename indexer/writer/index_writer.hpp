// The single writer of a Fundstelle index: opens or creates it, replaces articles, commits.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "writer/document_builder.hpp"
#include "writer/stem_lexicon_writer.hpp"
#include "writer/vocabulary_writer.hpp"

namespace fundstelle::writer {

// Thrown for environment failures: the index is locked, unreadable, of another schema, ...
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class IndexWriter {
 public:
  // Opens (creating if needed) the index at `path`. Throws IndexError naming the path if another
  // process holds the write lock, if the directory is not a Fundstelle index of this schema
  // version, or if it cannot be opened.
  explicit IndexWriter(const std::filesystem::path& path);

  // Replaces all passages of article `docid` with `documents` (no passages: deletes the
  // article) and records its words in the stem lexicon and the vocabulary. Not committed until
  // commit().
  void replace_article(const std::string& docid, const ArticleDocuments& documents);

  // The content hash stored with article `docid`, or "" if it is not in the index.
  [[nodiscard]] std::string stored_content_hash(const std::string& docid);

  // Deletes every article whose docid is not in `keep`, commits, and returns how many.
  size_t prune_except(const std::unordered_set<std::string>& keep);

  // Makes everything written so far durable and visible to readers.
  void commit();

  // The index's metadata `key` (schema.hpp); setting it commits.
  [[nodiscard]] std::string metadata(const std::string& key) const { return db_.get_metadata(key); }
  void set_metadata(const std::string& key, const std::string& value);

  [[nodiscard]] Xapian::doccount passage_count() const { return db_.get_doccount(); }

 private:
  std::filesystem::path path_;
  Xapian::WritableDatabase db_;
  StemLexiconWriter stem_lexicon_{db_};
  VocabularyWriter vocabulary_{db_};
};

}  // namespace fundstelle::writer
