#include <nlohmann/json.hpp>

#include "print/printer.hpp"

namespace fundstelle::query {

void print_json(const std::vector<Hit>& hits, std::ostream& out, const std::string& query_id) {
  for (const Hit& hit : hits) {
    nlohmann::ordered_json json;
    if (!query_id.empty()) json["query_id"] = query_id;
    json["format_version"] = kJsonFormatVersion;
    json["rank"] = hit.rank;
    json["score"] = hit.score;
    json["docid"] = hit.docid;
    json["passage"] = hit.passage;
    json["title"] = hit.title;
    json["source"] = hit.source;
    json["text"] = hit.text;
    nlohmann::ordered_json highlights = nlohmann::ordered_json::array();
    for (const auto& [begin, end] : hit.highlights) highlights.push_back({begin, end});
    json["highlights"] = std::move(highlights);
    for (const auto& [key, value] : hit.metadata) json[key] = value;
    out << json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  }
}

}  // namespace fundstelle::query
