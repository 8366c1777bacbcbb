#include <fmt/format.h>

#include "print/printer.hpp"

namespace fundstelle::query {

void print_trec(const std::string& query_id, const std::vector<Hit>& hits,
                const std::string& run_name, std::ostream& out) {
  for (const Hit& hit : hits) {
    // TREC fields are whitespace-separated: ids with spaces would break the run file.
    std::string docid = hit.docid;
    for (char& c : docid) {
      if (c == ' ' || c == '\t') c = '_';
    }
    out << fmt::format("{} Q0 {}#{} {} {:.6f} {}\n", query_id, docid, hit.passage, hit.rank,
                       hit.score, run_name);
  }
}

}  // namespace fundstelle::query
