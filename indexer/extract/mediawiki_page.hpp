// One page of a MediaWiki XML export (<page>...</page>, as MediaWikiDumpReader yields it) -> an
// Article, and the dump's <siteinfo> the pages need for their URLs and language.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "extract/article.hpp"
#include "result.hpp"

namespace fundstelle::extract {

struct SiteInfo {
  std::string site_name;  // <sitename>
  // Page URLs are base_url + title: "https://de.wikipedia.org/wiki/" from
  // <base>https://de.wikipedia.org/wiki/Wikipedia:Hauptseite</base>. Empty if unknown.
  std::string base_url;
  // Primary language subtag from <dbname> ("dewiki" -> "de") or a Wikimedia host in <base>
  // ("de.wikipedia.org"); the dump reader falls back on <mediawiki xml:lang>. Empty if unknown.
  std::string language;
  std::map<int, std::string> namespaces;  // key -> prefix ("" for 0, "Diskussion" for 1, ...)
};

// Parses a <siteinfo> element (or any XML holding one). Missing parts stay empty; malformed XML
// gives an empty SiteInfo.
[[nodiscard]] SiteInfo parse_siteinfo(std::string_view siteinfo_xml);

struct PageFilter {
  bool skip_redirects = true;
  std::set<int> namespaces = {0};  // pages in other namespaces are skipped; empty: keep all
};

// Parses one <page> element with pugixml and extracts its last revision. Fails (never throws)
// with reason "redirect" or "namespace N" for pages the filter skips, "no article text found"
// for empty pages and "XML parse error at offset N: ..." for broken XML.
// The Article: id = page id, title, metadata published and modified = the revision timestamp
// (ISO 8601), url = base_url + title (spaces as underscores, percent-encoded like MediaWiki),
// site_name, language, tags = the page's categories; blocks from parse_wikitext, then
// separate_title.
[[nodiscard]] Result<Article> extract_mediawiki_page(std::string_view page_xml,
                                                     const SiteInfo& site,
                                                     const PageFilter& filter);

// base_url + title as MediaWiki links it: "Köln (Stadt)" -> ".../K%C3%B6ln_(Stadt)".
[[nodiscard]] std::string mediawiki_page_url(std::string_view base_url, std::string_view title);

}  // namespace fundstelle::extract
