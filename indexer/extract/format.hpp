// Recognising what an input is, by content first and by file name second.
#pragma once

#include <string_view>

namespace fundstelle::extract {

enum class Format { kHtml, kXml, kText, kBinary, kEmpty };

// Sniffs the first bytes (BOM, XML declaration, doctype, root element, NUL and control bytes)
// and uses the extension only to break ties (".html" with no markup is still text).
[[nodiscard]] Format detect_format(std::string_view file_name, std::string_view bytes);

[[nodiscard]] const char* format_name(Format format);

}  // namespace fundstelle::extract
