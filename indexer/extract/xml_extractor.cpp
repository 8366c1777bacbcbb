#include "extract/xml_extractor.hpp"

namespace fundstelle::extract {

// Placeholder until the xml reader lands.
Result<Article> extract_xml(std::string_view) { return Error{"xml reader not implemented yet"}; }

}  // namespace fundstelle::extract
