#include "index_location.hpp"

#include <cstdlib>

namespace fundstelle {
namespace {

const char* non_empty_env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : nullptr;
}

}  // namespace

std::filesystem::path default_index_path() {
  if (const char* db = non_empty_env("FUNDSTELLE_DB")) return db;
  if (const char* data = non_empty_env("XDG_DATA_HOME")) {
    return std::filesystem::path(data) / "fundstelle" / "index";
  }
  if (const char* home = non_empty_env("HOME")) {
    return std::filesystem::path(home) / ".local" / "share" / "fundstelle" / "index";
  }
  return "fundstelle-index.db";
}

}  // namespace fundstelle
