// Folding a word to the form both the index and the query compare: case, umlauts, ß, accents.
#pragma once

#include <string>
#include <string_view>

namespace fundstelle::analysis {

// Appends the folded form of the UTF-8 `word` to `out`: lower case; ä/ö/ü → ae/oe/ue and ß → ss
// (so "Müller" = "Mueller", "Straße" = "Strasse"); other accents removed ("Café" → "cafe");
// soft hyphens, zero-width characters, apostrophes and hyphens dropped.
void append_folded(std::string_view word, std::string& out);

[[nodiscard]] inline std::string fold(std::string_view word) {
  std::string out;
  append_folded(word, out);
  return out;
}

}  // namespace fundstelle::analysis
