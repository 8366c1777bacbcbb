#include "extract/html_scan.hpp"

#include <cstring>

namespace fundstelle::extract {
namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char to_lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Offset of the '>' that closes a tag whose attributes start at `i`; npos if unterminated.
// Quotes only count where an attribute value starts, as in the tokenizer.
size_t find_tag_end(std::string_view s, size_t i) {
  while (i < s.size()) {
    const char c = s[i];
    if (c == '>') return i;
    if (c == '=') {
      ++i;
      while (i < s.size() && is_html_space(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        const size_t close = s.find(s[i], i + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        i = close + 1;
      }
      continue;
    }
    ++i;
  }
  return std::string_view::npos;
}

}  // namespace

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (to_lower_ascii(a[i]) != to_lower_ascii(b[i])) return false;
  }
  return true;
}

std::string_view lowercase_ascii_into(std::string_view name, char* buffer, size_t capacity) {
  if (name.size() > capacity) return {};
  for (size_t i = 0; i < name.size(); ++i) buffer[i] = to_lower_ascii(name[i]);
  return {buffer, name.size()};
}

bool HtmlScanner::next(HtmlTagToken& token) {
  const std::string_view s = html_;
  while (pos_ < s.size()) {
    const void* found = std::memchr(s.data() + pos_, '<', s.size() - pos_);
    if (found == nullptr) break;
    const size_t lt = static_cast<size_t>(static_cast<const char*>(found) - s.data());
    size_t i = lt + 1;
    if (i >= s.size()) break;
    const char c = s[i];
    if (c == '!' || c == '?' || (c == '/' && i + 1 < s.size() && !is_ascii_alpha(s[i + 1]))) {
      // Comment ("<!-->" and "<!--->" are complete ones), doctype or bogus comment.
      const bool comment = c == '!' && s.substr(i + 1, 2) == "--";
      const size_t close = comment ? s.find("-->", i + 1) : s.find('>', i);
      if (close == std::string_view::npos) break;
      pos_ = close + (comment ? 3 : 1);
      continue;
    }
    const bool end_tag = c == '/';
    if (end_tag) ++i;
    if (i >= s.size() || !is_ascii_alpha(s[i])) {  // a literal '<'
      pos_ = lt + 1;
      continue;
    }
    const size_t name_begin = i;
    while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>') ++i;
    const size_t gt = find_tag_end(s, i);
    if (gt == std::string_view::npos) break;  // a tag cut off by the end of input is dropped
    token.end_tag = end_tag;
    token.name = s.substr(name_begin, i - name_begin);
    token.self_closing = gt > i && s[gt - 1] == '/';
    token.attributes = s.substr(i, gt - i - (token.self_closing ? 1 : 0));
    token.begin = lt;
    token.end = gt + 1;
    pos_ = gt + 1;
    return true;
  }
  pos_ = s.size();
  return false;
}

void HtmlScanner::skip_raw_text(std::string_view lowercase_name) {
  const std::string_view s = html_;
  while (pos_ < s.size()) {
    const size_t lt = s.find("</", pos_);
    if (lt == std::string_view::npos) break;
    const size_t name_end = lt + 2 + lowercase_name.size();
    if (name_end <= s.size() &&
        iequals_ascii(s.substr(lt + 2, lowercase_name.size()), lowercase_name) &&
        (name_end == s.size() || is_html_space(s[name_end]) || s[name_end] == '/' ||
         s[name_end] == '>')) {
      pos_ = lt;
      return;
    }
    pos_ = lt + 2;
  }
  pos_ = s.size();
}

}  // namespace fundstelle::extract
