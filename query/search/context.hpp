// A sentence of context for a hit: where the passage's story comes from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fundstelle::query {

// The last sentence of `text` (after the last ". ", "! ", "? " or line break that is followed by
// more text), cut to about `max_bytes` at a word boundary with a leading "…". Empty for empty
// text.
[[nodiscard]] std::string last_sentence(std::string_view text, size_t max_bytes = 200);

}  // namespace fundstelle::query
