// Web pages: decoding, HTML5 parsing into a pugixml DOM, main-content and metadata extraction.
#pragma once

#include <string_view>

#include "extract/article.hpp"
#include "result.hpp"

namespace fundstelle::extract {

// Extracts the article from an HTML or XHTML page in any charset. Navigation, headers, footers,
// sidebars, comment sections, forms, scripts and styles are not article text. Best effort on
// malformed markup; fails only when no text is found.
[[nodiscard]] Result<Article> extract_html(std::string_view bytes);

}  // namespace fundstelle::extract
