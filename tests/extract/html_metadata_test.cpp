#include "extract/html_metadata.hpp"

#include <gtest/gtest.h>

#include <string>

#include "extract/article.hpp"
#include "extract/html_dom.hpp"

namespace fundstelle::extract {
namespace {

HtmlMetadata metadata_of(const std::string& head, const std::string& body = "<p>Text</p>",
                         const std::string& html_attributes = "") {
  const pugi::xml_document doc =
      parse_html_dom("<!DOCTYPE html><html" + html_attributes + "><head>" + head + "</head><body>" +
                     body + "</body></html>");
  return extract_html_metadata(doc);
}

std::string field(const HtmlMetadata& metadata, const char* key) {
  const auto it = metadata.fields.find(key);
  return it == metadata.fields.end() ? std::string() : it->second;
}

TEST(HtmlMetadataTest, ReadsOpenGraphAndArticleTags) {
  const HtmlMetadata m = metadata_of(
      R"(<title>OpenAI in Gefahr | TechBlick</title>
         <meta property="og:title" content="OpenAI in Gefahr">
         <meta property="og:site_name" content="TechBlick">
         <meta property="og:url" content="https://example.org/og">
         <link rel="canonical" href="https://example.org/canonical">
         <meta property="og:locale" content="de_DE">
         <meta name="description" content="Kurz &amp; knapp">
         <meta property="og:description" content="OG-Beschreibung">
         <meta property="article:published_time" content="2023-11-20T09:30:00+01:00">
         <meta property="article:modified_time" content="2023-11-20T14:05:00+01:00">
         <meta property="article:author" content="https://facebook.com/someone">
         <meta name="author" content="Jonas Reimann">
         <meta property="article:tag" content="OpenAI">
         <meta property="article:tag" content="Microsoft">
         <meta name="keywords" content="ignoriert, weil article:tag da ist">)");
  EXPECT_EQ(m.og_title, "OpenAI in Gefahr");
  EXPECT_EQ(m.document_title, "OpenAI in Gefahr | TechBlick");
  EXPECT_EQ(field(m, meta::kSiteName), "TechBlick");
  EXPECT_EQ(field(m, meta::kUrl), "https://example.org/canonical");
  EXPECT_EQ(field(m, meta::kLanguage), "de");
  EXPECT_EQ(field(m, meta::kDescription), "Kurz & knapp");
  EXPECT_EQ(field(m, meta::kPublished), "2023-11-20T09:30:00+01:00");
  EXPECT_EQ(field(m, meta::kModified), "2023-11-20T14:05:00+01:00");
  EXPECT_EQ(field(m, meta::kAuthor), "Jonas Reimann");
  EXPECT_EQ(field(m, meta::kTags), "OpenAI, Microsoft");
}

TEST(HtmlMetadataTest, FallsBackThroughTheSources) {
  struct Case {
    const char* name;
    std::string head;
    std::string body;
    const char* key;
    const char* expected;
  };
  const Case cases[] = {
      {"author: article:author when no meta author",
       R"(<meta property="article:author" content="Anna Berger">)", "", meta::kAuthor,
       "Anna Berger"},
      {"author: 'By' is no part of the name", R"(<meta name="author" content="By Jane Doe">)", "",
       meta::kAuthor, "Jane Doe"},
      {"author: rel=author link", "", R"(<p>Von <a rel="author" href="/a">Max Muster</a></p>)",
       meta::kAuthor, "Max Muster"},
      {"author: itemprop=author with a name inside", "",
       R"(<span itemprop="author" itemscope><span itemprop="name">Erika Mustermann</span></span>)",
       meta::kAuthor, "Erika Mustermann"},
      {"published: dc.date", R"(<meta name="DC.date" content="2021-03-04">)", "", meta::kPublished,
       "2021-03-04"},
      {"published: pubdate", R"(<meta name="pubdate" content="20210304">)", "", meta::kPublished,
       "2021-03-04"},
      {"published: itemprop on <time>", "",
       R"(<time itemprop="datePublished" datetime="2021-03-04T10:00:00Z">4. März</time>)",
       meta::kPublished, "2021-03-04T10:00:00Z"},
      {"published: an unparseable value is skipped",
       R"(<meta property="article:published_time" content="gestern"><meta name="date" content="2020-01-02">)",
       "", meta::kPublished, "2020-01-02"},
      {"url: og:url without canonical", R"(<meta property="og:url" content="https://x.example/a">)",
       "", meta::kUrl, "https://x.example/a"},
      {"language: content-language", R"(<meta http-equiv="content-language" content="de-AT">)", "",
       meta::kLanguage, "de"},
      {"description: og:description", R"(<meta property="og:description" content="OG">)", "",
       meta::kDescription, "OG"},
      {"tags: keywords", R"(<meta name="keywords" content="Politik, Wien,Politik">)", "",
       meta::kTags, "Politik, Wien"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(field(metadata_of(c.head, c.body), c.key), c.expected) << c.name;
  }
}

TEST(HtmlMetadataTest, LanguageComesFromTheHtmlElementFirst) {
  const HtmlMetadata m =
      metadata_of(R"(<meta property="og:locale" content="en_US">)", "<p>x</p>", R"( lang="de-DE")");
  EXPECT_EQ(field(m, meta::kLanguage), "de");
}

TEST(HtmlMetadataTest, ReadsJsonLd) {
  const HtmlMetadata m = metadata_of(R"(<script type="application/ld+json">
      {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Beispiel-Zeitung", "inLanguage": "de-AT"},
        {"@type": ["NewsArticle"], "headline": "Schlagzeile",
         "author": [{"@type": "Person", "name": "Anna Berger"}, {"name": "Lukas Huber"}],
         "datePublished": "2015-06-01T10:00:00+02:00", "dateModified": "2015-06-02",
         "description": "Worum es geht", "keywords": ["Wien", "Politik"],
         "articleBody": "Erster Absatz.\nZweiter Absatz."}]}
      </script>)");
  EXPECT_EQ(m.headline, "Schlagzeile");
  EXPECT_EQ(m.article_body, "Erster Absatz.\nZweiter Absatz.");
  EXPECT_EQ(field(m, meta::kAuthor), "Anna Berger, Lukas Huber");
  EXPECT_EQ(field(m, meta::kPublished), "2015-06-01T10:00:00+02:00");
  EXPECT_EQ(field(m, meta::kModified), "2015-06-02");
  EXPECT_EQ(field(m, meta::kDescription), "Worum es geht");
  EXPECT_EQ(field(m, meta::kTags), "Wien, Politik");
  EXPECT_EQ(field(m, meta::kSiteName), "Beispiel-Zeitung");
  EXPECT_EQ(field(m, meta::kLanguage), "de");
}

TEST(HtmlMetadataTest, PrefersArticleObjectsAndToleratesBrokenJsonLd) {
  const HtmlMetadata m = metadata_of(
      R"(<script type="application/ld+json">{"@type": "WebPage", "author": "Webmaster"</script>
         <script type="application/ld+json">//<![CDATA[
           [{"@type": "Organization", "name": "Org"},
            {"@type": "WebPage", "author": {"name": "Seitenautor"}},
            {"@type": "BlogPosting", "author": "Blog Autorin", "headline": 42,
             "publisher": {"@type": "Organization", "name": "Verlag"}}]
         //]]></script>
         <script type="application/ld+json">not json at all</script>)");
  EXPECT_EQ(field(m, meta::kAuthor), "Blog Autorin");
  EXPECT_EQ(field(m, meta::kSiteName), "Verlag");
  EXPECT_EQ(m.headline, "42");
}

TEST(HtmlMetadataTest, StripsTheSiteNameFromTitles) {
  struct Case {
    const char* title;
    const char* site;
    const char* expected;
  };
  const Case cases[] = {
      {"OpenAI in Gefahr | TechBlick", "TechBlick", "OpenAI in Gefahr"},
      {"OpenAI in Gefahr - TechBlick", "techblick", "OpenAI in Gefahr"},
      {"OpenAI in Gefahr \u2013 TechBlick.de", "TechBlick", "OpenAI in Gefahr"},
      {"TechBlick | OpenAI in Gefahr", "TechBlick", "OpenAI in Gefahr"},
      {"Merz - Die Union hat ein Problem | Beispiel-Zeitung", "Beispiel-Zeitung",
       "Merz - Die Union hat ein Problem"},
      {"Merz - Die Union hat ein Problem", "Beispiel-Zeitung", "Merz - Die Union hat ein Problem"},
      // Without a known site name the shorter side goes.
      {"Der lange Titel des Artikels | Kurz", "", "Der lange Titel des Artikels"},
      {"Kurz \u2014 Der lange Titel des Artikels", "", "Der lange Titel des Artikels"},
      {"Neue Br\u00FCcke \u00FCber die Donau er\u00F6ffnet - Wien - Beispiel-Zeitung", "",
       "Neue Br\u00FCcke \u00FCber die Donau er\u00F6ffnet - Wien"},
      {"Ohne Trenner", "", "Ohne Trenner"},
      {"Bindestrich-Wort bleibt", "", "Bindestrich-Wort bleibt"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(strip_site_name(c.title, c.site), c.expected) << c.title;
  }
}

}  // namespace
}  // namespace fundstelle::extract
