#include "extract/text_extractor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cp1252.hpp"

namespace fundstelle::extract {
namespace {

std::string read_sample(const char* name) {
  std::ifstream in(std::string(FUNDSTELLE_SOURCE_DIR) + "/data/articles/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> paragraphs_of(const Article& article) {
  std::vector<std::string> out;
  for (const Block& block : article.blocks) {
    if (block.kind == BlockKind::kParagraph) out.push_back(block.text);
  }
  return out;
}

TEST(TextExtractorTest, ReadsTheSampleArticle) {
  Result<Article> result = extract_text(read_sample("openai-altman.txt"));
  ASSERT_TRUE(result.ok()) << result.error().reason;
  const Article& article = result.value();
  const std::string title =
      "OpenAI ist in Gefahr, da mehr als 500 Mitarbeiter damit drohen, zu kündigen, wenn Sam "
      "Altman nicht zurückkommt";
  EXPECT_EQ(article.title, title);
  ASSERT_FALSE(article.blocks.empty());
  EXPECT_EQ(article.blocks.front(), (Block{BlockKind::kParagraph, "Sam Altman OpenAI", 0}));

  const std::vector<std::string> paragraphs = paragraphs_of(article);
  // 34 chunks: the title (metadata only), then the title repeated above the caption line
  // "Sam Altman OpenAI" (the repeat is dropped), then 32 one-line paragraphs.
  ASSERT_EQ(article.blocks.size(), 33u);
  ASSERT_EQ(paragraphs.size(), 33u);
  EXPECT_EQ(paragraphs[0], "Sam Altman OpenAI");
  EXPECT_EQ(paragraphs[1],
            "Die Technologiewelt wurde in den letzten Tagen überrascht, als der CEO von OpenAI, "
            "Sam Altman, vom Vorstand des Unternehmens entlassen wurde, nur wenige Wochen nach der "
            "allerersten OpenAI Dev Days-Veranstaltung.");
  EXPECT_EQ(paragraphs.back(), "Was halten Sie von dieser Situation?");
  EXPECT_EQ(std::count(paragraphs.begin(), paragraphs.end(), title), 0);
  for (const Block& block : article.blocks) EXPECT_NE(block.text, title);
}

TEST(TextExtractorTest, DecodesWindows1252) {
  const std::string bytes = test::to_cp1252(
      "Grüße aus Köln\r\n\r\n"
      "Die „Straßenbahn“ fährt wieder – schön für alle Fahrgäste.\r\n"
      "Der Ärger über die Baustelle ist vorbei, sagt die Bürgermeisterin.\r\n\r\n"
      "Ein Ticket kostet 3€.\r\n");
  Result<Article> result = extract_text(bytes);
  ASSERT_TRUE(result.ok()) << result.error().reason;
  const Article& article = result.value();
  EXPECT_EQ(article.title, "Grüße aus Köln");
  const std::vector<std::string> expected = {
      "Die „Straßenbahn“ fährt wieder – schön für alle Fahrgäste. Der Ärger über die Baustelle "
      "ist vorbei, sagt die Bürgermeisterin.",
      "Ein Ticket kostet 3€.",
  };
  EXPECT_EQ(paragraphs_of(article), expected);
}

TEST(TextExtractorTest, SplitsParagraphsAndKeepsTitleRules) {
  struct Case {
    const char* name;
    std::string input;
    std::string title;
    std::vector<std::string> paragraphs;
  };
  const std::vector<Case> cases = {
      {"title repeated as first paragraph", "Titel\n\nTitel\n\nText.", "Titel", {"Text."}},
      {"single chunk has no title",
       "Nur ein Absatz\nüber zwei Zeilen.",
       "",
       {"Nur ein Absatz über zwei Zeilen."}},
      {"multi-line first chunk is not a title",
       "Zeile eins\nZeile zwei\n\nText.",
       "",
       {"Zeile eins Zeile zwei", "Text."}},
      {"blank lines with spaces separate", "Titel\n \t\nA\n\n\n\nB", "Titel", {"A", "B"}},
      {"soft hyphen and NBSP",
       "T\n\nTochter\u00ADgesellschaft\u00A0X",
       "T",
       {"Tochtergesellschaft X"}},
  };
  for (const Case& c : cases) {
    Result<Article> result = extract_text(c.input);
    ASSERT_TRUE(result.ok()) << c.name;
    EXPECT_EQ(result.value().title, c.title) << c.name;
    EXPECT_EQ(paragraphs_of(result.value()), c.paragraphs) << c.name;
  }
}

TEST(TextExtractorTest, FailsWithoutText) {
  EXPECT_FALSE(extract_text("").ok());
  EXPECT_FALSE(extract_text(" \n\n\t\n").ok());
}

}  // namespace
}  // namespace fundstelle::extract
