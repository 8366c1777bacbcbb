// A web page's metadata: <title>, <meta> (Open Graph, article:*, Dublin Core, ...), <link rel>,
// <html lang>, microdata and JSON-LD, normalised into Article::metadata keys.
#pragma once

#include <map>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace fundstelle::extract {

struct HtmlMetadata {
  // Keys from extract::meta; values cleaned and normalised (ISO 8601 dates, "de" language codes,
  // ", "-separated tags). Only keys with a value are present.
  std::map<std::string, std::string> fields;
  std::string og_title;        // og:title (or twitter:title), cleaned
  std::string document_title;  // <title>, cleaned, site name not yet stripped
  std::string headline;        // JSON-LD headline, cleaned
  std::string article_body;    // JSON-LD articleBody, raw (line breaks kept)
};

// Reads everything above from `doc` (as built by parse_html_dom). Where sources disagree, the
// first in this order wins: author: meta name=author, article:author (unless a URL), JSON-LD
// author, rel=author, itemprop=author; published/modified: article:*_time, meta date/dc.date/
// pubdate, JSON-LD, itemprop; url: link rel=canonical, og:url, JSON-LD; language: <html lang>,
// og:locale, content-language, JSON-LD; description: meta description, og:description, JSON-LD;
// site_name: og:site_name, JSON-LD publisher; tags: article:tag, meta keywords, JSON-LD keywords.
[[nodiscard]] HtmlMetadata extract_html_metadata(const pugi::xml_document& doc);

// Removes a site name from a page title: a suffix or prefix separated by " | ", " - ", " – ",
// " — ", " · ", " :: ", " » " or " // ". With a known `site_name`, only a side that contains it
// (case-insensitively) is removed; without one, the shorter of the text after the last and the
// text before the first separator is removed, if it is shorter than what remains. Returns
// `title` unchanged when nothing applies.
[[nodiscard]] std::string strip_site_name(std::string_view title, std::string_view site_name);

}  // namespace fundstelle::extract
