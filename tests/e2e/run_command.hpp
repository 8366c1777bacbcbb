// Running the real binaries from end-to-end tests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace fundstelle::testing {

// The binaries under test and the sample articles, set by tests/CMakeLists.txt.
inline const std::string kIndexBin = FUNDSTELLE_INDEX_BIN;
inline const std::string kQueryBin = FUNDSTELLE_QUERY_BIN;
inline const std::filesystem::path kDataDir = std::filesystem::path(FUNDSTELLE_SOURCE_DIR) / "data";

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `args` (argv[0] is the program) with `env` ("NAME=value" entries added to the current
// environment) and `input` on stdin (empty: /dev/null); captures stdout and stderr.
[[nodiscard]] CommandResult run_command(const std::vector<std::string>& args,
                                        const std::vector<std::string>& env = {},
                                        const std::string& input = {});

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  TempDir::write_file(path, bytes);
}

}  // namespace fundstelle::testing
