// Reading schema.org metadata from a page's <script type="application/ld+json"> blocks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fundstelle::extract {

// What the reader uses from JSON-LD. Strings are as found (not cleaned); empty if absent.
struct JsonLdArticle {
  std::string headline;
  std::string author;          // author.name (or the string); several authors joined with ", "
  std::string date_published;  // datePublished, not normalised
  std::string date_modified;
  std::string description;
  std::string article_body;
  std::string publisher;  // publisher.name, else the name of a WebSite object
  std::string language;   // inLanguage
  std::string keywords;   // a string, or an array joined with ", "
  std::string url;
};

// Reads the JSON of all of a page's ld+json scripts. Objects whose @type is an article type
// (Article, NewsArticle, BlogPosting, ...) are preferred; other objects (WebPage, WebSite,
// Organization, ...) only fill what no article object has. Accepts single objects, arrays of
// objects and "@graph" arrays; tolerates invalid JSON (that script is ignored), HTML comment or
// CDATA wrappers and unexpected value types. Nesting is followed to a bounded depth.
[[nodiscard]] JsonLdArticle parse_json_ld(const std::vector<std::string_view>& scripts);

}  // namespace fundstelle::extract
