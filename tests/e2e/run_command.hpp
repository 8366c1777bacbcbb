// Running the real binaries from end-to-end tests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fundstelle::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `args` (argv[0] is the program) with `env` ("NAME=value" entries added to the current
// environment) and stdin from /dev/null; captures stdout and stderr.
[[nodiscard]] CommandResult run_command(const std::vector<std::string>& args,
                                        const std::vector<std::string>& env = {});

// A directory under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `bytes` to `path`, creating parent directories.
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace fundstelle::testing
