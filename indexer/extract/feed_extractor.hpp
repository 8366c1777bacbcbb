// News feeds (RSS 0.9x/2.0, RSS 1.0 RDF, Atom): one Article per item or entry, each item's HTML
// read like a web page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/article.hpp"
#include "result.hpp"

namespace fundstelle::extract {

// True if the root element, after BOM, XML declaration, processing instructions, comments and
// doctype, is <rss>, an RSS 1.0/0.90 <rdf:RDF> (one that names the RSS namespace or holds a
// <channel>) or an Atom <feed> (with any prefix). Reads only the first few kilobytes.
[[nodiscard]] bool is_feed(std::string_view bytes);

// Reads every item (RSS) or entry (Atom) of the feed in `bytes`, in document order. The charset is
// the XML declaration's (see decode_to_utf8).
//
// Per article: `id` = guid (RSS 1.0: rdf:about) / Atom id, else the link, else "". Title as text.
// Metadata: url (link; Atom rel="alternate" or the first link), published (pubDate, dc:date;
// Atom published, else updated), modified (Atom updated), author (dc:creator, the name in an RSS
// author's "mail (Name)"; Atom author/name, else the feed's), tags (category, dc:subject; Atom
// category@term), description (description/summary when the body came from elsewhere),
// site_name (channel/feed title), language (item, else channel/feed, as a primary subtag).
// Body: content:encoded, else Atom content (html, xhtml or text), else description/summary;
// HTML goes through extract_html, plain text is split into paragraphs at blank lines.
//
// A feed that is not well-formed is read item by item (byte ranges from <item>/<entry> to the
// matching end tag or the next item), so that a broken item costs only itself. Items that cannot
// be parsed and items without body text are left out and described in `item_errors` (if not
// null) as "item N (byte offset B[, id I]): reason", N counting from 1, B into `bytes`.
// Fails only if `bytes` is not a feed, or is not well-formed and holds no item to recover.
// A well-formed feed without items gives an empty vector.
[[nodiscard]] Result<std::vector<Article>> extract_feed(std::string_view bytes,
                                                        std::vector<std::string>* item_errors);

}  // namespace fundstelle::extract
