// Finding the charset a web page declares about itself, before it is decoded.
#pragma once

#include <string>
#include <string_view>

namespace fundstelle::extract {

// How far into a page the charset declaration is looked for.
inline constexpr size_t kCharsetPrescanBytes = 4096;

// Returns the charset label the page declares in its first kCharsetPrescanBytes bytes: an XML
// declaration's encoding, <meta charset="...">, or <meta http-equiv="Content-Type"
// content="...; charset=...">, whichever comes first (as the WHATWG prescan does). Comments are
// skipped; a declared UTF-16 is reported as "utf-8" because a page that can be prescanned as
// ASCII is not UTF-16. Returns "" when nothing is declared. Never fails.
[[nodiscard]] std::string sniff_html_charset(std::string_view bytes);

}  // namespace fundstelle::extract
