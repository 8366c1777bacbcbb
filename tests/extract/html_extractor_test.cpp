#include "extract/html_extractor.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extractor.hpp"

namespace fundstelle::extract {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>" + body +
         "</body></html>";
}

Article extract_ok(std::string_view html) {
  Result<Article> result = extract_html(html);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().reason);
  return result.ok() ? std::move(result.value()) : Article{};
}

std::vector<std::string> texts(const Article& article) {
  std::vector<std::string> out;
  for (const Block& block : article.blocks) out.push_back(block.text);
  return out;
}

bool mentions(const Article& article, std::string_view needle) {
  return article.text().find(needle) != std::string::npos;
}

std::string field(const Article& article, const char* key) {
  const auto it = article.metadata.find(key);
  return it == article.metadata.end() ? std::string() : it->second;
}

struct TextCase {
  const char* name;
  const char* body;
  std::vector<std::string> expected;
};

TEST(HtmlExtractorTest, InlineElementsAreNotWordBoundaries) {
  const TextCase cases[] = {
      {"bold prefix", "<p><b>Auf</b>gabe</p>", {"Aufgabe"}},
      {"span and link inside a word",
       "<p>Haus<span>tür</span><a href=\"/x\">schlüssel</a> ist weg</p>",
       {"Haustürschlüssel ist weg"}},
      {"spaces between inline elements stay",
       "<p><em>sehr</em> <strong>gut</strong></p>",
       {"sehr gut"}},
      {"markup across lines", "<p>ein\n   <i>Satz</i>\n</p>", {"ein Satz"}},
  };
  for (const TextCase& c : cases) {
    EXPECT_EQ(texts(extract_ok(page(c.body))), c.expected) << c.name;
  }
}

TEST(HtmlExtractorTest, BlockElementsAndLineBreaksAreWordBoundaries) {
  const TextCase cases[] = {
      {"paragraph after text", "<div>Satz.<p>Neuer</p></div>", {"Satz.", "Neuer"}},
      {"divs", "<div>eins</div><div>zwei</div>", {"eins", "zwei"}},
      {"one <br> breaks the line", "<p>Zeile<br>zwei</p>", {"Zeile zwei"}},
      {"two <br> end the paragraph",
       "<div>Absatz eins<br><br>Absatz zwei</div>",
       {"Absatz eins", "Absatz zwei"}},
      {"list items", "<ul><li>eins</li><li>zwei</li></ul>", {"eins", "zwei"}},
      {"text directly inside a div becomes a paragraph",
       "<div>Vorher <div>Mitte</div> nachher</div>",
       {"Vorher", "Mitte", "nachher"}},
  };
  for (const TextCase& c : cases) {
    EXPECT_EQ(texts(extract_ok(page(c.body))), c.expected) << c.name;
  }
}

TEST(HtmlExtractorTest, DecodesEntitiesAndRemovesInvisibleCharacters) {
  const TextCase cases[] = {
      {"soft hyphen inside a word", "<p>Tochter&shy;gesellschaft</p>", {"Tochtergesellschaft"}},
      {"no-break space", "<p>17.&nbsp;November</p>", {"17. November"}},
      {"named umlauts", "<p>&Auml;rger &uuml;ber Stra&szlig;en</p>", {"Ärger über Straßen"}},
      {"numeric references", "<p>&#228;&#x00F6;&#252; &#8364;</p>", {"äöü €"}},
      {"zero-width space", "<p>Zeit\u200Bung</p>", {"Zeitung"}},
      {"ampersand and brackets", "<p>A &amp; B &lt;C&gt;</p>", {"A & B <C>"}},
  };
  for (const TextCase& c : cases) {
    EXPECT_EQ(texts(extract_ok(page(c.body))), c.expected) << c.name;
  }
}

