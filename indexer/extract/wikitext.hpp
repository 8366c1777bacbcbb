// MediaWiki wikitext -> clean text blocks: the markup of a wiki article (templates, links,
// references, tables, ...) reduced to the words a reader of the rendered page sees.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/article.hpp"

namespace fundstelle::extract {

struct WikitextContent {
  std::vector<Block> blocks;            // in reading order, every text clean_text'ed, none empty
  std::vector<std::string> categories;  // [[Kategorie:X]] / [[Category:X]] names, first-seen order,
                                        // without sort keys or duplicates
};

// Converts one page's wikitext. Never fails and never throws on malformed markup; time is linear in
// the input (no recursion, so nesting depth cannot overflow the stack). What becomes of each
// construct:
//   {{templates}}, {{{params}}}   removed, nested to any depth (their output is not expanded, so
//                                 inline templates such as {{lang|en|Text}} lose their text)
//   [[Ziel]] / [[Ziel|Text]]      "Ziel" / "Text"; [[Ziel|]] (pipe trick) "Ziel" without
//                                 namespace or "(...)"; [[:Kategorie:X]] is an ordinary link
//   [[Datei:/File:/Bild:/Image:]] removed from the text; the caption (the last part that is not an
//                                 image option such as mini, 200px, alt=...) becomes a kCaption
//                                 block after the block holding the file; <gallery> lines alike
//   [[Kategorie:/Category:]]      removed, name returned in `categories`
//   [[en:...]] interlanguage      removed (a lowercase prefix of 2-12 letters/hyphens)
//   [http://x Text] / [http://x]  "Text" / removed; bare URLs stay text
//   <ref>, <references>, <math>, <chem>, <score>, <timeline>, <imagemap>, ... : removed with their
//   content; <!-- comments --> removed; <nowiki> content is literal text; <pre>, <syntaxhighlight>
//   and <source> become kPreformatted blocks; <poem> keeps its text; other HTML tags are
//   stripped keeping their text (<br>, <p>, <div>, <li>... count as a space)
//   &entities;                    decoded (named HTML ones and numeric)
//   {| tables |}                  one kTableCell block per cell (attributes dropped), |+ caption
//                                 as kCaption; nested tables likewise
//   '''bold''' / ''italic''       markers removed
//   == Heading ==                 kHeading with the level of the shorter '=' run (== is 2); a
//                                 heading whose section is left without text (Einzelnachweise,
//                                 Weblinks) is dropped
//   * and # lines                 one kListItem per line; ':' lines and "; term : definition"
//                                 become kParagraph blocks
//   __TOC__ and other magic words removed; "----" separates paragraphs; #REDIRECT keeps its target
//   lines                         consecutive lines form one paragraph; a blank line ends it.
//                                 Leading-space preformatting is not honoured (removed templates
//                                 leave such spaces behind), those lines are paragraph text.
// Malformed markup: an unclosed construct that hides its content ({{, <!--, <ref>, <math>, ...)
// hides it only up to the end of its paragraph (the next blank line); an unclosed [[ or a stray
// ]] / }} is dropped and the text around it kept; an unclosed <nowiki>/<pre> loses the tag only;
// an unclosed {| table ends at the first blank line after which no |} follows (its text stays,
// as table cells). [[ nesting deeper than 64 is flattened.
[[nodiscard]] WikitextContent parse_wikitext(std::string_view wikitext);

// parse_wikitext(wikitext).blocks.
[[nodiscard]] std::vector<Block> wikitext_to_blocks(std::string_view wikitext);

// True if the first line is a redirect (#REDIRECT [[Ziel]] or the German #WEITERLEITUNG).
[[nodiscard]] bool is_wikitext_redirect(std::string_view wikitext);

}  // namespace fundstelle::extract
