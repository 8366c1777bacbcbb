// HTML5 parsing (gumbo) into a pugixml DOM that the rest of the HTML reader walks, guarded against
// pathological nesting.
#pragma once

#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace fundstelle::extract {

struct HtmlParseLimits {
  // Elements open at once. Blink caps its DOM depth at 512 too; real pages stay far below.
  size_t max_depth = 512;
  // Unclosed formatting elements (b, i, font, ...). The HTML5 parser re-opens every one of them in
  // each new block, so n of them make each following block cost n nodes; beyond this many, new
  // ones are dropped (they carry no text), and once re-opening has cost more nodes than a sixteenth
  // of the page's bytes, all of them are closed.
  size_t max_open_formatting = 8;
};

// Prepares a page for the parser. Removes the start and end tags that would nest elements beyond
// `limits` (block-level tags become a line break, so words stay apart) and the content of
// <script> (unless it is JSON-LD), <style>, <iframe>, <noembed> and <noframes>.
// Text, comments and all other markup are kept as they are. Returns nullopt if nothing needed
// changing. One pass over the tags; linear in the input size.
[[nodiscard]] std::optional<std::string> prepare_html_for_parsing(
    std::string_view html, const HtmlParseLimits& limits = {});

// Parses UTF-8 `html` as a browser would (HTML5 tree construction: implied and unclosed tags,
// all named character references), after prepare_html_for_parsing, into a document whose root
// element is <html>. Element and attribute names are lowercase; text (with entities decoded)
// becomes pcdata nodes; comments are dropped, as is the content of <template>. Never fails;
// memory and time are linear in the input.
[[nodiscard]] pugi::xml_document parse_html_dom(std::string_view html);

}  // namespace fundstelle::extract
