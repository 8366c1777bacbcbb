#include "search/topics.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace fundstelle::query {

Result<std::vector<Topic>> read_topics(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Error{"cannot read topics file " + path.string()};
  std::vector<Topic> topics;
  std::string line;
  size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    const std::string where = path.string() + ":" + std::to_string(line_number) + ": ";
    if (line[first] == '{') {
      const nlohmann::json json = nlohmann::json::parse(line, nullptr, false);
      if (!json.is_object() || !json.contains("query_id") || !json.contains("query_text")) {
        return Error{where + "expected a JSON object with query_id and query_text"};
      }
      const nlohmann::json& id = json["query_id"];
      topics.push_back(
          {id.is_string() ? id.get<std::string>() : id.dump(),
           json["query_text"].is_string() ? json["query_text"].get<std::string>() : ""});
    } else {
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) return Error{where + "expected \"qid<TAB>query\""};
      topics.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
  }
  return topics;
}

}  // namespace fundstelle::query
