#include "extract/xml_extractor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cp1252.hpp"

namespace fundstelle::extract {
namespace {

using test::to_cp1252;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string sample_path(const char* name) {
  return std::string(FUNDSTELLE_SOURCE_DIR) + "/data/articles/" + name;
}

std::vector<std::string> texts_of(const Article& article, BlockKind kind) {
  std::vector<std::string> out;
  for (const Block& block : article.blocks) {
    if (block.kind == kind) out.push_back(block.text);
  }
  return out;
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string meta_of(const Article& article, const char* key) {
  const auto it = article.metadata.find(key);
  return it == article.metadata.end() ? std::string("<missing>") : it->second;
}

constexpr const char* kTitle =
    "OpenAI ist in Gefahr, da mehr als 500 Mitarbeiter damit drohen, zu kündigen, wenn Sam Altman "
    "nicht zurückkommt";

class NitfSampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Article> result = extract_xml(read_file(sample_path("openai-altman.xml")));
    ASSERT_TRUE(result.ok()) << result.error().reason;
    article_ = result.value();
    ASSERT_FALSE(article_.blocks.empty());
  }
  Article article_;
};

TEST_F(NitfSampleTest, ReadsTitleAndMetadata) {
  EXPECT_EQ(article_.title, kTitle);
  EXPECT_EQ(meta_of(article_, meta::kAuthor), "Jonas Reimann");
  EXPECT_EQ(meta_of(article_, meta::kPublished), "2023-11-20T09:30:00+01:00");
  EXPECT_EQ(meta_of(article_, meta::kTags), "OpenAI, Sam Altman, Microsoft, ChatGPT");
  EXPECT_EQ(meta_of(article_, meta::kUrl),
            "https://www.techblick.example/ki/openai-in-gefahr-mitarbeiter-drohen-mit-kuendigung/");
  EXPECT_EQ(meta_of(article_, meta::kSiteName), "TechBlick");
  EXPECT_EQ(meta_of(article_, meta::kLanguage), "de");
}

TEST_F(NitfSampleTest, BlocksFollowTheDocument) {
  // The title (NITF hl1) is metadata only: the body starts with the lead image's caption.
  EXPECT_EQ(article_.blocks.front(), (Block{BlockKind::kCaption, "Sam Altman OpenAI", 0}));
  for (const Block& block : article_.blocks) EXPECT_NE(block.text, kTitle);

  const std::vector<std::string> paragraphs = texts_of(article_, BlockKind::kParagraph);
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_EQ(paragraphs.front(),
            "Die Technologiewelt wurde in den letzten Tagen überrascht, als der CEO von OpenAI, "
            "Sam Altman, vom Vorstand des Unternehmens entlassen wurde, nur wenige Wochen nach der "
            "allerersten OpenAI Dev Days-Veranstaltung.");
  EXPECT_EQ(article_.blocks.back(),
            (Block{BlockKind::kParagraph, "Was halten Sie von dieser Situation?", 0}));
  // Inline markup (<a>, <em>) does not split or glue words.
  EXPECT_TRUE(contains(paragraphs,
                       "Die CTO von OpenAI, Mira Murati, wurde nach Altmans Weggang zur neuen "
                       "Interims-CEO ernannt. Altman hingegen postete auf Die Welt weiß, was als "
                       "nächstes kommt."));

  const std::vector<std::string> headings = texts_of(article_, BlockKind::kHeading);
  EXPECT_EQ(headings, (std::vector<std::string>{
                          "Hunderte Mitarbeiter drohen, OpenAI zu verlassen, wenn Sam Altman "
                          "nicht zurückkommt",
                          "OpenAI in Gefahr?", "Hier ist der Brief, per Wired."}));
  EXPECT_EQ(texts_of(article_, BlockKind::kCaption),
            (std::vector<std::string>{"Sam Altman OpenAI", "OpenAI", "Sam Altman OpenAI"}));
}

TEST_F(NitfSampleTest, QuotesAndTheLetterAreQuoteBlocks) {
  const std::vector<std::string> quotes = texts_of(article_, BlockKind::kQuote);
  EXPECT_TRUE(contains(quotes, "An den Vorstand von OpenAI,"));
  EXPECT_TRUE(contains(quotes, "Sam Altman"));  // a quote's credit
  EXPECT_TRUE(contains(quotes, "Satya Nadella, Microsoft"));
  const auto letter_end = std::find_if(quotes.begin(), quotes.end(), [](const std::string& q) {
    return q.starts_with("Ihre Handlungen haben deutlich gemacht");
  });
  ASSERT_NE(letter_end, quotes.end());
  EXPECT_TRUE(letter_end->ends_with("und setzt Sam Altman und Greg Brockman wieder ein."));
  // 1 press release + 1 post + 2x Nadella + 7 letter paragraphs, plus 3 credits.
  EXPECT_EQ(quotes.size(), 14u);
  EXPECT_TRUE(contains(quotes,
                       "Das Führungsteam schlug vor, dass der stabilisierendste Weg nach vorn – "
                       "derjenige, der unserer Mission, unserem Unternehmen, unseren Stakeholdern, "
                       "Mitarbeitern und der Öffentlichkeit am besten dienen würde – darin "
                       "bestünde, dass Sie zurücktreten und einen qualifizierten Vorstand "
                       "einsetzen, der das Unternehmen stabil voranbringen könnte ."));
}

TEST_F(NitfSampleTest, HoldsEveryParagraphOfThePlainText) {
  // The plain-text sample is the same article: each of its paragraphs is one block here (its
  // first chunk is the repeated title plus a caption line).
  const std::string plain = read_file(sample_path("openai-altman.txt"));
  std::vector<std::string> block_texts;
  for (const Block& block : article_.blocks) block_texts.push_back(block.text);
  size_t checked = 0;
  for (size_t pos = plain.find("\n\n"); pos != std::string::npos;) {
    const size_t start = pos + 2;
    pos = plain.find("\n\n", start);
    std::string paragraph = plain.substr(start, pos == std::string::npos ? pos : pos - start);
    while (!paragraph.empty() && paragraph.back() == '\n') paragraph.pop_back();
    if (paragraph.find('\n') != std::string::npos) continue;  // title + caption chunk
    EXPECT_TRUE(contains(block_texts, paragraph)) << paragraph;
    ++checked;
  }
  EXPECT_GT(checked, 30u);
}

TEST_F(NitfSampleTest, LeavesOutFurniture) {
  const std::string text = article_.text();
  for (const char* boilerplate :
       {"Schreibe einen Kommentar", "Erforderliche Felder", "TechBlick-Redaktion", "Berlin",
        "© 2023", "Jonas Reimann", "Computer und Informationstechnologie"}) {
    EXPECT_EQ(text.find(boilerplate), std::string::npos) << boilerplate;
  }
}

TEST(XmlExtractorTest, ReadsGenericArticleXml) {
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<story xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="de-AT">
  <meta><source>Testagentur</source></meta>
  <headline>Neue Brücke über die Donau eröffnet</headline>
  <dc:creator>Von Anna Berg und Tom Roth</dc:creator>
  <pubDate>Mon, 20 Nov 2023 09:30:00 +0100</pubDate>
  <keywords>Verkehr; Wien</keywords>
  <text>
    <para>Die neue Brücke verbindet <emphasis>beide</emphasis> <emphasis>Ufer</emphasis>.</para>
    <section>
      <title>Kosten</title>
      <para>Der Bau kostete 120&nbsp;Millionen&#160;Euro &ndash; mehr als geplant.</para>
    </section>
  </text>
</story>)";
  Result<Article> result = extract_xml(xml);
  ASSERT_TRUE(result.ok()) << result.error().reason;
  const Article& article = result.value();
  EXPECT_EQ(article.title, "Neue Brücke über die Donau eröffnet");
  EXPECT_EQ(meta_of(article, meta::kAuthor), "Anna Berg, Tom Roth");
  EXPECT_EQ(meta_of(article, meta::kPublished), "2023-11-20T09:30:00+01:00");
  EXPECT_EQ(meta_of(article, meta::kTags), "Verkehr, Wien");
  EXPECT_EQ(meta_of(article, meta::kLanguage), "de");
  const std::vector<Block> expected = {
      {BlockKind::kParagraph, "Die neue Brücke verbindet beide Ufer.", 0},
      {BlockKind::kHeading, "Kosten", 2},
      {BlockKind::kParagraph, "Der Bau kostete 120 Millionen Euro – mehr als geplant.", 0},
  };
  EXPECT_EQ(article.blocks, expected);
}

