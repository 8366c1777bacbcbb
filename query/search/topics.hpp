// Reading query sets for batch evaluation runs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "result.hpp"

namespace fundstelle::query {

struct Topic {
  std::string id;
  std::string text;
};

// Reads TSV ("qid<TAB>query" per line) or JSON Lines ({"query_id", "query_text"} per line), told
// apart by the first non-blank character. Errors name the file and line.
[[nodiscard]] Result<std::vector<Topic>> read_topics(const std::filesystem::path& path);

}  // namespace fundstelle::query
