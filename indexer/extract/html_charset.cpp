#include "extract/html_charset.hpp"

#include "extract/html_scan.hpp"

namespace fundstelle::extract {
namespace {

std::string normalise_label(std::string_view label) {
  while (!label.empty() && is_html_space(label.front())) label.remove_prefix(1);
  while (!label.empty() && is_html_space(label.back())) label.remove_suffix(1);
  std::string out;
  out.reserve(label.size());
  for (char c : label) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  // A page readable as ASCII up to its declaration cannot be UTF-16 (WHATWG prescan rule).
  if (out.starts_with("utf-16")) return "utf-8";
  if (out == "x-user-defined") return "windows-1252";
  return out;
}

size_t ifind(std::string_view haystack, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (iequals_ascii(haystack.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

// WHATWG "extracting a character encoding from a meta element" (content="text/html; charset=x").
std::string_view charset_from_content(std::string_view content) {
  size_t pos = 0;
  while ((pos = ifind(content, "charset", pos)) != std::string_view::npos) {
    pos += 7;
    while (pos < content.size() && is_html_space(content[pos])) ++pos;
    if (pos >= content.size() || content[pos] != '=') continue;
    ++pos;
    while (pos < content.size() && is_html_space(content[pos])) ++pos;
    if (pos >= content.size()) return {};
    if (content[pos] == '"' || content[pos] == '\'') {
      const size_t close = content.find(content[pos], pos + 1);
      if (close == std::string_view::npos) return {};
      return content.substr(pos + 1, close - pos - 1);
    }
    size_t end = pos;
    while (end < content.size() && !is_html_space(content[end]) && content[end] != ';') ++end;
    return content.substr(pos, end - pos);
  }
  return {};
}

// <?xml version="1.0" encoding="ISO-8859-1"?> at the very start.
std::string_view xml_declared_encoding(std::string_view head) {
  const size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || head.substr(first, 5) != "<?xml") return {};
  const size_t close = head.find("?>", first);
  const std::string_view declaration =
      head.substr(first, close == std::string_view::npos ? std::string_view::npos : close - first);
  std::string_view encoding;
  for_each_html_attribute(declaration.substr(5),
                          [&](std::string_view name, std::string_view value) {
                            if (name == "encoding") encoding = value;
                          });
  return encoding;
}

}  // namespace

std::string sniff_html_charset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kCharsetPrescanBytes);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  if (const std::string_view encoding = xml_declared_encoding(head); !encoding.empty()) {
    return normalise_label(encoding);
  }
  HtmlScanner scanner(head);
  HtmlTagToken token;
  char buffer[16];
  while (scanner.next(token)) {
    if (token.end_tag) continue;
    const std::string_view name = lowercase_ascii_into(token.name, buffer, sizeof buffer);
    if (name == "script" || name == "style" || name == "textarea" || name == "title") {
      scanner.skip_raw_text(name);
      continue;
    }
    if (name != "meta") continue;
    std::string_view charset;
    std::string_view http_equiv;
    std::string_view content;
    for_each_html_attribute(token.attributes, [&](std::string_view attr, std::string_view value) {
      if (iequals_ascii(attr, "charset")) {
        charset = value;
      } else if (iequals_ascii(attr, "http-equiv")) {
        http_equiv = value;
      } else if (iequals_ascii(attr, "content")) {
        content = value;
      }
    });
    if (!charset.empty()) return normalise_label(charset);
    if (iequals_ascii(http_equiv, "content-type")) {
      if (const std::string_view from_content = charset_from_content(content);
          !from_content.empty()) {
        return normalise_label(from_content);
      }
    }
  }
  return {};
}

}  // namespace fundstelle::extract
