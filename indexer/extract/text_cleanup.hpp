// Text normalisation shared by every reader: turns whatever a source holds into the clean UTF-8
// that Block::text promises.
#pragma once

#include <string>
#include <string_view>

namespace fundstelle::extract {

// Returns valid NFC UTF-8 with: invalid sequences replaced by U+FFFD; soft hyphens, zero-width
// characters, BOMs and control characters removed (so "Tochter\u00ADgesellschaft" stays one word);
// every kind of Unicode whitespace (NBSP, thin space, tabs, newlines, ...) collapsed to a single
// ASCII space; leading and trailing space trimmed.
[[nodiscard]] std::string clean_text(std::string_view utf8);

// Like clean_text, but keeps line breaks: each line is cleaned, runs of blank lines become one
// blank line. For preformatted text and plain-text paragraphs split by the caller.
[[nodiscard]] std::string clean_text_keep_lines(std::string_view utf8);

// True for code points that separate nothing and must vanish inside words (soft hyphen, ZWSP,
// ZWJ/ZWNJ, word joiner, BOM).
[[nodiscard]] bool is_invisible_code_point(char32_t cp);

}  // namespace fundstelle::extract
