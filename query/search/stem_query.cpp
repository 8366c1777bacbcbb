#include "search/stem_query.hpp"

#include <algorithm>

#include "schema.hpp"

namespace fundstelle::query {
namespace {

// Whether the exact term `stem` holds words of that stem: only if the word stems to itself.
bool is_own_stem(const std::string& stem, analysis::GermanAnalyzer& analyzer) {
  return analyzer.stem(stem) == stem;
}

}  // namespace

Xapian::Query stem_query(std::string_view stem_prefix, std::string_view exact_prefix,
                         const std::string& stem, analysis::GermanAnalyzer& analyzer) {
  Xapian::Query stem_term(std::string(stem_prefix) + stem);
  if (!is_own_stem(stem, analyzer)) return stem_term;
  return Xapian::Query(Xapian::Query::OP_SYNONYM, stem_term,
                       Xapian::Query(std::string(exact_prefix) + stem));
}

Xapian::doccount stem_frequency(const Xapian::Database& db, const std::string& stem,
                                analysis::GermanAnalyzer& analyzer) {
  const Xapian::doccount stem_term = db.get_termfreq(std::string(schema::kStem) + stem);
  if (!is_own_stem(stem, analyzer)) return stem_term;
  return std::max(stem_term, db.get_termfreq(stem));
}

}  // namespace fundstelle::query
