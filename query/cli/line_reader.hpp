// Where interactive mode gets its lines: GNU readline on a terminal (line editing, history kept
// in a file), plain lines from any other stream (so tests can drive it through a pipe).
#pragma once

#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <string>

namespace fundstelle::cli {

class LineReader {
 public:
  virtual ~LineReader() = default;
  // The next line, or nullopt at end of input. `prefill` is offered as the line's start (a
  // suggestion the user accepts with Enter); an empty line from a stream takes the prefill.
  virtual std::optional<std::string> read(const std::string& prompt,
                                          const std::string& prefill) = 0;
};

// readline with history in `history_file` (read now, appended after each line).
[[nodiscard]] std::unique_ptr<LineReader> make_readline_reader(std::filesystem::path history_file);
// Lines from `in`, no prompt, no history.
[[nodiscard]] std::unique_ptr<LineReader> make_stream_reader(std::istream& in);

// $XDG_STATE_HOME/fundstelle/history, else ~/.local/state/fundstelle/history; empty if no home.
[[nodiscard]] std::filesystem::path default_history_file();

}  // namespace fundstelle::cli