TEST(XmlExtractorTest, GenericXmlWithoutParagraphsUsesTheRichestLeaves) {
  const std::string xml = R"(<record>
  <id>4711</id>
  <heading>Stadtrat beschließt Haushalt</heading>
  <date>20.11.2023</date>
  <summary>Kurz.</summary>
  <content>Der Stadtrat hat den Haushalt für 2024 beschlossen.

Die Opposition stimmte dagegen.</content>
</record>)";
  Result<Article> result = extract_xml(xml);
  ASSERT_TRUE(result.ok()) << result.error().reason;
  const Article& article = result.value();
  EXPECT_EQ(article.title, "Stadtrat beschließt Haushalt");
  EXPECT_EQ(meta_of(article, meta::kPublished), "2023-11-20");
  const std::vector<Block> expected = {
      {BlockKind::kParagraph, "Der Stadtrat hat den Haushalt für 2024 beschlossen.", 0},
      {BlockKind::kParagraph, "Die Opposition stimmte dagegen.", 0},
  };
  EXPECT_EQ(article.blocks, expected);
}

TEST(XmlExtractorTest, FeedGivesBestEffortText) {
  // Feeds get their own reader later; until then the item texts must at least come through.
  const std::string rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>TechBlick</title>
    <link>https://www.techblick.example/</link>
    <item>
      <title>OpenAI in Gefahr?</title>
      <dc:creator>Jonas Reimann</dc:creator>
      <pubDate>Mon, 20 Nov 2023 09:30:00 +0100</pubDate>
      <description>Mehr als 500 Mitarbeiter drohen mit der Kündigung.</description>
    </item>
    <item>
      <title>Copilot für Windows 10</title>
      <dc:creator>Lena Vogt</dc:creator>
      <description>Der KI-Assistent kommt auch auf ältere Systeme.</description>
    </item>
  </channel>
</rss>)";
  Result<Article> result = extract_xml(rss);
  ASSERT_TRUE(result.ok()) << result.error().reason;
  const Article& article = result.value();
  EXPECT_EQ(article.title, "TechBlick");
  EXPECT_EQ(meta_of(article, meta::kPublished), "2023-11-20T09:30:00+01:00");
  EXPECT_EQ(texts_of(article, BlockKind::kParagraph),
            (std::vector<std::string>{"Mehr als 500 Mitarbeiter drohen mit der Kündigung.",
                                      "Der KI-Assistent kommt auch auf ältere Systeme."}));
  EXPECT_EQ(texts_of(article, BlockKind::kHeading),
            (std::vector<std::string>{"OpenAI in Gefahr?", "Copilot für Windows 10"}));
}

