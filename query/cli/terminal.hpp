// What the terminal can show: whether stdout/stdin are terminals, width and height, UTF-8, and
// the text style that follows from --color and NO_COLOR.
#pragma once

#include <cstddef>

#include "cli/query_options.hpp"
#include "print/printer.hpp"

namespace fundstelle::cli {

[[nodiscard]] bool stdout_is_terminal();
[[nodiscard]] bool stdin_is_terminal();

// Columns and rows of the terminal on stdout; $COLUMNS / $LINES, else 100 x 0 when not a terminal.
[[nodiscard]] size_t terminal_columns();
[[nodiscard]] size_t terminal_rows();

// True when the locale's character set is UTF-8 (call after setlocale(LC_ALL, "")).
[[nodiscard]] bool locale_is_utf8();

// Colour: --color always, or auto on a terminal with NO_COLOR unset or empty.
[[nodiscard]] bool use_color(ColorMode mode, bool terminal, const char* no_color_env);

[[nodiscard]] query::TextStyle text_style(const QueryOptions& options);

}  // namespace fundstelle::cli
