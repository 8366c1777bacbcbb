// Plain text articles: an optional title line, then paragraphs separated by blank lines.
#pragma once

#include <string_view>

#include "extract/article.hpp"
#include "result.hpp"

namespace fundstelle::extract {

// Decodes `bytes` (UTF-8, UTF-16 with BOM, or a detected legacy charset), takes a short first
// line followed by a blank line as the title, and makes one paragraph per blank-line-separated
// chunk (lines inside a chunk are joined).
[[nodiscard]] Result<Article> extract_text(std::string_view bytes);

}  // namespace fundstelle::extract
