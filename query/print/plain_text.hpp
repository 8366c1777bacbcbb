// Text for the terminal: display width, ASCII fallback for non-UTF-8 locales, word wrapping with
// highlighted byte ranges. Shared by the printers of hits and articles.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "print/printer.hpp"

namespace fundstelle::query {

inline constexpr const char* kAnsiBold = "\033[1m";
inline constexpr const char* kAnsiHighlight = "\033[1;31m";
inline constexpr const char* kAnsiDim = "\033[2m";
inline constexpr const char* kAnsiReset = "\033[0m";

// Display columns of UTF-8 text: one per code point (continuation bytes do not count).
[[nodiscard]] size_t display_columns(std::string_view text);

// For a terminal that cannot show UTF-8: German letters spelled out (ä -> ae, ß -> ss), typographic
// quotes and dashes as ASCII, anything else non-ASCII as '?'.
[[nodiscard]] std::string to_ascii(std::string_view text);

// `text` as the style can show it (unchanged in a UTF-8 locale).
[[nodiscard]] std::string displayable(std::string_view text, const TextStyle& style);

// Writes `text` wrapped at the style's width after `indent`, colouring the byte ranges of
// `highlights` (ascending, non-overlapping) when the style has colour; '\n' in the text starts a
// new line. Ends with a newline.
void print_wrapped(std::string_view text, const std::vector<std::pair<size_t, size_t>>& highlights,
                   const TextStyle& style, const std::string& indent, std::ostream& out,
                   const char* highlight = kAnsiHighlight);

}  // namespace fundstelle::query
