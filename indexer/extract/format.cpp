#include "extract/format.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace fundstelle::extract {
namespace {

constexpr size_t kSniffBytes = 4096;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool ends_with_any(const std::string& name, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [&](std::string_view s) { return name.ends_with(s); });
}

// Binary data: NUL bytes or many C0 control bytes in the head. UTF-16 text (BOM) is not binary.
bool looks_binary(std::string_view head) {
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) return false;
  size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  return controls * 20 > head.size();  // > 5 %
}

}  // namespace

Format detect_format(std::string_view file_name, std::string_view bytes) {
  std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  if (head.find_first_not_of(" \t\r\n\f") == std::string_view::npos) return Format::kEmpty;
  if (looks_binary(head)) return Format::kBinary;

  const std::string name = lower_ascii(file_name);
  const std::string lower = lower_ascii(head);
  const size_t first = lower.find_first_not_of(" \t\r\n\f");
  std::string_view start = std::string_view(lower).substr(first);

  const bool has_html_markup = lower.find("<html") != std::string::npos ||
                               lower.find("<!doctype html") != std::string::npos ||
                               lower.find("<body") != std::string::npos;
  if (start.starts_with("<?xml") || start.starts_with("<rss") || start.starts_with("<feed")) {
    // XHTML is HTML that happens to be well-formed: the HTML extractor handles it best.
    return has_html_markup ? Format::kHtml : Format::kXml;
  }
  if (has_html_markup) return Format::kHtml;
  if (start.starts_with("<")) {
    if (ends_with_any(name, {".xml", ".nitf", ".rss", ".atom"})) return Format::kXml;
    if (ends_with_any(name, {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})) {
      return Format::kHtml;
    }
    // Markup without a known extension: a fragment of HTML is far more common than bare XML.
    return lower.find("<p") != std::string::npos || lower.find("<div") != std::string::npos
               ? Format::kHtml
               : Format::kXml;
  }
  return Format::kText;
}

const char* format_name(Format format) {
  switch (format) {
    case Format::kHtml: return "html";
    case Format::kXml: return "xml";
    case Format::kText: return "text";
    case Format::kBinary: return "binary";
    case Format::kEmpty: return "empty";
  }
  return "unknown";
}

}  // namespace fundstelle::extract
