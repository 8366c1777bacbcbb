// The one entry point from raw bytes to an Article: detects the format and calls its reader.
#pragma once

#include <string_view>

#include "extract/article.hpp"
#include "result.hpp"

namespace fundstelle::extract {

// Bump whenever a change to any reader changes what it extracts from the same bytes: re-runs then
// re-index articles whose bytes did not change.
inline constexpr int kExtractorVersion = 1;

// Extracts the article held in `bytes`; `file_name` only helps format detection.
// Fails (never throws) for empty, binary or text-less input, with the reason.
[[nodiscard]] Result<Article> extract_article(std::string_view file_name, std::string_view bytes);

}  // namespace fundstelle::extract
