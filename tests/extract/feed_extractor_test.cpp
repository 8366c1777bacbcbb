#include "extract/feed_extractor.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cp1252.hpp"

namespace fundstelle::extract {
namespace {

using test::to_cp1252;

std::string meta_of(const Article& article, const char* key) {
  const auto it = article.metadata.find(key);
  return it == article.metadata.end() ? std::string("<missing>") : it->second;
}

std::vector<std::string> texts(const Article& article) {
  std::vector<std::string> out;
  for (const Block& block : article.blocks) out.push_back(block.text);
  return out;
}

struct Extracted {
  std::vector<Article> articles;
  std::vector<std::string> errors;
};

Extracted extract(const std::string& bytes) {
  Extracted out;
  Result<std::vector<Article>> result = extract_feed(bytes, &out.errors);
  EXPECT_TRUE(result.ok()) << result.error().reason;
  if (result.ok()) out.articles = std::move(result.value());
  return out;
}

std::string rss(const std::string& items, const std::string& channel_extra = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
         "     xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
         "<channel><title>Beispiel-Zeitung</title><link>https://www.beispiel.de/</link>\n"
         "<description>Nachrichten</description><language>de-de</language>" +
         channel_extra + "\n" + items + "</channel>\n</rss>\n";
}

std::string simple_item(const std::string& n) {
  return "<item><title>Meldung " + n + "</title><guid>id-" + n +
         "</guid><description>Text der Meldung " + n + ".</description></item>\n";
}

// --- Sniffing ------------------------------------------------------------------------------------

TEST(FeedExtractorTest, RecognisesFeedRoots) {
  struct Case {
    std::string bytes;
    bool feed;
  };
  const Case cases[] = {
      {"<rss version=\"2.0\"><channel/></rss>", true},
      {"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", true},
      {"<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?>\n<!-- Kommentar -->\n"
       "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
       "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\">",
       true},
      {"<!DOCTYPE rss [<!ENTITY auml \"&#228;\">]><rss>", true},
      {"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
       "xmlns=\"http://purl.org/rss/1.0/\"><channel>",
       true},
      {"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
       "<rdf:Description rdf:about=\"x\"/></rdf:RDF>",
       false},  // RDF, but no feed
      {"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>", true},
      {"<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">", true},
      {"<!DOCTYPE html><html><body><rss></rss></body></html>", false},
      {"<?xml version=\"1.0\"?><nitf><head/></nitf>", false},
      {"<rsss>", false},
      {"<rss", false},  // the name never ends
      {"Kein XML", false},
      {"", false},
      {std::string("\xFF\xFE<\0r\0s\0s\0>\0", 12), true},  // UTF-16LE
  };
  for (const Case& c : cases) EXPECT_EQ(is_feed(c.bytes), c.feed) << c.bytes;
}

TEST(FeedExtractorTest, FailsForInputThatIsNoFeed) {
  std::vector<std::string> errors;
  EXPECT_FALSE(extract_feed("<html><body><p>Text</p></body></html>", &errors).ok());
  EXPECT_FALSE(extract_feed("", &errors).ok());
  const Result<std::vector<Article>> broken =
      extract_feed("<rss><channel><title>Kaputt</titel></channel></rss>", &errors);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().reason.find("not well-formed"), std::string::npos)
      << broken.error().reason;
  EXPECT_TRUE(errors.empty());
}

// --- RSS 2.0 -------------------------------------------------------------------------------------

TEST(FeedExtractorTest, ReadsRss2ItemWithContentEncoded) {
  const Extracted feed = extract(
      rss("<item>\n"
          "  <title>Gr&#252;ne Wende in M&#252;nchen: &#8222;Wir sind bereit&#8220;</title>\n"
          "  <link>https://www.beispiel.de/politik/wende-123.html</link>\n"
          "  <guid isPermaLink=\"false\">urn:beispiel:123</guid>\n"
          "  <pubDate>Mon, 20 Nov 2023 09:30:00 +0100</pubDate>\n"
          "  <dc:creator>Anna Berger</dc:creator>\n"
          "  <dc:creator>Lukas Huber</dc:creator>\n"
          "  <category>Politik</category><category>Bayern</category><category>politik</category>\n"
          "  <description>Der Stadtrat &amp;amp; die B&#252;rger einigen sich.</description>\n"
          "  <content:encoded><![CDATA[<h1>Grüne Wende in München: „Wir sind bereit“</h1>"
          "<p>Der Stadtrat hat am Montag die Verkehrs&shy;wende beschlossen. Die Stra&szlig;en "
          "werden umgebaut &ndash; schon ab Fr&uuml;hjahr.</p>\n"
          "<p>Kritik kam von der Opposition:&nbsp;„Zu teuer“, sagte Jürgen Maier.</p>]]>"
          "</content:encoded>\n"
          "</item>\n"));
  ASSERT_EQ(feed.articles.size(), 1u);
  EXPECT_TRUE(feed.errors.empty());
  const Article& a = feed.articles[0];
  EXPECT_EQ(a.id, "urn:beispiel:123");
  EXPECT_EQ(a.title, "Grüne Wende in München: „Wir sind bereit“");
  EXPECT_EQ(meta_of(a, meta::kUrl), "https://www.beispiel.de/politik/wende-123.html");
  EXPECT_EQ(meta_of(a, meta::kPublished), "2023-11-20T09:30:00+01:00");
  EXPECT_EQ(meta_of(a, meta::kModified), "<missing>");
  EXPECT_EQ(meta_of(a, meta::kAuthor), "Anna Berger, Lukas Huber");
  EXPECT_EQ(meta_of(a, meta::kTags), "Politik, Bayern");
  EXPECT_EQ(meta_of(a, meta::kSiteName), "Beispiel-Zeitung");
  EXPECT_EQ(meta_of(a, meta::kLanguage), "de");
  EXPECT_EQ(meta_of(a, meta::kDescription), "Der Stadtrat & die Bürger einigen sich.");
  // The <h1> repeats the title: metadata only. Both paragraphs are kept.
  EXPECT_EQ(texts(a),
            (std::vector<std::string>{
                "Der Stadtrat hat am Montag die Verkehrswende beschlossen. Die Straßen werden "
                "umgebaut – schon ab Frühjahr.",
                "Kritik kam von der Opposition: „Zu teuer“, sagte Jürgen Maier."}));
}

TEST(FeedExtractorTest, ReadsRssItemWithOnlyADescription) {
  const Extracted feed =
      extract(rss("<item><title>Escaped HTML</title><link>https://www.beispiel.de/a</link>\n"
                  "<description>&lt;p&gt;Erster Absatz mit &amp;auml;rger.&lt;/p&gt;"
                  "&lt;p&gt;Zweiter Absatz.&lt;/p&gt;</description></item>\n"
                  "<item><title>Nur Text</title><link>https://www.beispiel.de/b</link>\n"
                  "<description>Erste Zeile,\nnoch im ersten Absatz.\n\nZweiter Absatz &amp; mehr."
                  "</description></item>\n"
                  "<item><title>Ohne Text</title><link>https://www.beispiel.de/c</link>"
                  "<description>   </description></item>\n"));
  ASSERT_EQ(feed.articles.size(), 2u);
  EXPECT_EQ(texts(feed.articles[0]),
            (std::vector<std::string>{"Erster Absatz mit ärger.", "Zweiter Absatz."}));
  EXPECT_EQ(meta_of(feed.articles[0], meta::kDescription), "<missing>");  // it is the body
  EXPECT_EQ(
      texts(feed.articles[1]),
      (std::vector<std::string>{"Erste Zeile, noch im ersten Absatz.", "Zweiter Absatz & mehr."}));
  // No guid: the link is the id.
  EXPECT_EQ(feed.articles[0].id, "https://www.beispiel.de/a");
  ASSERT_EQ(feed.errors.size(), 1u);
  EXPECT_NE(feed.errors[0].find("item 3 (byte offset "), std::string::npos) << feed.errors[0];
  EXPECT_NE(feed.errors[0].find(", id https://www.beispiel.de/c): no body text"), std::string::npos)
      << feed.errors[0];
}

TEST(FeedExtractorTest, IdIsGuidElseLink) {
  const Extracted feed = extract(
      rss("<item><guid>https://www.beispiel.de/permalink/1</guid>"
          "<description>Eins.</description></item>\n"
          "<item><guid isPermaLink=\"false\">bz-2</guid><link> https://www.beispiel.de/2 </link>"
          "<description>Zwei.</description></item>\n"
          "<item><link>https://www.beispiel.de/3</link><description>Drei.</description></item>\n"
          "<item><description>Vier.</description></item>\n"));
  ASSERT_EQ(feed.articles.size(), 4u);
  EXPECT_EQ(feed.articles[0].id, "https://www.beispiel.de/permalink/1");
  EXPECT_EQ(meta_of(feed.articles[0], meta::kUrl), "https://www.beispiel.de/permalink/1");
  EXPECT_EQ(feed.articles[1].id, "bz-2");
  EXPECT_EQ(meta_of(feed.articles[1], meta::kUrl), "https://www.beispiel.de/2");
  EXPECT_EQ(feed.articles[2].id, "https://www.beispiel.de/3");
  EXPECT_EQ(feed.articles[3].id, "");
  EXPECT_EQ(meta_of(feed.articles[3], meta::kUrl), "<missing>");
}

TEST(FeedExtractorTest, NormalisesDates) {
  struct Case {
    const char* element;
    const char* expected_published;
  };
  const Case cases[] = {
      {"<pubDate>Mon, 20 Nov 2023 09:30:00 +0100</pubDate>", "2023-11-20T09:30:00+01:00"},
      {"<pubDate>Tue, 21 Nov 2023 08:00:00 GMT</pubDate>", "2023-11-21T08:00:00Z"},
      {"<pubDate>Wed, 1 Mar 2023 17:05 EST</pubDate>", "2023-03-01T17:05:00-05:00"},
      {"<pubDate>Sat, 07 Sep 02 00:00:01 GMT</pubDate>", "2002-09-07T00:00:01Z"},
      {"<pubDate> 20 Nov 2023 09:30:00 +0000 </pubDate>", "2023-11-20T09:30:00Z"},
      {"<dc:date>2023-11-20T09:30:00+01:00</dc:date>", "2023-11-20T09:30:00+01:00"},
      {"<pubDate>gestern</pubDate>", "<missing>"},
      {"<pubDate>Mon, 31 Nov 2023 09:30:00 +0100</pubDate>", "<missing>"},
  };
  for (const Case& c : cases) {
    const Extracted feed = extract(
        rss(std::string("<item><title>T</title>") + c.element + "<description>Text.</description>" +
            "<atom:updated xmlns:atom=\"http://www.w3.org/2005/Atom\">2023-11-22T10:00:00Z"
            "</atom:updated></item>"));
    ASSERT_EQ(feed.articles.size(), 1u) << c.element;
    EXPECT_EQ(meta_of(feed.articles[0], meta::kPublished), c.expected_published) << c.element;
    EXPECT_EQ(meta_of(feed.articles[0], meta::kModified), "2023-11-22T10:00:00Z") << c.element;
  }
}

TEST(FeedExtractorTest, ReadsAuthorsAndEntitiesWithoutADtd) {
  const Extracted feed =
      extract(rss("<item><title>Caf&eacute;&nbsp;&amp;&nbsp;Kuchen</title>"
                  "<author>redaktion@beispiel.de (Maria Gruber)</author>"
                  "<description>Text &uuml;ber Kuchen.</description></item>\n"));
  ASSERT_EQ(feed.articles.size(), 1u);
  EXPECT_EQ(feed.articles[0].title, "Café & Kuchen");
  EXPECT_EQ(meta_of(feed.articles[0], meta::kAuthor), "Maria Gruber");
  EXPECT_EQ(texts(feed.articles[0]), (std::vector<std::string>{"Text über Kuchen."}));
}

TEST(FeedExtractorTest, KeepsShortItemsAndDropsFurnitureInside) {
  const Extracted feed = extract(
      rss("<item><title>Kurz</title><guid>k</guid><content:encoded><![CDATA["
          "<p>Ein Satz.</p><p>Noch einer.</p>"
          "<div class=\"share\">Teilen: <a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a></div>"
          "<script>track();</script>]]></content:encoded></item>\n"));
  ASSERT_EQ(feed.articles.size(), 1u);
  EXPECT_EQ(texts(feed.articles[0]), (std::vector<std::string>{"Ein Satz.", "Noch einer."}));
}

TEST(FeedExtractorTest, ReadsAWindows1252Feed) {
  const std::string feed_text =
      "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n"
      "<rss version=\"2.0\"><channel><title>Süddeutsche Blätter</title>"
      "<language>de-AT</language>\n"
      "<item><title>Größere Straßen für „Öko“-Städte</title><guid>w-1</guid>"
      "<description>&lt;p&gt;Die Maßnahme kostet 5 € – sagt Jürgen.&lt;/p&gt;</description>"
      "</item>\n</channel></rss>\n";
  const Extracted feed = extract(to_cp1252(feed_text));
  ASSERT_EQ(feed.articles.size(), 1u);
  const Article& a = feed.articles[0];
  EXPECT_EQ(a.title, "Größere Straßen für „Öko“-Städte");
  EXPECT_EQ(meta_of(a, meta::kSiteName), "Süddeutsche Blätter");
  EXPECT_EQ(meta_of(a, meta::kLanguage), "de");
  EXPECT_EQ(texts(a), (std::vector<std::string>{"Die Maßnahme kostet 5 € – sagt Jürgen."}));
}

TEST(FeedExtractorTest, ReadsAUtf16Feed) {
  const std::string utf8 = rss(simple_item("ü"));
  std::string utf16 = "\xFF\xFE";  // little-endian BOM; the text is Latin-1 only
  for (size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const unsigned cp =
        c < 0x80 ? c : ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3Fu);
    utf16 += static_cast<char>(cp & 0xFF);
    utf16 += static_cast<char>(cp >> 8);
  }
  EXPECT_TRUE(is_feed(utf16));
  const Extracted feed = extract(utf16);
  ASSERT_EQ(feed.articles.size(), 1u);
  EXPECT_EQ(feed.articles[0].title, "Meldung ü");
}

// --- Broken feeds --------------------------------------------------------------------------------

TEST(FeedExtractorTest, OneBrokenItemCostsOnlyItself) {
  const std::string broken_item =
      "<item><title>Kaputt</titel><guid>id-2</guid><description>Zwei.</description></item>\n";
  const std::string bytes = rss(simple_item("1") + broken_item + simple_item("3"));
  const size_t broken_offset = bytes.find("<item><title>Kaputt");
  const Extracted feed = extract(bytes);
  ASSERT_EQ(feed.articles.size(), 2u);
  EXPECT_EQ(feed.articles[0].id, "id-1");
  EXPECT_EQ(feed.articles[1].id, "id-3");
  EXPECT_EQ(texts(feed.articles[1]), (std::vector<std::string>{"Text der Meldung 3."}));
  // The channel is still read from the part before the first item.
  EXPECT_EQ(meta_of(feed.articles[1], meta::kSiteName), "Beispiel-Zeitung");
  EXPECT_EQ(meta_of(feed.articles[1], meta::kLanguage), "de");
  ASSERT_EQ(feed.errors.size(), 1u);
  EXPECT_EQ(feed.errors[0].rfind("item 2 (byte offset " + std::to_string(broken_offset) +
                                     "): " + "not well-formed XML: ",
                                 0),
            0u)
      << feed.errors[0];
}

TEST(FeedExtractorTest, BrokenItemOffsetsCountInputBytes) {
  // Each "ä" is two bytes in UTF-8 and one in windows-1252.
  const std::string bytes =
      rss(simple_item("ä1") + "<item><title>Kaputt</item>\n" + simple_item("ä3"));
  const std::string cp1252 = to_cp1252(std::string(bytes).replace(bytes.find("encoding=\"UTF-8\""),
                                                                  16, "encoding=\"windows-1252\""));
  const Extracted feed = extract(cp1252);
  ASSERT_EQ(feed.articles.size(), 2u);
  EXPECT_EQ(feed.articles[1].title, "Meldung ä3");
  ASSERT_EQ(feed.errors.size(), 1u);
  const std::string expected =
      "item 2 (byte offset " + std::to_string(cp1252.find("<item><title>Kaputt")) + "): ";
  EXPECT_EQ(feed.errors[0].rfind(expected, 0), 0u) << feed.errors[0];
}

TEST(FeedExtractorTest, ItemWithoutEndTagIsReportedAndTheNextOneRead) {
  const std::string bytes =
      rss(simple_item("1") + "<item><title>Offen</title><description>Zwei.</description>\n" +
          simple_item("3"));
  const Extracted feed = extract(bytes);
  ASSERT_EQ(feed.articles.size(), 2u);
  EXPECT_EQ(feed.articles[1].id, "id-3");
  ASSERT_EQ(feed.errors.size(), 1u);
  EXPECT_NE(feed.errors[0].find("item 2 (byte offset " +
                                std::to_string(bytes.find("<item><title>Offen"))),
            std::string::npos)
      << feed.errors[0];
}

TEST(FeedExtractorTest, ReadsTheCompleteItemsOfATruncatedFeed) {
  const std::string whole = rss(simple_item("1") + simple_item("2") + simple_item("3"));
  const std::string truncated = whole.substr(0, whole.find("Text der Meldung 3"));
  const Extracted feed = extract(truncated);
  ASSERT_EQ(feed.articles.size(), 2u);
  EXPECT_EQ(feed.articles[0].id, "id-1");
  EXPECT_EQ(feed.articles[1].id, "id-2");
  ASSERT_EQ(feed.errors.size(), 1u);
  EXPECT_EQ(
      feed.errors[0].rfind(
          "item 3 (byte offset " + std::to_string(whole.find("<item><title>Meldung 3")) + ")", 0),
      0u)
      << feed.errors[0];

  // Cut between items: nothing is lost, nothing to report.
  const Extracted cut = extract(whole.substr(0, whole.find("</channel>")));
  EXPECT_EQ(cut.articles.size(), 3u);
  EXPECT_TRUE(cut.errors.empty());
}

TEST(FeedExtractorTest, EmptyChannelGivesNoArticles) {
  const Extracted feed = extract(rss(""));
  EXPECT_TRUE(feed.articles.empty());
  EXPECT_TRUE(feed.errors.empty());
  const Extracted atom = extract("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
  EXPECT_TRUE(atom.articles.empty());
}

TEST(FeedExtractorTest, ItemErrorsMayBeNull) {
  const Result<std::vector<Article>> result =
      extract_feed(rss(simple_item("1") + "<item><title>x</item>"), nullptr);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().size(), 1u);
}

// --- Atom and RSS 1.0 ----------------------------------------------------------------------------

TEST(FeedExtractorTest, ReadsAtomEntries) {
  const Extracted feed = extract(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de-CH\">\n"
      "  <title type=\"html\">Das &amp;lt;Blog&amp;gt; &amp;amp; mehr</title>\n"
      "  <author><name>Sabine Moser</name></author>\n"
      "  <id>urn:uuid:feed</id><updated>2023-11-20T10:00:00Z</updated>\n"
      "  <entry>\n"
      "    <title type=\"html\">Gr&amp;uuml;&amp;szlig;e aus Z&#252;rich</title>\n"
      "    <link rel=\"self\" href=\"https://blog.beispiel.ch/api/1\"/>\n"
      "    <link rel=\"alternate\" type=\"text/html\" href=\"https://blog.beispiel.ch/1\"/>\n"
      "    <id>tag:blog.beispiel.ch,2023:1</id>\n"
      "    <published>2023-11-19T08:00:00+01:00</published>\n"
      "    <updated>2023-11-20T09:00:00+01:00</updated>\n"
      "    <author><name>Stefan Pichler</name></author>\n"
      "    <category term=\"Reisen\"/><category term=\"Schweiz\" label=\"Die Schweiz\"/>\n"
      "    <summary>Kurz gesagt: sch&#246;n.</summary>\n"
      "    <content type=\"html\">&lt;p&gt;Z&amp;uuml;rich im Herbst.&lt;/p&gt;"
      "&lt;p&gt;Der See liegt &amp;nbsp;ruhig.&lt;/p&gt;</content>\n"
      "  </entry>\n"
      "  <entry xml:lang=\"fr\">\n"
      "    <title>Zweiter &lt;Eintrag&gt;</title>\n"
      "    <link href=\"https://blog.beispiel.ch/2\"/>\n"
      "    <id>tag:blog.beispiel.ch,2023:2</id>\n"
      "    <updated>2023-11-21T09:00:00Z</updated>\n"
      "    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
      "<p>Erster <em>Absatz</em> <strong>mit</strong> Auszeichnung&nbsp;und<br/>Umbruch.</p>"
      "<p>Zweiter Absatz<a name=\"x\"/> mit Anker.</p></div></content>\n"
      "  </entry>\n"
      "  <entry>\n"
      "    <title>Nur Zusammenfassung</title>\n"
      "    <link rel=\"related\" href=\"https://andere.example/x\"/>\n"
      "    <updated>2023-11-22T09:00:00Z</updated>\n"
      "    <content src=\"https://blog.beispiel.ch/3.pdf\" type=\"application/pdf\"/>\n"
      "    <summary type=\"text\">Ein Text.\n\nMit zwei Absätzen &amp; einem Zeichen.</summary>\n"
      "  </entry>\n"
      "</feed>\n");
  ASSERT_EQ(feed.articles.size(), 3u) << (feed.errors.empty() ? "" : feed.errors[0]);
  EXPECT_TRUE(feed.errors.empty());

  const Article& first = feed.articles[0];
  EXPECT_EQ(first.id, "tag:blog.beispiel.ch,2023:1");
  EXPECT_EQ(first.title, "Grüße aus Zürich");
  EXPECT_EQ(meta_of(first, meta::kUrl), "https://blog.beispiel.ch/1");
  EXPECT_EQ(meta_of(first, meta::kPublished), "2023-11-19T08:00:00+01:00");
  EXPECT_EQ(meta_of(first, meta::kModified), "2023-11-20T09:00:00+01:00");
  EXPECT_EQ(meta_of(first, meta::kAuthor), "Stefan Pichler");
  EXPECT_EQ(meta_of(first, meta::kTags), "Reisen, Schweiz");
  EXPECT_EQ(meta_of(first, meta::kSiteName), "Das <Blog> & mehr");
  EXPECT_EQ(meta_of(first, meta::kLanguage), "de");
  EXPECT_EQ(meta_of(first, meta::kDescription), "Kurz gesagt: schön.");
  EXPECT_EQ(texts(first), (std::vector<std::string>{"Zürich im Herbst.", "Der See liegt ruhig."}));

  const Article& second = feed.articles[1];
  EXPECT_EQ(second.title, "Zweiter <Eintrag>");
  EXPECT_EQ(meta_of(second, meta::kUrl), "https://blog.beispiel.ch/2");
  EXPECT_EQ(meta_of(second, meta::kPublished), "2023-11-21T09:00:00Z");  // updated
  EXPECT_EQ(meta_of(second, meta::kAuthor), "Sabine Moser");             // the feed's
  EXPECT_EQ(meta_of(second, meta::kLanguage), "fr");
  ASSERT_FALSE(second.blocks.empty());
  EXPECT_EQ(second.blocks[0].text.find("Erster Absatz mit Auszeichnung und"), 0u)
      << second.blocks[0].text;
  EXPECT_NE(second.text().find("Umbruch."), std::string::npos);
  EXPECT_NE(second.text().find("Zweiter Absatz mit Anker."), std::string::npos) << second.text();

  const Article& third = feed.articles[2];
  EXPECT_EQ(third.id, "https://andere.example/x");  // no id: the (first) link
  EXPECT_EQ(texts(third),
            (std::vector<std::string>{"Ein Text.", "Mit zwei Absätzen & einem Zeichen."}));
}

TEST(FeedExtractorTest, ReadsPrefixedAtom) {
  const Extracted feed = extract(
      "<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\"><atom:title>P</atom:title>"
      "<atom:entry><atom:id>e1</atom:id><atom:title>Titel</atom:title>"
      "<atom:content type=\"text\">Inhalt.</atom:content></atom:entry></atom:feed>");
  ASSERT_EQ(feed.articles.size(), 1u);
  EXPECT_EQ(feed.articles[0].id, "e1");
  EXPECT_EQ(feed.articles[0].title, "Titel");
  EXPECT_EQ(meta_of(feed.articles[0], meta::kSiteName), "P");
  EXPECT_EQ(texts(feed.articles[0]), (std::vector<std::string>{"Inhalt."}));
}

TEST(FeedExtractorTest, RecoversBrokenAtomEntries) {
  const std::string bytes =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>"
      "<entry><id>1</id><content>Eins.</content></entry>"
      "<entry><id>2</id><content>Zwei.</contnt></entry>"
      "<entry><id>3</id><content>Drei.</content></entry></feed>";
  const Extracted feed = extract(bytes);
  ASSERT_EQ(feed.articles.size(), 2u);
  EXPECT_EQ(feed.articles[0].id, "1");
  EXPECT_EQ(feed.articles[1].id, "3");
  ASSERT_EQ(feed.errors.size(), 1u);
  EXPECT_EQ(feed.errors[0].rfind(
                "item 2 (byte offset " + std::to_string(bytes.find("<entry><id>2")) + ")", 0),
            0u)
      << feed.errors[0];
}

TEST(FeedExtractorTest, ReadsRss1Rdf) {
  const Extracted feed = extract(
      "<?xml version=\"1.0\"?>\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
      "         xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "  <channel rdf:about=\"https://www.beispiel.de/rss\">\n"
      "    <title>Beispiel RDF</title><link>https://www.beispiel.de/</link>\n"
      "    <dc:language>de</dc:language>\n"
      "    <items><rdf:Seq><rdf:li rdf:resource=\"https://www.beispiel.de/1\"/></rdf:Seq></items>\n"
      "  </channel>\n"
      "  <item rdf:about=\"https://www.beispiel.de/1\">\n"
      "    <title>Erste Meldung</title><link>https://www.beispiel.de/1</link>\n"
      "    <description>Beschreibung der ersten Meldung.</description>\n"
      "    <dc:date>2023-11-20T09:30:00+01:00</dc:date><dc:creator>Julia Bauer</dc:creator>\n"
      "    <dc:subject>Wissenschaft</dc:subject>\n"
      "  </item>\n"
      "</rdf:RDF>\n");
  ASSERT_EQ(feed.articles.size(), 1u);
  const Article& a = feed.articles[0];
  EXPECT_EQ(a.id, "https://www.beispiel.de/1");
  EXPECT_EQ(a.title, "Erste Meldung");
  EXPECT_EQ(meta_of(a, meta::kPublished), "2023-11-20T09:30:00+01:00");
  EXPECT_EQ(meta_of(a, meta::kAuthor), "Julia Bauer");
  EXPECT_EQ(meta_of(a, meta::kTags), "Wissenschaft");
  EXPECT_EQ(meta_of(a, meta::kSiteName), "Beispiel RDF");
  EXPECT_EQ(meta_of(a, meta::kLanguage), "de");
  EXPECT_EQ(texts(a), (std::vector<std::string>{"Beschreibung der ersten Meldung."}));
}

}  // namespace
}  // namespace fundstelle::extract
