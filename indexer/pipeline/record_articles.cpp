#include "pipeline/record_articles.hpp"

#include "extract/extractor.hpp"
#include "extract/feed_extractor.hpp"
#include "extract/format.hpp"
#include "extract/mediawiki_page.hpp"
#include "pipeline/content_hash.hpp"

namespace fundstelle::pipeline {
namespace {

// Articles of multi-article inputs are fingerprinted by what was extracted, since the input as a
// whole (a feed snapshot) changes while most of its items do not.
std::string article_hash(const extract::Article& article) {
  std::string fingerprint = article.title;
  for (const auto& [key, value] : article.metadata) fingerprint += "\n" + key + "=" + value;
  fingerprint += "\n" + article.text();
  return content_hash(fingerprint);
}

// "de.wikipedia.org:4711": the wiki and the page id, the same in every monthly dump whatever the
// dump file is called, and never the same for two wikis.
std::string wiki_docid(const extract::SiteInfo& site, const std::string& page_id,
                       const std::string& dump_docid) {
  std::string wiki = site.base_url;
  if (const size_t scheme = wiki.find("://"); scheme != std::string::npos)
    wiki.erase(0, scheme + 3);
  wiki = wiki.substr(0, wiki.find('/'));
  if (wiki.empty()) wiki = site.site_name.empty() ? dump_docid : site.site_name;
  return page_id.empty() ? dump_docid : wiki + ":" + page_id;
}

void add_unless_unchanged(RecordOutcome& out, std::string docid, std::string hash,
                          extract::Article&& article, const UnchangedCheck& is_unchanged) {
  if (is_unchanged(docid, hash)) {
    out.unchanged.push_back(std::move(docid));
    return;
  }
  out.articles.push_back({std::move(docid), std::move(hash), std::move(article)});
}

// Reads `record` through the user's XML map; false if the map does not apply to it.
bool extract_mapped(const sources::InputRecord& record, const extract::XmlMap& map,
                    const UnchangedCheck& is_unchanged, RecordOutcome& out) {
  if (extract::detect_format(record.name, record.bytes) != extract::Format::kXml) return false;
  std::vector<std::string> errors;
  Result<std::vector<extract::Article>> records = map.extract(record.bytes, &errors);
  if (!records || records.value().empty()) return false;  // the usual reader says what is wrong
  out.errors = std::move(errors);
  for (extract::Article& article : records.value()) {
    std::string docid = record.docid + "#" + article.id;
    std::string hash = article_hash(article);
    add_unless_unchanged(out, std::move(docid), std::move(hash), std::move(article), is_unchanged);
  }
  return true;
}

}  // namespace

RecordOutcome extract_record(const sources::InputRecord& record, const UnchangedCheck& is_unchanged,
                             const extract::XmlMap* xml_map) {
  RecordOutcome out;
  if (xml_map != nullptr && record.kind != sources::RecordKind::kMediaWikiPage &&
      extract_mapped(record, *xml_map, is_unchanged, out)) {
    return out;
  }
  if (record.kind == sources::RecordKind::kMediaWikiPage) {
    Result<extract::Article> page =
        extract::extract_mediawiki_page(record.bytes, *record.site, extract::PageFilter{});
    if (!page) {
      out.filtered = page.error().reason;
      return out;
    }
    std::string docid = wiki_docid(*record.site, page.value().id, record.docid);
    add_unless_unchanged(out, std::move(docid), content_hash(record.bytes), std::move(page.value()),
                         is_unchanged);
    return out;
  }

  if (extract::is_feed(record.bytes)) {
    Result<std::vector<extract::Article>> items = extract::extract_feed(record.bytes, &out.errors);
    if (!items) {
      out.errors.push_back(items.error().reason);
      return out;
    }
    for (extract::Article& item : items.value()) {
      // A feed item's guid or link is its identity: the same item in tomorrow's snapshot of the
      // feed replaces, never duplicates, today's.
      std::string docid = item.id.empty() ? record.docid + ":" + item.title : item.id;
      std::string hash = article_hash(item);
      add_unless_unchanged(out, std::move(docid), std::move(hash), std::move(item), is_unchanged);
    }
    return out;
  }

  std::string hash = content_hash(record.bytes);
  if (is_unchanged(record.docid, hash)) {
    out.unchanged.push_back(record.docid);
    return out;
  }
  Result<extract::Article> article = extract::extract_article(record.name, record.bytes);
  if (!article) {
    out.errors.push_back(article.error().reason);
    return out;
  }
  out.articles.push_back({record.docid, std::move(hash), std::move(article.value())});
  return out;
}

}  // namespace fundstelle::pipeline
