#include "search/filter_queries.hpp"

#include <string>
#include <vector>

#include "analysis/normalizer.hpp"
#include "schema.hpp"
#include "search/date_range.hpp"

namespace fundstelle::query {
namespace {

bool is_separator(char c) { return c == ' ' || c == '.'; }

bool contains_word(const std::string& value, const std::string& word) {
  for (size_t at = value.find(word); at != std::string::npos; at = value.find(word, at + 1)) {
    const size_t end = at + word.size();
    if ((at == 0 || is_separator(value[at - 1])) &&
        (end == value.size() || is_separator(value[end]))) {
      return true;
    }
  }
  return false;
}

}  // namespace

Xapian::Query field_query(std::string_view prefix, std::string_view value,
                          const Xapian::Database* db, size_t max_values) {
  std::string folded = analysis::fold(value);
  if (prefix == schema::kSite && folded.starts_with("www.")) folded.erase(0, 4);
  if (folded.empty()) return Xapian::Query::MatchNothing;
  const std::string p(prefix);
  std::vector<Xapian::Query> terms{Xapian::Query(p + folded)};
  if (db != nullptr) {
    for (auto it = db->allterms_begin(p); it != db->allterms_end(p) && terms.size() <= max_values;
         ++it) {
      const std::string indexed = (*it).substr(p.size());
      if (indexed != folded && contains_word(indexed, folded)) terms.emplace_back(*it);
    }
  }
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0);
}

Xapian::Query date_query(std::string_view from, std::string_view to) {
  // The slot holds strings such as "2023-11-17T20:00:00+01:00"; date_range.hpp's bounds make a
  // partial date stand for its whole period.
  const std::string low = from.empty() ? std::string("0") : since_bound(from);
  const std::string high = until_bound(to.empty() ? std::string_view("9999") : to);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, low, high);
}

Xapian::Query restricted(const Xapian::Query& query, const Xapian::Query& filter, bool positional) {
  if (!positional) return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  const Xapian::Query outside(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, filter);
  return Xapian::Query(Xapian::Query::OP_AND_NOT, query, outside);
}

}  // namespace fundstelle::query
