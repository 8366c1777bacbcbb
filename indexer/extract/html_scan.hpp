// A lightweight HTML tag scanner for the prescans that run before the real parser (charset
// sniffing, nesting limits). It follows the HTML tokenizer's rules for comments, quoted attribute
// values and raw-text elements closely enough to find tags, but builds nothing.
#pragma once

#include <cstddef>
#include <string_view>

namespace fundstelle::extract {

struct HtmlTagToken {
  bool end_tag = false;
  bool self_closing = false;    // ends with "/>"
  std::string_view name;        // as written (any case)
  std::string_view attributes;  // the text between the name and '>' (or '/>')
  size_t begin = 0;             // offset of '<'
  size_t end = 0;               // offset one past '>' (or the input size if unterminated)
};

class HtmlScanner {
 public:
  explicit HtmlScanner(std::string_view html) : html_(html) {}

  // Advances to the next start or end tag. Comments, doctypes, processing instructions and '<'
  // that starts no tag are skipped. Returns false at the end of the input.
  [[nodiscard]] bool next(HtmlTagToken& token);

  // Skips the content of a raw-text element (script, style, ...) up to, not including, its end
  // tag `</name`; to the end of the input if there is none. `lowercase_name` must be lowercase.
  void skip_raw_text(std::string_view lowercase_name);

  [[nodiscard]] size_t position() const { return pos_; }

 private:
  std::string_view html_;
  size_t pos_ = 0;
};

// Calls on_attribute(name, value) for each attribute in `attributes` (HtmlTagToken::attributes);
// names as written, values without quotes and with entities not decoded.
template <typename OnAttribute>
void for_each_html_attribute(std::string_view attributes, OnAttribute&& on_attribute);

// Lowercases ASCII letters of `name` into `buffer` (at most `capacity` bytes); returns the result,
// or an empty view if the name does not fit.
[[nodiscard]] std::string_view lowercase_ascii_into(std::string_view name, char* buffer,
                                                    size_t capacity);

[[nodiscard]] inline bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

[[nodiscard]] bool iequals_ascii(std::string_view a, std::string_view b);

// --- implementation
// -------------------------------------------------------------------------------

template <typename OnAttribute>
void for_each_html_attribute(std::string_view attributes, OnAttribute&& on_attribute) {
  const std::string_view s = attributes;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_html_space(s[i]) || s[i] == '/')) ++i;
    if (i >= s.size()) break;
    const size_t name_begin = i++;  // a name may start with '=' (the tokenizer allows it)
    while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '=') ++i;
    const std::string_view name = s.substr(name_begin, i - name_begin);
    size_t j = i;
    while (j < s.size() && is_html_space(s[j])) ++j;
    std::string_view value;
    if (j < s.size() && s[j] == '=') {
      ++j;
      while (j < s.size() && is_html_space(s[j])) ++j;
      if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
        const char quote = s[j++];
        size_t close = s.find(quote, j);
        if (close == std::string_view::npos) close = s.size();
        value = s.substr(j, close - j);
        i = close + 1;
      } else {
        const size_t value_begin = j;
        while (j < s.size() && !is_html_space(s[j])) ++j;
        value = s.substr(value_begin, j - value_begin);
        i = j;
      }
    }
    on_attribute(name, value);
  }
}

}  // namespace fundstelle::extract
