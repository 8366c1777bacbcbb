#include "stored_passage.hpp"

#include <algorithm>

#include "schema.hpp"

namespace fundstelle {
namespace {

// Layout: kFormat, varint length + text, and for a first passage kArticle, varint passage
// count, title, source, varint metadata count, key/value pairs (each string: varint length +
// bytes). Length-prefixed bytes: no escaping on write, no parsing on read.
constexpr char kFormat = '\x02';
constexpr char kArticle = 'A';

void put_number(std::string& out, uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

void put_string(std::string& out, std::string_view value) {
  put_number(out, value.size());
  out.append(value);
}

class Cursor {
 public:
  explicit Cursor(std::string_view data) : data_(data) {}

  bool number(uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (data_.empty()) return false;
      const auto byte = static_cast<unsigned char>(data_.front());
      data_.remove_prefix(1);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  }
  bool string(std::string& value) {
    uint64_t size = 0;
    if (!number(size) || size > data_.size()) return false;
    value.assign(data_.substr(0, size));
    data_.remove_prefix(size);
    return true;
  }
  bool byte(char expected) {
    if (data_.empty() || data_.front() != expected) return false;
    data_.remove_prefix(1);
    return true;
  }
  [[nodiscard]] bool done() const { return data_.empty(); }

 private:
  std::string_view data_;
};

bool decode_article(Cursor& in, StoredArticle& out) {
  uint64_t count = 0;
  uint64_t metadata_count = 0;
  if (!in.number(count) || count > 1'000'000'000 || !in.string(out.title) ||
      !in.string(out.source) || !in.number(metadata_count)) {
    return false;
  }
  out.passage_count = static_cast<int>(count);
  out.metadata.clear();
  for (uint64_t i = 0; i < metadata_count; ++i) {
    std::string key;
    std::string value;
    if (!in.string(key) || !in.string(value)) return false;
    out.metadata.emplace(std::move(key), std::move(value));
  }
  return true;
}

size_t unserialised(const Xapian::Document& doc, Xapian::valueno slot) {
  const std::string value = doc.get_value(slot);
  return value.empty() ? 0 : static_cast<size_t>(Xapian::sortable_unserialise(value));
}

}  // namespace

std::string encode_passage_data(std::string_view text, const StoredArticle* article) {
  std::string out;
  out.reserve(text.size() + 8);
  out.push_back(kFormat);
  put_string(out, text);
  if (article == nullptr) return out;
  out.push_back(kArticle);
  put_number(out, static_cast<uint64_t>(std::max(0, article->passage_count)));
  put_string(out, article->title);
  put_string(out, article->source);
  put_number(out, article->metadata.size());
  for (const auto& [key, value] : article->metadata) {
    put_string(out, key);
    put_string(out, value);
  }
  return out;
}

bool decode_passage_data(std::string_view data, PassageData& out) {
  Cursor in(data);
  out.article.reset();
  if (!in.byte(kFormat) || !in.string(out.text)) return false;
  if (in.done()) return true;
  StoredArticle article;
  if (!in.byte(kArticle) || !decode_article(in, article) || !in.done()) return false;
  out.article = std::move(article);
  return true;
}

std::string article_term(std::string_view docid) {
  // Xapian rejects terms over 245 bytes; longer docids are truncated (and then share a term).
  std::string term(schema::kArticleId);
  term.append(docid.substr(0, 240 - schema::kArticleId.size()));
  return term;
}

std::optional<StoredArticle> StoredIndexReader::article_record(std::string_view docid) {
  const auto cached = articles_.find(std::string(docid));
  if (cached != articles_.end()) return cached->second;
  std::optional<StoredArticle> found;
  // The first passage is added first, so it is normally the first posting; look further only
  // for an index written otherwise.
  const std::string term = article_term(docid);
  PassageData data;
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    const Xapian::Document doc = db_.get_document(*it);
    if (doc.get_value(schema::kSlotArticle) != docid) continue;  // a truncated-term neighbour
    if (decode_passage_data(doc.get_data(), data) && data.article) {
      found = std::move(data.article);
      found->docid = std::string(docid);
      break;
    }
  }
  articles_.emplace(std::string(docid), found);
  return found;
}

std::optional<std::string> StoredIndexReader::passage_text(std::string_view docid, int n) {
  const std::string number = Xapian::sortable_serialise(static_cast<double>(n));
  const std::string term = article_term(docid);
  PassageData data;
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    const Xapian::Document doc = db_.get_document(*it);
    if (doc.get_value(schema::kSlotPassage) != number) continue;
    if (doc.get_value(schema::kSlotArticle) != docid) continue;  // a truncated-term neighbour
    if (decode_passage_data(doc.get_data(), data)) return std::move(data.text);
  }
  return std::nullopt;
}

std::optional<std::string> StoredIndexReader::passage_text(const Xapian::Document& doc) {
  PassageData data;
  if (!decode_passage_data(doc.get_data(), data)) return std::nullopt;
  return std::move(data.text);
}

std::optional<StoredPassage> StoredIndexReader::passage(const Xapian::Document& doc) {
  PassageData data;
  if (!decode_passage_data(doc.get_data(), data)) return std::nullopt;
  StoredPassage out;
  out.docid = doc.get_value(schema::kSlotArticle);
  out.passage = static_cast<int>(unserialised(doc, schema::kSlotPassage));
  out.start = unserialised(doc, schema::kSlotStart);
  out.end = unserialised(doc, schema::kSlotEnd);
  out.text = std::move(data.text);
  if (data.article) {
    data.article->docid = out.docid;
    articles_.emplace(out.docid, *data.article);
  }
  const std::optional<StoredArticle> article =
      data.article ? std::move(data.article) : article_record(out.docid);
  if (article) {
    out.passage_count = article->passage_count;
    out.title = article->title;
    out.source = article->source;
    out.metadata = article->metadata;
  }
  return out;
}

std::optional<StoredArticleText> StoredIndexReader::article(std::string_view docid) {
  std::optional<StoredArticle> record = article_record(docid);
  if (!record) return std::nullopt;
  StoredArticleText out;
  out.article = std::move(*record);
  const std::string term = article_term(docid);
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    const Xapian::Document doc = db_.get_document(*it);
    if (doc.get_value(schema::kSlotArticle) != docid) continue;
    if (std::optional<StoredPassage> passage = this->passage(doc)) {
      out.passages.push_back(std::move(*passage));
    }
  }
  std::sort(out.passages.begin(), out.passages.end(),
            [](const StoredPassage& a, const StoredPassage& b) { return a.passage < b.passage; });
  return out;
}

}  // namespace fundstelle
