#include "stored_passage.hpp"

#include <nlohmann/json.hpp>

namespace fundstelle {

std::string encode_stored_passage(const StoredPassage& passage) {
  nlohmann::json json = {
      {"docid", passage.docid}, {"passage", passage.passage}, {"passages", passage.passage_count},
      {"title", passage.title}, {"source", passage.source},   {"text", passage.text},
      {"start", passage.start}, {"end", passage.end},         {"meta", passage.metadata},
  };
  // Replace rather than throw on invalid UTF-8: the record must always be writable.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool decode_stored_passage(const std::string& data, StoredPassage& out) {
  const nlohmann::json json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return false;
  try {
    out.docid = json.at("docid").get<std::string>();
    out.passage = json.at("passage").get<int>();
    out.passage_count = json.value("passages", 0);
    out.title = json.value("title", "");
    out.source = json.value("source", "");
    out.text = json.at("text").get<std::string>();
    out.start = json.value("start", size_t{0});
    out.end = json.value("end", size_t{0});
    out.metadata = json.value("meta", std::map<std::string, std::string>{});
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  return true;
}

}  // namespace fundstelle
