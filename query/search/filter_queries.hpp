// Filters of the query language: author:/site: values and date: ranges as Xapian queries.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string_view>

namespace fundstelle::query {

// A folded filter value (schema::kAuthor, kSite, ...): matches the indexed value as a whole, or
// values that contain it as a word between spaces or dots ("reimann" in "jonas reimann",
// "spiegel" in "spiegel.de"), at most `max_values` of those; found by scanning the prefix's terms
// of `db` (none if null). A leading "www." of a site is dropped. Weight 0: it only filters.
[[nodiscard]] Xapian::Query field_query(std::string_view prefix, std::string_view value,
                                        const Xapian::Database* db, size_t max_values);

// Published dates (ISO 8601 strings in schema::kSlotDate) from `from` to `to`, both inclusive
// and either empty for an open end; a partial date ("2023", "2023-11") stands for its period.
[[nodiscard]] Xapian::Query date_query(std::string_view from, std::string_view to);

}  // namespace fundstelle::query
