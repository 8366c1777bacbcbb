#include "extract/mediawiki_page.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fundstelle::extract {
namespace {

constexpr const char* kSiteinfo = R"(<siteinfo>
    <sitename>Wikipedia</sitename>
    <dbname>dewiki</dbname>
    <base>https://de.wikipedia.org/wiki/Wikipedia:Hauptseite</base>
    <generator>MediaWiki 1.42.0-wmf.5</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="-1" case="first-letter">Spezial</namespace>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Diskussion</namespace>
      <namespace key="14" case="first-letter">Kategorie</namespace>
    </namespaces>
  </siteinfo>)";

std::string page(const std::string& title, int ns, const std::string& text,
                 const std::string& extra = "") {
  return "<page>\n    <title>" + title + "</title>\n    <ns>" + std::to_string(ns) +
         "</ns>\n    <id>4711</id>\n" + extra +
         "    <revision>\n      <id>1</id>\n      <timestamp>2023-11-20T09:30:00Z</timestamp>\n"
         "      <text bytes=\"10\" xml:space=\"preserve\">" +
         text + "</text>\n    </revision>\n  </page>";
}

std::string meta_of(const Article& article, const char* key) {
  const auto it = article.metadata.find(key);
  return it == article.metadata.end() ? std::string("<missing>") : it->second;
}

TEST(MediaWikiPageTest, ParsesSiteinfo) {
  const SiteInfo site = parse_siteinfo(kSiteinfo);
  EXPECT_EQ(site.site_name, "Wikipedia");
  EXPECT_EQ(site.base_url, "https://de.wikipedia.org/wiki/");
  EXPECT_EQ(site.language, "de");
  ASSERT_EQ(site.namespaces.size(), 4u);
  EXPECT_EQ(site.namespaces.at(0), "");
  EXPECT_EQ(site.namespaces.at(1), "Diskussion");
  EXPECT_EQ(site.namespaces.at(-1), "Spezial");
}

TEST(MediaWikiPageTest, DerivesBaseUrlAndLanguage) {
  struct Case {
    const char* xml;
    const char* base_url;
    const char* language;
  };
  const Case cases[] = {
      {"<siteinfo><base>https://de.wikipedia.org/wiki/Hauptseite</base></siteinfo>",
       "https://de.wikipedia.org/wiki/", "de"},
      {"<siteinfo><dbname>enwiktionary</dbname><base>https://x.org/w/index.php?title=Main_Page"
       "</base></siteinfo>",
       "https://x.org/w/index.php?title=", "en"},
      {"<siteinfo><dbname>commonswiki</dbname><base>https://example.org/Main</base></siteinfo>",
       "https://example.org/", ""},
      {"<siteinfo><base>https://www.example.org/wiki/Main</base></siteinfo>",
       "https://www.example.org/wiki/", ""},
      {"<mediawiki><siteinfo><sitename>W</sitename></siteinfo></mediawiki>", "", ""},
      {"<siteinfo><base>broken", "", ""},
  };
  for (const Case& c : cases) {
    const SiteInfo site = parse_siteinfo(c.xml);
    EXPECT_EQ(site.base_url, c.base_url) << c.xml;
    EXPECT_EQ(site.language, c.language) << c.xml;
  }
}

TEST(MediaWikiPageTest, EncodesUrlsLikeMediaWiki) {
  const std::string base = "https://de.wikipedia.org/wiki/";
  EXPECT_EQ(mediawiki_page_url(base, "Köln (Stadt)"), base + "K%C3%B6ln_(Stadt)");
  EXPECT_EQ(mediawiki_page_url(base, "AC/DC"), base + "AC/DC");
  EXPECT_EQ(mediawiki_page_url(base, "A&B?C#D %"), base + "A%26B%3FC%23D_%25");
  EXPECT_EQ(mediawiki_page_url(base, "Wikipedia:Über uns"), base + "Wikipedia:%C3%9Cber_uns");
}

