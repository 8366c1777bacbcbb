#include "extract/extractor.hpp"

#include "extract/format.hpp"
#include "extract/html_extractor.hpp"
#include "extract/text_extractor.hpp"
#include "extract/xml_extractor.hpp"

namespace fundstelle::extract {

Result<Article> extract_article(std::string_view file_name, std::string_view bytes) {
  Result<Article> result = Error{"unreachable"};
  switch (detect_format(file_name, bytes)) {
    case Format::kEmpty:
      return Error{"empty file"};
    case Format::kBinary:
      return Error{"binary data (NUL or control bytes), not a text format"};
    case Format::kHtml:
      result = extract_html(bytes);
      break;
    case Format::kXml:
      result = extract_xml(bytes);
      break;
    case Format::kText:
      result = extract_text(bytes);
      break;
  }
  if (result.ok() && result.value().blocks.empty()) return Error{"no article text found"};
  return result;
}

}  // namespace fundstelle::extract
