// --since/--until: partial ISO 8601 dates turned into bounds on the published-date value slot,
// which holds ISO 8601 strings that sort as strings.
#pragma once

#include <string>
#include <string_view>

namespace fundstelle::query {

// True for "YYYY", "YYYY-MM" and "YYYY-MM-DD" with a plausible month and day.
[[nodiscard]] bool is_iso_date_prefix(std::string_view text);

// Lower bound: every stored date on or after that day/month/year is >= it.
[[nodiscard]] std::string since_bound(std::string_view date);
// Upper bound: every stored date within that day/month/year ("2023-11-30T23:59+01:00") is <= it.
[[nodiscard]] std::string until_bound(std::string_view date);

}  // namespace fundstelle::query