TEST(MediaWikiPageTest, FiltersPages) {
  const SiteInfo site = parse_siteinfo(kSiteinfo);
  const PageFilter articles;  // the default: namespace 0, no redirects
  const PageFilter with_redirects{.skip_redirects = false};
  const PageFilter with_talk{.namespaces = {0, 1}};
  const PageFilter everything{.namespaces = {}};
  struct Case {
    const char* name;
    std::string xml;
    const PageFilter* filter;
    std::string error;  // "" for an article
  };
  const std::string redirect =
      page("Koeln", 0, "#WEITERLEITUNG [[Köln]]", "    <redirect title=\"Köln\" />\n");
  const std::string text_redirect = page("Koeln", 0, "#REDIRECT [[Köln]]");
  const std::string talk = page("Diskussion:Köln", 1, "Ein Beitrag.");
  const std::string article = page("Köln", 0, "Köln ist eine Stadt.");
  const std::string no_ns =
      "<page><title>Diskussion:Köln</title><id>1</id><revision><text>Text."
      "</text></revision></page>";
  const Case cases[] = {
      {"redirect", redirect, &articles, "redirect"},
      {"redirect by text only", text_redirect, &articles, "redirect"},
      {"redirect kept", redirect, &with_redirects, ""},
      {"talk page", talk, &articles, "namespace 1"},
      {"talk page wanted", talk, &with_talk, ""},
      {"all namespaces", talk, &everything, ""},
      {"namespace from title", no_ns, &articles, "namespace 1"},
      {"article", article, &articles, ""},
      {"empty text", page("Leer", 0, "{{Löschen}}"), &articles, "no article text found"},
      {"no page", "<revision/>", &articles, "no <page> element"},
  };
  for (const Case& c : cases) {
    const Result<Article> result = extract_mediawiki_page(c.xml, site, *c.filter);
    if (c.error.empty()) {
      EXPECT_TRUE(result.ok()) << c.name << ": " << result.error().reason;
    } else {
      ASSERT_FALSE(result.ok()) << c.name;
      EXPECT_EQ(result.error().reason, c.error) << c.name;
    }
  }
}

TEST(MediaWikiPageTest, ReportsBrokenXmlWithOffset) {
  const Result<Article> result =
      extract_mediawiki_page("<page><title>X</title><text>a</page>", SiteInfo{}, PageFilter{});
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(result.error().reason.starts_with("XML parse error at offset "))
      << result.error().reason;
}

TEST(MediaWikiPageTest, ExtractsArticle) {
  const SiteInfo site = parse_siteinfo(kSiteinfo);
  const std::string text =
      "{{Infobox Ort|Name=Köln}}\n"
      "'''Köln''' ist eine [[Großstadt]] am [[Rhein (Fluss)|Rhein]].&lt;ref&gt;Quelle&lt;/ref&gt;\n"
      "\n== Geschichte ==\nDie Stadt ist &amp;quot;alt&amp;quot;.\n\n"
      "[[Kategorie:Ort in Nordrhein-Westfalen]]\n[[Kategorie:Kreisfreie Stadt]]";
  const Result<Article> result = extract_mediawiki_page(page("Köln", 0, text), site, {});
  ASSERT_TRUE(result.ok()) << result.error().reason;
  const Article& article = result.value();
  EXPECT_EQ(article.id, "4711");
  EXPECT_EQ(article.title, "Köln");
  EXPECT_EQ(meta_of(article, meta::kPublished), "2023-11-20T09:30:00Z");
  EXPECT_EQ(meta_of(article, meta::kModified), "2023-11-20T09:30:00Z");
  EXPECT_EQ(meta_of(article, meta::kUrl), "https://de.wikipedia.org/wiki/K%C3%B6ln");
  EXPECT_EQ(meta_of(article, meta::kSiteName), "Wikipedia");
  EXPECT_EQ(meta_of(article, meta::kLanguage), "de");
  EXPECT_EQ(meta_of(article, meta::kTags), "Ort in Nordrhein-Westfalen, Kreisfreie Stadt");
  ASSERT_EQ(article.blocks.size(), 3u);
  EXPECT_EQ(article.blocks[0],
            (Block{BlockKind::kParagraph, "Köln ist eine Großstadt am Rhein.", 0}));
  EXPECT_EQ(article.blocks[1], (Block{BlockKind::kHeading, "Geschichte", 2}));
  EXPECT_EQ(article.blocks[2], (Block{BlockKind::kParagraph, "Die Stadt ist \"alt\".", 0}));
}

TEST(MediaWikiPageTest, TitleIsNotRepeatedInTheBody) {
  const Result<Article> result =
      extract_mediawiki_page(page("Köln", 0, "= Köln =\nText."), SiteInfo{}, {});
  ASSERT_TRUE(result.ok()) << result.error().reason;
  ASSERT_EQ(result.value().blocks.size(), 1u);
  EXPECT_EQ(result.value().blocks[0].text, "Text.");
  EXPECT_EQ(result.value().metadata.count(meta::kUrl), 0u);  // no base URL known
}

TEST(MediaWikiPageTest, TakesTheLastRevision) {
  const std::string xml =
      "<page><title>T</title><ns>0</ns><id>7</id>"
      "<revision><timestamp>2001-01-01T00:00:00Z</timestamp><text>Alt.</text></revision>"
      "<revision><timestamp>2024-02-03T04:05:06Z</timestamp><text>Neu.</text></revision></page>";
  const Result<Article> result = extract_mediawiki_page(xml, SiteInfo{}, {});
  ASSERT_TRUE(result.ok()) << result.error().reason;
  EXPECT_EQ(result.value().blocks.at(0).text, "Neu.");
  EXPECT_EQ(meta_of(result.value(), meta::kModified), "2024-02-03T04:05:06Z");
}

}  // namespace
}  // namespace fundstelle::extract
