#include "cli/line_reader.hpp"

// readline.h needs stdio's FILE declared first.
#include <cstdio>
#include <cstdlib>
#include <fstream>
// clang-format off
#include <readline/readline.h>
#include <readline/history.h>
// clang-format on

namespace fundstelle::cli {
namespace {

namespace fs = std::filesystem;

constexpr int kHistoryLines = 1000;

// readline's startup hook is a plain function pointer: the prefill waits here for it.
std::string pending_prefill;

int insert_prefill() {
  if (!pending_prefill.empty()) rl_insert_text(pending_prefill.c_str());
  pending_prefill.clear();
  return 0;
}

class ReadlineReader : public LineReader {
 public:
  explicit ReadlineReader(fs::path history_file) : history_file_(std::move(history_file)) {
    rl_startup_hook = insert_prefill;
    using_history();
    stifle_history(kHistoryLines);
    if (!history_file_.empty()) read_history(history_file_.c_str());
  }

  std::optional<std::string> read(const std::string& prompt, const std::string& prefill) override {
    pending_prefill = prefill;
    char* raw = readline(prompt.c_str());
    if (raw == nullptr) return std::nullopt;
    std::string line(raw);
    std::free(raw);
    if (!line.empty()) {
      add_history(line.c_str());
      save();
    }
    return line;
  }

 private:
  void save() {
    if (history_file_.empty()) return;
    std::error_code error;
    fs::create_directories(history_file_.parent_path(), error);
    // append_history needs the file to exist; the line itself is appended once, below.
    if (!fs::exists(history_file_, error)) std::ofstream(history_file_).flush();
    append_history(1, history_file_.c_str());
    history_truncate_file(history_file_.c_str(), kHistoryLines);
  }

  fs::path history_file_;
};

class StreamReader : public LineReader {
 public:
  explicit StreamReader(std::istream& in) : in_(in) {}

  std::optional<std::string> read(const std::string&, const std::string& prefill) override {
    std::string line;
    if (!std::getline(in_, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line.empty() && !prefill.empty() ? prefill : line;
  }

 private:
  std::istream& in_;
};

}  // namespace

std::unique_ptr<LineReader> make_readline_reader(fs::path history_file) {
  return std::make_unique<ReadlineReader>(std::move(history_file));
}

std::unique_ptr<LineReader> make_stream_reader(std::istream& in) {
  return std::make_unique<StreamReader>(in);
}

fs::path default_history_file() {
  if (const char* state = std::getenv("XDG_STATE_HOME"); state != nullptr && *state != '\0') {
    return fs::path(state) / "fundstelle" / "history";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return fs::path(home) / ".local" / "state" / "fundstelle" / "history";
  }
  return {};
}

}  // namespace fundstelle::cli
