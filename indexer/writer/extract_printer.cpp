#include "writer/extract_printer.hpp"

#include <nlohmann/json.hpp>

namespace fundstelle::writer {

void print_extracted(const IndexedArticle& input, std::ostream& out) {
  // ordered_json keeps the documented key order.
  nlohmann::ordered_json json;
  json["format_version"] = 1;
  json["docid"] = input.docid;
  json["source"] = input.source;
  json["title"] = input.article.title;
  for (const auto& [key, value] : input.article.metadata) json[key] = value;
  json["text"] = input.article.text();
  nlohmann::ordered_json passages = nlohmann::ordered_json::array();
  for (const passages::Passage& passage : input.passages) passages.push_back(passage.text);
  json["passages"] = std::move(passages);
  out << json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace fundstelle::writer
