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

// The name of the first element after the prolog (declaration, comments, doctype), lower-cased.
std::string_view root_element(std::string_view lower) {
  size_t pos = 0;
  while ((pos = lower.find('<', pos)) != std::string_view::npos) {
    if (lower.substr(pos).starts_with("<?") || lower.substr(pos).starts_with("<!")) {
      const size_t close = lower.find('>', pos);
      if (close == std::string_view::npos) return {};
      pos = close + 1;
      continue;
    }
    const size_t start = pos + 1;
    size_t end = start;
    while (end < lower.size() && lower[end] != ' ' && lower[end] != '>' && lower[end] != '/' &&
           lower[end] != '\n' && lower[end] != '\t' && lower[end] != '\r') {
      ++end;
    }
    std::string_view name = lower.substr(start, end - start);
    const size_t colon = name.find(':');  // "xhtml:html"
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
  }
  return {};
}

bool is_html_element(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "head",  "body",    "meta",    "title", "link",   "div",    "p",    "span",   "a",
      "table", "article", "section", "main",  "header", "nav",    "h1",   "h2",     "h3",
      "h4",    "h5",      "h6",      "ul",    "ol",     "br",     "img",  "script", "style",
      "form",  "b",       "i",       "em",    "strong", "center", "font", "pre"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
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

  if (!start.starts_with("<")) return Format::kText;

  const std::string_view root = root_element(lower);
  if (root == "html" || lower.find("<!doctype html") != std::string::npos) return Format::kHtml;
  // Other XML vocabularies (NITF, feeds) may have a <body> of their own: the root decides.
  if (start.starts_with("<?xml")) return Format::kXml;
  if (is_html_element(root)) return Format::kHtml;  // a page without <html>, or a fragment
  if (ends_with_any(name, {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})) {
    return Format::kHtml;
  }
  return Format::kXml;
}

const char* format_name(Format format) {
  switch (format) {
    case Format::kHtml:
      return "html";
    case Format::kXml:
      return "xml";
    case Format::kText:
      return "text";
    case Format::kBinary:
      return "binary";
    case Format::kEmpty:
      return "empty";
  }
  return "unknown";
}

}  // namespace fundstelle::extract
