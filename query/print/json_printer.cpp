#include <nlohmann/json.hpp>

#include "print/printer.hpp"

namespace fundstelle::query {
namespace {

using Json = nlohmann::ordered_json;

// Invalid UTF-8 in stored text must not abort the output: it is replaced.
void write_line(const Json& json, std::ostream& out) {
  out << json.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

Json explanation(const Hit& hit) {
  Json parts = Json::array();
  double title = 0;
  for (const TermContribution& part : hit.explanation) {
    parts.push_back({{"kind", part.kind}, {"term", part.term}, {"weight", part.weight}});
    if (part.kind.rfind("title", 0) == 0) title += part.weight;
  }
  return {{"terms", std::move(parts)}, {"title_evidence", title}};
}

}  // namespace

void print_json(const std::vector<Hit>& hits, std::ostream& out, const std::string& query_id) {
  for (const Hit& hit : hits) {
    Json json;
    if (!query_id.empty()) json["query_id"] = query_id;
    json["format_version"] = kJsonFormatVersion;
    json["rank"] = hit.rank;
    json["score"] = hit.score;
    json["docid"] = hit.docid;
    json["passage"] = hit.passage;
    json["title"] = hit.title;
    json["source"] = hit.source;
    json["text"] = hit.text;
    Json highlights = Json::array();
    for (const auto& [begin, end] : hit.highlights) highlights.push_back({begin, end});
    json["highlights"] = std::move(highlights);
    for (const auto& [key, value] : hit.metadata) json[key] = value;
    if (!hit.explanation.empty()) json["explain"] = explanation(hit);
    write_line(json, out);
  }
}

void print_count_json(size_t articles, size_t passages, std::ostream& out) {
  Json json;
  json["format_version"] = kJsonFormatVersion;
  json["articles"] = articles;
  json["passages"] = passages;
  write_line(json, out);
}

void print_article_json(const ArticlePassages& article, int chosen, std::ostream& out) {
  Json json;
  json["format_version"] = kJsonFormatVersion;
  json["docid"] = article.docid;
  const StoredPassage& first = article.passages.front();
  json["title"] = first.title;
  json["source"] = first.source;
  for (const auto& [key, value] : first.metadata) json[key] = value;
  json["passage_count"] = article.passages.size();
  json["chosen"] = chosen;
  Json passages = Json::array();
  for (const StoredPassage& p : article.passages) {
    passages.push_back(
        {{"passage", p.passage}, {"start", p.start}, {"end", p.end}, {"text", p.text}});
  }
  json["passages"] = std::move(passages);
  write_line(json, out);
}

void print_stats_json(const IndexStats& stats, std::ostream& out) {
  Json json;
  json["format_version"] = kJsonFormatVersion;
  json["articles"] = stats.articles;
  json["passages"] = stats.passages;
  json["terms"] = stats.terms;
  json["bytes_on_disk"] = stats.bytes_on_disk ? Json(*stats.bytes_on_disk) : Json(nullptr);
  json["shards"] = stats.shards;
  json["sources"] = stats.kinds;
  json["sites"] = stats.sites;
  json["last_update"] = stats.last_update;
  json["schema_version"] = stats.schema_version;
  write_line(json, out);
}

}  // namespace fundstelle::query