TEST(HtmlExtractorTest, MapsElementsToBlockKinds) {
  const Article article = extract_ok(page(R"(<article>
      <h1>Titel</h1>
      <p>Ein erster Absatz mit etwas Text, damit es ein Artikel ist.</p>
      <h2>Zwischentitel</h2>
      <ul><li>Punkt eins</li><li>Punkt zwei</li></ul>
      <blockquote><p>Zitat eins.</p><p>Zitat zwei.</p></blockquote>
      <blockquote>Kurzes Zitat.</blockquote>
      <figure><img src="a.jpg" alt=""><figcaption>Bildunterschrift</figcaption></figure>
      <table><caption>Tabelle 1</caption><tr><th>Jahr</th><th>Wert</th></tr>
        <tr><td>2023</td><td>42</td></tr></table>
      <pre>int a;
  int b;</pre>
    </article>)"));
  EXPECT_EQ(article.title, "Titel");
  const std::vector<Block> expected = {
      {BlockKind::kParagraph, "Ein erster Absatz mit etwas Text, damit es ein Artikel ist.", 0},
      {BlockKind::kHeading, "Zwischentitel", 2},
      {BlockKind::kListItem, "Punkt eins", 0},
      {BlockKind::kListItem, "Punkt zwei", 0},
      {BlockKind::kQuote, "Zitat eins.", 0},
      {BlockKind::kQuote, "Zitat zwei.", 0},
      {BlockKind::kQuote, "Kurzes Zitat.", 0},
      {BlockKind::kCaption, "Bildunterschrift", 0},
      {BlockKind::kCaption, "Tabelle 1", 0},
      {BlockKind::kTableCell, "Jahr", 0},
      {BlockKind::kTableCell, "Wert", 0},
      {BlockKind::kTableCell, "2023", 0},
      {BlockKind::kTableCell, "42", 0},
      {BlockKind::kPreformatted, "int a;\nint b;", 0},
  };
  EXPECT_EQ(article.blocks, expected);
}

TEST(HtmlExtractorTest, DropsInvisibleElements) {
  const Article article = extract_ok(page(R"(<article><p>Sichtbarer Text.</p>
      <p style="color: red; DISPLAY : none">Versteckt eins.</p><p hidden>Versteckt zwei.</p>
      <div aria-hidden="true">Versteckt drei.</div><div class="sr-only">Versteckt vier.</div>
      <p style="visibility:hidden">Versteckt fünf.</p>
      <p class="hidden-xs">Nur auf dem Handy versteckt.</p></article>)"));
  EXPECT_EQ(texts(article),
            (std::vector<std::string>{"Sichtbarer Text.", "Nur auf dem Handy versteckt."}));
}

constexpr const char* kArticlePage = R"(<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Neue Brücke eröffnet | Beispiel-Zeitung</title>
<meta property="og:site_name" content="Beispiel-Zeitung">
</head><body>
<nav class="main-nav"><ul><li><a href="/">Startseite</a></li><li><a href="/wien">Wien</a></li></ul></nav>
<header class="site-header"><a href="/">Beispiel-Zeitung</a><form><input name="q"><button>Suche</button></form></header>
<main>
<article>
  <h1>Neue Brücke eröffnet</h1>
  <p class="byline">Von <a href="/autor/ab">Anna Berger</a> | <time datetime="2016-03-12T10:15">12. 03. 2016</time></p>
  <p>Die neue Brücke über die Donau ist am Samstag nach drei Jahren Bauzeit eröffnet worden, Tausende kamen zur Feier.</p>
  <p>Der Bürgermeister sprach von einem großen Tag für die Stadt, die Kosten lagen im Rahmen.</p>
  <aside class="infobox"><h3>Mehr zum Thema</h3><p>Infokasten-Text, der nicht zum Artikel gehört.</p></aside>
  <div class="share">Teilen: <a href="#">Facebook</a> <a href="#">X</a></div>
  <footer class="entry-footer">Schlagwörter: <a href="/t/wien">Wien</a>, <a href="/t/verkehr">Verkehr</a></footer>
</article>
<aside class="sidebar"><h2>Meistgelesen</h2><ol><li><a href="/1">Anderer Artikel eins</a></li><li><a href="/2">Anderer Artikel zwei</a></li></ol></aside>
<section class="comments"><h2>2 Postings</h2>
  <div class="comment"><span class="user">Sepp42</span><p>Leserkommentar, der kein Artikeltext ist.</p></div>
  <div id="respond"><h3>Schreibe einen Kommentar</h3><form><p>Deine E-Mail-Adresse wird nicht veröffentlicht.</p><textarea></textarea></form></div>
</section>
</main>
<footer><a href="/impressum">Impressum</a> | <a href="/datenschutz">Datenschutz</a><p>&copy; Beispiel-Zeitung GmbH</p></footer>
<script>document.write("Skripttext");</script>
</body></html>)";

TEST(HtmlExtractorTest, KeepsOnlyTheArticleOfAPage) {
  const Article article = extract_ok(kArticlePage);
  EXPECT_EQ(article.title, "Neue Brücke eröffnet");
  ASSERT_GE(article.blocks.size(), 2u);
  EXPECT_EQ(article.blocks[0],
            (Block{BlockKind::kParagraph,
                   "Die neue Brücke über die Donau ist am Samstag nach drei Jahren Bauzeit "
                   "eröffnet worden, Tausende kamen zur Feier.",
                   0}));
  for (const Block& block : article.blocks) EXPECT_NE(block.text, article.title);
  EXPECT_TRUE(mentions(article, "Die neue Brücke über die Donau"));
  EXPECT_TRUE(mentions(article, "Der Bürgermeister sprach"));
  for (const char* boilerplate :
       {"Startseite", "Suche", "Anna Berger", "Infokasten", "Teilen", "Schlagwörter",
        "Meistgelesen", "Anderer Artikel", "Postings", "Leserkommentar", "Schreibe einen",
        "E-Mail-Adresse", "Impressum", "Beispiel-Zeitung GmbH", "Skripttext"}) {
    EXPECT_FALSE(mentions(article, boilerplate)) << boilerplate;
  }
  EXPECT_EQ(field(article, meta::kPublished), "2016-03-12T10:15:00");  // from <time>
  EXPECT_EQ(field(article, meta::kLanguage), "de");
}

TEST(HtmlExtractorTest, FindsTheArticleWithoutSemanticMarkup) {
  const Article article =
      extract_ok(read_file(FUNDSTELLE_FIXTURES_DIR "/html/blog-without-article.html"));
  EXPECT_EQ(article.title, "Radwege in Graz: Stadt plant neue Verbindungen");
  EXPECT_EQ(texts(article), (std::vector<std::string>{
                                "Die Stadt Graz will bis 2030 zwanzig Kilometer neue Radwege "
                                "bauen, vor allem zwischen den Bezirken Lend, Gries und Jakomini. "
                                "Der Gemeinderat hat den Plan am Donnerstag beschlossen.",
                                "Besonders die Verbindung entlang der Mur soll breiter werden, "
                                "damit Radfahrer und Fußgänger einander nicht mehr in "
                                "die Quere kommen. Die Kosten schätzt die Stadt auf rund 40 "
                                "Millionen Euro, ein Teil davon kommt vom Land Steiermark.",
                                "Kritik kommt von der Opposition: Die Pläne seien zu wenig "
                                "ambitioniert, andere Städte wie Wien, Linz oder Salzburg "
                                "bauten schneller, sagte ein Sprecher.",
                            }));
  EXPECT_EQ(field(article, meta::kLanguage), "de");
  EXPECT_EQ(field(article, meta::kPublished), "2022-05-12");
  EXPECT_EQ(field(article, meta::kDescription),
            "Die Stadt Graz will bis 2030 zwanzig Kilometer Radwege bauen.");
}

TEST(HtmlExtractorTest, NeverTakesTheCommentSectionOfTheSeedArticle) {
  const Article article =
      extract_ok(read_file(FUNDSTELLE_SOURCE_DIR "/data/articles/openai-altman.html"));
  ASSERT_FALSE(article.blocks.empty());
  EXPECT_TRUE(article.title.starts_with("OpenAI ist in Gefahr"));
  EXPECT_EQ(article.blocks.front(),
            (Block{BlockKind::kParagraph,
                   "Die Technologiewelt wurde in den letzten Tagen überrascht, als der CEO von "
                   "OpenAI, Sam Altman, vom Vorstand des Unternehmens entlassen wurde, nur wenige "
                   "Wochen nach der allerersten OpenAI Dev Days-Veranstaltung.",
                   0}));
  for (const Block& block : article.blocks) EXPECT_NE(block.text, article.title);
  EXPECT_EQ(article.blocks.back().text, "Was halten Sie von dieser Situation?");
  EXPECT_TRUE(mentions(article, "Microsoft-Tochtergesellschaft"));  // soft hyphen removed
  for (const char* boilerplate :
       {"Schreibe einen Kommentar", "E-Mail-Adresse wird nicht", "Kommentar abschicken",
        "Glücksfall", "Antworten", "Beliebte Artikel", "Newsletter", "Cookies", "Teilen",
        "Das könnte Sie auch interessieren", "Alle Rechte vorbehalten", "Zum Inhalt springen"}) {
    EXPECT_FALSE(mentions(article, boilerplate)) << boilerplate;
  }
  EXPECT_EQ(field(article, meta::kAuthor), "Jonas Reimann");
  EXPECT_EQ(field(article, meta::kPublished), "2023-11-20T09:30:00+01:00");
  EXPECT_EQ(field(article, meta::kModified), "2023-11-20T14:05:00+01:00");
  EXPECT_EQ(field(article, meta::kLanguage), "de");
  EXPECT_EQ(field(article, meta::kSiteName), "TechBlick");
  EXPECT_EQ(field(article, meta::kTags), "OpenAI, Microsoft");
  EXPECT_EQ(field(article, meta::kUrl),
            "https://www.techblick.example/ki/openai-in-gefahr-mitarbeiter-drohen-mit-kuendigung/");
}

TEST(HtmlExtractorTest, TitleIsNotRepeatedInTheBody) {
  const std::string body_text =
      "Ein Absatz, lang genug, um als Text eines Artikels zu gelten, mit Kommas, Punkten und "
      "allem.";
  const std::string body = "<p>" + body_text + "</p>";
  const Block paragraph{BlockKind::kParagraph, body_text, 0};
  struct Case {
    const char* name;
    std::string html;
    const char* title;
    std::vector<Block> blocks;
  };
  const Case cases[] = {
      {"og:title wins; the article's own, different h1 stays",
       page("<article><h1>Die Schlagzeile</h1>" + body + "</article>",
            R"(<meta property="og:title" content="Die Schlagzeile laut OG">)"),
       "Die Schlagzeile laut OG",
       {{BlockKind::kHeading, "Die Schlagzeile", 1}, paragraph}},
      {"h1 when there is no og:title, and not repeated",
       page("<article><h1>Die Schlagzeile</h1>" + body + "</article>",
            "<title>Etwas anderes | Seite</title>"),
       "Die Schlagzeile",
       {paragraph}},
      {"<title> without its site name, not added to the body",
       page(
           "<article>" + body + "</article>",
           R"(<title>Die Schlagzeile | Seite</title><meta property="og:site_name" content="Seite">)"),
       "Die Schlagzeile",
       {paragraph}},
      {"h1 below a kicker: dropped too",
       page("<article><p>Dachzeile</p><h1>Die Schlagzeile</h1>" + body + "</article>"),
       "Die Schlagzeile",
       {{BlockKind::kParagraph, "Dachzeile", 0}, paragraph}},
      {"a subheading with other text stays",
       page("<article><h1>Die Schlagzeile</h1>" + body + "<h2>Zwischentitel</h2>" + body +
            "</article>"),
       "Die Schlagzeile",
       {paragraph, {BlockKind::kHeading, "Zwischentitel", 2}, paragraph}},
  };
  for (const Case& c : cases) {
    const Article article = extract_ok(c.html);
    EXPECT_EQ(article.title, c.title) << c.name;
    EXPECT_EQ(article.blocks, c.blocks) << c.name;
    for (const Block& block : article.blocks) EXPECT_NE(block.text, article.title) << c.name;
  }
}

TEST(HtmlExtractorTest, UsesJsonLdArticleBodyWhenThePageHasNoText) {
  const Article article =
      extract_ok(page(R"(<div id="app"></div><noscript>Bitte JavaScript aktivieren.</noscript>)",
                      R"(<title>Schlagzeile</title><script type="application/ld+json">
         {"@type": "NewsArticle", "headline": "Schlagzeile",
          "articleBody": "Erster Absatz des Artikels.\n\nZweiter &amp; letzter Absatz."}
         </script>)"));
  EXPECT_EQ(article.title, "Schlagzeile");
  EXPECT_EQ(texts(article),
            (std::vector<std::string>{"Erster Absatz des Artikels.", "Zweiter & letzter Absatz."}));
}

// --- Charsets -----------------------------------------------------------------------------------

TEST(HtmlExtractorTest, DecodesDeclaredAndUndeclaredCharsets) {
  const std::string latin1_body =
      "<p>Gr\xF6\xDF"
      "e \xE4ndert \xFC"
      "ber \x80 5</p>";
  struct Case {
    const char* name;
    std::string html;
  };
  const Case cases[] = {
      {"meta charset windows-1252",
       "<html><head><meta charset=\"windows-1252\"></head><body>" + latin1_body + "</body></html>"},
      {"http-equiv iso-8859-1 (read as windows-1252)",
       "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
       "</head><body>" +
           latin1_body + "</body></html>"},
      {"declared utf-8 but actually latin1",
       "<html><head><meta charset=\"utf-8\"></head><body>" + latin1_body + "</body></html>"},
      {"nothing declared", "<html><body>" + latin1_body + "</body></html>"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(texts(extract_ok(c.html)), (std::vector<std::string>{"Größe ändert über € 5"}))
        << c.name;
  }
}

// --- Bad input
// ------------------------------------------------------------------------------------

TEST(HtmlExtractorTest, EmptyBodyIsNoArticle) {
  const Result<Article> result =
      extract_article("leer.html", "<html><head><title>Leer</title></head><body>  </body></html>");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason, "no article text found");
  const Result<Article> only_scripts = extract_article(
      "skript.html", "<html><body><script>var a = 1;</script><nav>Menü</nav></body></html>");
  EXPECT_FALSE(only_scripts.ok());
}

TEST(HtmlExtractorTest, TruncatedPagesKeepWhatTheyHave) {
  const std::string full = read_file(FUNDSTELLE_SOURCE_DIR "/data/articles/openai-altman.html");
  for (size_t cut : {full.size() / 3, full.size() / 2, full.size() - 100}) {
    const Result<Article> result = extract_html(std::string_view(full).substr(0, cut));
    ASSERT_TRUE(result.ok()) << cut;
    EXPECT_FALSE(result.value().blocks.empty()) << cut;
  }
  // Cut inside a tag, an attribute, an entity and a comment.
  for (const char* html : {"<p>Text</p><a href=\"/x", "<p>Text &au", "<p>Text</p><!-- weg",
                           "<p>Text</p><script>var", "<p>Text</p><p"}) {
    const Article article = extract_ok(html);
    ASSERT_FALSE(article.blocks.empty()) << html;
    EXPECT_TRUE(article.blocks.front().text.starts_with("Text")) << html;
  }
}

TEST(HtmlExtractorTest, SurvivesNulBytes) {
  const std::string html("<html><body><p>Text\0mit\0NUL</p>\0\0<p>zweiter</p></body></html>", 62);
  const Article article = extract_ok(html);
  ASSERT_EQ(article.blocks.size(), 2u);
  EXPECT_EQ(article.blocks[0].text.find('\0'), std::string::npos);
  EXPECT_TRUE(mentions(article, "mit"));
  EXPECT_EQ(article.blocks[1].text, "zweiter");
}

TEST(HtmlExtractorTest, SurvivesBinaryGarbage) {
  std::mt19937 random(42);
  std::string garbage(1 << 18, '\0');
  for (char& c : garbage) c = static_cast<char>(random() & 0xFF);
  for (const std::string& input : {garbage, "<html><body>" + garbage, "<p>" + garbage}) {
    const Result<Article> result = extract_html(input);
    if (result.ok()) {
      for (const Block& block : result.value().blocks) EXPECT_FALSE(block.text.empty());
    }
  }
}

TEST(HtmlExtractorTest, SurvivesATenMegabyteLine) {
  std::string html = "<html><body><p>";
  while (html.size() < 10'000'000) html += "Wort und Wort, ";
  html += "Ende.</p></body></html>";
  const Article article = extract_ok(html);
  ASSERT_EQ(article.blocks.size(), 1u);
  EXPECT_GT(article.blocks[0].text.size(), 9'000'000u);
  EXPECT_TRUE(article.blocks[0].text.ends_with("Ende."));
}

TEST(HtmlExtractorTest, SurvivesHundredThousandNestedDivs) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "Ganz tief unten steht der Text.";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  EXPECT_EQ(texts(extract_ok(html)), (std::vector<std::string>{"Ganz tief unten steht der Text."}));

  std::string unclosed = "<html><body>";
  for (int i = 0; i < 100000; ++i) unclosed += "<div><span><b>";
  unclosed += "Ohne Ende";
  EXPECT_TRUE(mentions(extract_ok(unclosed), "Ohne Ende"));
}

}  // namespace
}  // namespace fundstelle::extract
