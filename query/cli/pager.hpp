// Long text output through $PAGER (default "less -R") — only when stdout is a terminal and the
// text is taller than it; never when piped.
#pragma once

#include <string>

namespace fundstelle::cli {

// Whether `text` should be paged: stdout a terminal, paging not disabled, more lines than `rows`.
[[nodiscard]] bool should_page(const std::string& text, bool terminal, size_t rows, bool disabled);

// The pager command: $PAGER if set and not empty, else "less -R". "cat" and "" mean none.
[[nodiscard]] std::string pager_command();

// Writes `text` to stdout, through the pager when should_page() says so. A pager that cannot be
// started falls back to stdout.
void write_paged(const std::string& text, bool disabled);

}  // namespace fundstelle::cli