TEST(XmlExtractorTest, DateAttributeAndCdata) {
  const std::string xml =
      "<article date=\"2023-11-20T09:30:00Z\"><title>T</title>"
      "<p><![CDATA[Grüße & <Tags>]]></p></article>";
  Result<Article> result = extract_xml(xml);
  ASSERT_TRUE(result.ok()) << result.error().reason;
  EXPECT_EQ(meta_of(result.value(), meta::kPublished), "2023-11-20T09:30:00Z");
  EXPECT_EQ(texts_of(result.value(), BlockKind::kParagraph),
            (std::vector<std::string>{"Grüße & <Tags>"}));
}

TEST(XmlExtractorTest, MalformedXmlReportsOffset) {
  struct Case {
    std::string xml;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"<a><b>Text</a>", "XML parse error at offset 12: Start-end tags mismatch"},
      // Offsets count input bytes, also after umlauts and a replaced entity.
      {"<a>Grüße&nbsp;<b></a>", "XML parse error at offset 21: Start-end tags mismatch"},
      {"<a>kein Ende", "XML parse error at offset 11: Start-end tags mismatch"},
      {"<?xml version=\"1.0\"?>", "XML parse error at offset 20: No document element found"},
  };
  for (const Case& c : cases) {
    Result<Article> result = extract_xml(c.xml);
    ASSERT_FALSE(result.ok()) << c.xml;
    EXPECT_EQ(result.error().reason, c.reason) << c.xml;
  }
}

TEST(XmlExtractorTest, MalformedLatin1ReportsInputOffset) {
  // "ü" is one byte here but two in the decoded text; the offset counts input bytes.
  const std::string xml = to_cp1252("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>ü<b></a>");
  Result<Article> result = extract_xml(xml);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason, "XML parse error at offset 52: Start-end tags mismatch");
}

TEST(XmlExtractorTest, DecodesDeclaredLatin1) {
  const std::string xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" +
                          to_cp1252(
                              "<artikel><title>Grüße aus Köln</title>"
                              "<p>Ärger über Straßenbau in München, „Zitat“.</p></artikel>");
  Result<Article> result = extract_xml(xml);
  ASSERT_TRUE(result.ok()) << result.error().reason;
  EXPECT_EQ(result.value().title, "Grüße aus Köln");
  // Latin-1 is read as windows-1252, so 0x84/0x93 are German quotation marks.
  EXPECT_EQ(texts_of(result.value(), BlockKind::kParagraph),
            (std::vector<std::string>{"Ärger über Straßenbau in München, „Zitat“."}));
}

TEST(XmlExtractorTest, SurvivesDeepNesting) {
  constexpr int kDepth = 100000;
  std::string xml;
  xml.reserve(kDepth * 7 + 32);
  for (int i = 0; i < kDepth; ++i) xml += "<d>";
  xml += "tief";
  for (int i = 0; i < kDepth; ++i) xml += "</d>";
  Result<Article> result = extract_xml(xml);
  ASSERT_TRUE(result.ok()) << result.error().reason;
  EXPECT_EQ(result.value().text(), "tief");

  std::string paragraphs = "<article><p>";
  for (int i = 0; i < kDepth; ++i) paragraphs += "<em>";
  paragraphs += "sehr tief";
  for (int i = 0; i < kDepth; ++i) paragraphs += "</em>";
  paragraphs += "</p></article>";
  result = extract_xml(paragraphs);
  ASSERT_TRUE(result.ok()) << result.error().reason;
  EXPECT_EQ(result.value().text(), "sehr tief");
}

TEST(XmlExtractorTest, EmptyDocumentIsAnError) {
  for (const std::string& xml :
       {std::string(), std::string(" \n\t "), std::string("\xEF\xBB\xBF")}) {
    EXPECT_FALSE(extract_xml(xml).ok());
  }
}

TEST(XmlExtractorTest, DocumentWithoutTextHasNoBlocks) {
  Result<Article> result = extract_xml("<root><empty/></root>");
  ASSERT_TRUE(result.ok()) << result.error().reason;
  EXPECT_TRUE(result.value().blocks.empty());
}

}  // namespace
}  // namespace fundstelle::extract
