// Finding the words of a passage that the query matched, as byte ranges for the printers.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/german_analyzer.hpp"

namespace fundstelle::query {

// Byte ranges [begin, end) of `text` whose word (or compound part) has a folded form in `exact`
// or a stem in `stems`, or a folded form that starts with one of `prefixes` (Word* queries);
// ascending and non-overlapping. A matching whole word is one range.
[[nodiscard]] std::vector<std::pair<size_t, size_t>> find_highlights(
    std::string_view text, const std::set<std::string>& exact, const std::set<std::string>& stems,
    analysis::GermanAnalyzer& analyzer, const std::set<std::string>& prefixes = {});

}  // namespace fundstelle::query
