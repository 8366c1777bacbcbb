#include "writer/index_writer.hpp"

#include <ctime>

#include "analysis/german_analyzer.hpp"
#include "schema.hpp"

namespace fundstelle::writer {
namespace {

// B-tree block size of a new shard: Xapian's default. The flushes leave blocks about half full,
// and a search reads whole blocks: with 16 KB blocks, questions took ~10 % longer at p99 (and
// p50) on the 200 MB benchmark index, which indexed as fast (77 s either way) and was 8 % larger.
constexpr unsigned kBlockSize = 8192;

Xapian::WritableDatabase open_database(const std::filesystem::path& path) {
  try {
    std::error_code ignored;
    std::filesystem::create_directories(path.parent_path().empty() ? "." : path.parent_path(),
                                        ignored);
    // The block size only applies to a database this call creates.
    return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN, kBlockSize);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("index " + path.string() +
                     " is locked by another process (another fundstelle-index is writing it)");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open index " + path.string() + ": " + e.get_description());
  }
}

std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& path)
    : path_(path), db_(open_database(path)) {
  const std::string version = db_.get_metadata(schema::kMetaSchemaVersion);
  const std::string expected = std::to_string(schema::kSchemaVersion);
  if (version.empty()) {
    if (db_.get_doccount() > 0) {
      throw IndexError(path.string() +
                       " is a Xapian database but not a Fundstelle index; "
                       "choose another --db directory");
    }
    db_.set_metadata(schema::kMetaSchemaVersion, expected);
    db_.set_metadata(schema::kMetaAnalyzer, std::string(analysis::kAnalyzerName));
    // Every word of this shard will be in its vocabulary (an older one's are read from its terms).
    db_.set_metadata(schema::kMetaHasVocabulary, "1");
    // Committed at once: a run killed before its first commit still leaves a valid, empty index.
    db_.commit();
  } else if (version != expected ||
             db_.get_metadata(schema::kMetaAnalyzer) != analysis::kAnalyzerName) {
    throw IndexError("index " + path.string() + " has schema version " + version + " / analyzer " +
                     db_.get_metadata(schema::kMetaAnalyzer) + ", this fundstelle-index writes " +
                     expected + " / " + std::string(analysis::kAnalyzerName) +
                     "; delete the directory and re-index");
  }
}

void IndexWriter::replace_article(const std::string& docid, const ArticleDocuments& documents) {
  const std::string term = article_term(docid);
  // Xapian commits by itself every XAPIAN_FLUSH_THRESHOLD documents; inside a transaction it
  // waits. An unflushed transaction costs no commit of its own, and a run killed after such an
  // automatic commit never leaves half an article that a rerun would take as unchanged.
  db_.begin_transaction(false);
  try {
    db_.delete_document(term);
    for (const Xapian::Document& doc : documents.passages) db_.add_document(doc);
    stem_lexicon_.add(documents.stem_words);
    vocabulary_.add(documents.vocabulary);
  } catch (...) {
    db_.cancel_transaction();
    stem_lexicon_.forget();
    vocabulary_.forget();
    throw;
  }
  db_.commit_transaction();
}

std::string IndexWriter::stored_content_hash(const std::string& docid) {
  const std::string term = article_term(docid);
  // The hash is on the first passage, which is added first: the article's first posting.
  Xapian::PostingIterator it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return {};
  return db_.get_document(*it).get_value(schema::kSlotContentHash);
}

size_t IndexWriter::prune_except(const std::unordered_set<std::string>& keep) {
  // Compared as terms: article_term bounds very long docids the same way on both sides.
  std::unordered_set<std::string> keep_terms;
  for (const std::string& docid : keep) keep_terms.insert(article_term(docid));
  const std::string prefix(schema::kArticleId);
  std::vector<std::string> doomed;  // collected first: deleting while iterating is not allowed
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    if (keep_terms.count(*it) == 0) doomed.push_back(*it);
  }
  for (const std::string& term : doomed) db_.delete_document(term);
  commit();
  return doomed.size();
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
  db_.set_metadata(key, value);
  commit();
}

void IndexWriter::commit() {
  db_.set_metadata(schema::kMetaLastUpdate, utc_now_iso8601());
  db_.commit();
}

}  // namespace fundstelle::writer
