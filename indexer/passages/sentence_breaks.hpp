// Sentence boundaries in German text, for splitting long paragraphs into passages.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace fundstelle::passages {

// Byte offsets where a new sentence starts (the first letter after the break), ascending, never 0.
// A break is '.', '!', '?' or '…' (plus closing quotes/brackets) followed by space and an
// upper-case letter, digit or opening quote; not after common abbreviations ("z. B.", "Dr.",
// "Nr."), single initials ("Sam A. Altman") or ordinal numbers ("17. November").
[[nodiscard]] std::vector<size_t> sentence_starts(std::string_view text);

}  // namespace fundstelle::passages
