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

// `query` restricted to the documents `filter` matches, weighted by `query` alone. Plainly an
// OP_FILTER, which lets the (usually smaller) filter drive and probes `query` (check()) only on
// its documents. That probing is wrong in Xapian 1.4.22 when `query` has `positional` parts
// (a phrase or NEAR inside an OR): a phrase that fails the probe leaves its OR believing it is
// on the next document, and when the OR later turns into an AND_MAYBE under the rising
// threshold, that document gets the phrase's weight without having the phrase (seen with
// "EU" | "Europäische Union": 21.43 for a passage worth 18.25). With positional parts `query`
// drives instead and the documents outside `filter` are subtracted — as exact as an unfiltered
// search, and as costly.
[[nodiscard]] Xapian::Query restricted(const Xapian::Query& query, const Xapian::Query& filter,
                                       bool positional);

}  // namespace fundstelle::query
