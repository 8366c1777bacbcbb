// German stopwords, used to keep function words from dominating the ranking of a query.
#pragma once

#include <string_view>

namespace fundstelle::analysis {

// True if the folded word (see normalizer.hpp) is on the list shipped in data/stopwords-de.txt.
[[nodiscard]] bool is_stopword(std::string_view folded_word);

}  // namespace fundstelle::analysis
