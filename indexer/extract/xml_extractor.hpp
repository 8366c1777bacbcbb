// Article XML (news publishing formats such as NITF, and generic article-like XML).
#pragma once

#include <string_view>

#include "extract/article.hpp"
#include "result.hpp"

namespace fundstelle::extract {

// Parses `bytes` with pugixml and extracts title, metadata and body blocks. Malformed XML is
// reported with the byte offset pugixml gives.
[[nodiscard]] Result<Article> extract_xml(std::string_view bytes);

}  // namespace fundstelle::extract
