#include "cli/terminal.hpp"

#include <langinfo.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace fundstelle::cli {
namespace {

size_t env_number(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? 0 : std::strtoul(value, nullptr, 10);
}

winsize window_size() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) size = winsize{};
  return size;
}

}  // namespace

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) != 0; }
bool stdin_is_terminal() { return isatty(STDIN_FILENO) != 0; }

size_t terminal_columns() {
  if (const size_t columns = env_number("COLUMNS"); columns > 0) return columns;
  if (const winsize size = window_size(); size.ws_col > 0) return size.ws_col;
  return 100;
}

size_t terminal_rows() {
  if (const size_t rows = env_number("LINES"); rows > 0) return rows;
  return window_size().ws_row;
}

bool locale_is_utf8() {
  const char* codeset = nl_langinfo(CODESET);
  return codeset != nullptr &&
         (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

bool use_color(ColorMode mode, bool terminal, const char* no_color_env) {
  if (mode != ColorMode::kAuto) return mode == ColorMode::kAlways;
  return terminal && (no_color_env == nullptr || *no_color_env == '\0');
}

query::TextStyle text_style(const QueryOptions& options) {
  query::TextStyle style;
  const bool terminal = stdout_is_terminal();
  style.color = use_color(options.color, terminal, std::getenv("NO_COLOR"));
  style.width = terminal_columns();
  // Piped output is for other programs and files: UTF-8 whatever the locale. On a terminal the
  // locale decides what it can show.
  style.utf8 = !terminal || locale_is_utf8();
  return style;
}

}  // namespace fundstelle::cli
