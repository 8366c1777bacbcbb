// Normalising metadata values found in documents (dates, language tags, keyword lists) into the
// forms Article::metadata promises.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fundstelle::extract {

// ISO 8601: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM" when the input has
// a time (and a zone). Accepts ISO 8601 variants ("2023-11-20T09:30:00.000+0100", "2023-11-20
// 09:30", "20231120"), RFC 822 ("Mon, 20 Nov 2023 09:30:00 +0100"), German "20.11.2023" and
// English/German month names ("November 20, 2023", "20. November 2023"). Returns "" for anything
// else or an impossible date.
[[nodiscard]] std::string normalize_iso_date(std::string_view text);

// The primary language subtag, lowercase: "de-DE", "de_DE", "DE" -> "de". "" if `tag` does not
// start with 2-3 ASCII letters.
[[nodiscard]] std::string normalize_language_tag(std::string_view tag);

// Splits at commas (and semicolons), trims, drops empty and repeated entries (case-insensitive)
// and joins with ", ".
[[nodiscard]] std::string normalize_keyword_list(std::string_view list);

// Collecting multi-valued fields (several authors): appends `value` unless empty or already there.
void append_distinct(std::vector<std::string>& values, std::string value);

// The values joined with ", ", the form Article::metadata uses for lists.
[[nodiscard]] std::string join_values(const std::vector<std::string>& values);

}  // namespace fundstelle::extract
