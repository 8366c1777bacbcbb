// The one entry point from raw bytes to an Article: detects the format and calls its reader.
#pragma once

#include <string_view>

#include "extract/article.hpp"
#include "result.hpp"

namespace fundstelle::extract {

// Extracts the article held in `bytes`; `file_name` only helps format detection.
// Fails (never throws) for empty, binary or text-less input, with the reason.
[[nodiscard]] Result<Article> extract_article(std::string_view file_name, std::string_view bytes);

}  // namespace fundstelle::extract
