// Finding a web page's main content (the article without the page furniture around it) and
// turning it into blocks in reading order.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "extract/article.hpp"

namespace fundstelle::extract {

struct HtmlContent {
  std::vector<Block> blocks;  // reading order, text cleaned (clean_text)
  std::string h1;             // text of the article's first <h1>, cleaned; "" if none
  std::string datetime;       // `datetime` of the article's first <time>, as written; "" if none
};

// Chooses the main content of `doc` (as built by parse_html_dom) and writes it as blocks.
//
// Container: the itemprop="articleBody" element with the most text, else such an <article>
// (text in nested <article>s, i.e. teaser lists, does not count), else <main> / role="main";
// readability-style scoring (text length, commas, link density, class/id words) finds the block
// of paragraphs. If that block lies inside the semantic container and holds most of its text, it
// is used together with a lead paragraph preceding it; if the semantic container is much smaller
// than the scored block, the scored block and its qualifying siblings are used.
//
// Inside, dropped: scripts, styles, media, form controls and other non-text elements; hidden
// elements (hidden, aria-hidden, display:none, "hidden"/"sr-only" classes); <nav>, <aside>,
// <form>, page <header>/<footer>; comment sections and furniture recognised by class/id
// (boilerplate_hint), except furniture holding most of the text; link lists (containers and
// blocks that are mostly link text); bare URLs and datelines; everything from a comment form's
// "Schreibe einen Kommentar" / "Leave a Reply" on. Block elements and <br><br> separate
// blocks; inline elements do not.
[[nodiscard]] HtmlContent extract_html_content(const pugi::xml_document& doc);

}  // namespace fundstelle::extract
