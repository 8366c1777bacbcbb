#include "extract/html_extractor.hpp"

namespace fundstelle::extract {

// Placeholder until the html reader lands.
Result<Article> extract_html(std::string_view) { return Error{"html reader not implemented yet"}; }

}  // namespace fundstelle::extract
