// Turning bytes of any charset into valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace fundstelle::extract {

struct Decoded {
  std::string utf8;     // valid UTF-8 (BOM removed)
  std::string charset;  // the charset used, canonical name ("UTF-8", "windows-1252", ...)
};

// Decides the charset in this order: byte-order mark; `declared` (from HTTP-equiv, <meta charset>
// or the XML declaration) if the bytes are plausible in it; UTF-8 if the bytes are valid UTF-8;
// else detection (uchardet), where ISO-8859-1 is widened to windows-1252 as browsers do.
// Declared UTF-8 that is not valid UTF-8 is detected instead. Never fails: undecodable bytes
// become U+FFFD.
[[nodiscard]] Decoded decode_to_utf8(std::string_view bytes, std::string_view declared = {});

// True if `bytes` is entirely valid UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view bytes);

}  // namespace fundstelle::extract
