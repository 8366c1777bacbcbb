#include "print/printer.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace fundstelle::query {
namespace {

std::vector<Hit> sample_hits() {
  Hit first;
  first.rank = 1;
  first.score = 12.5;
  first.docid = "news/openai-altman.html";
  first.passage = 2;
  first.passage_count = 5;
  first.title = "OpenAI ist in Gefahr";
  first.source = "/data/news/openai-altman.html";
  first.text =
      "Mehr als 500 Mitarbeiter drohen mit der Kündigung, falls Sam Altman nicht "
      "zurückkehrt.";
  first.highlights = {{13, 24}, {40, 50}};  // "Mitarbeiter", "Kündigung"
  first.metadata = {{"author", "Anna Berg"}, {"published", "2023-11-20T08:00:00Z"}};

  Hit second;
  second.rank = 2;
  second.score = 3.25;
  second.docid = "notes/ohne titel.txt";
  second.passage = 0;
  second.passage_count = 1;
  second.source = "/data/notes/ohne titel.txt";
  second.text = "Zeile mit \"Anführungszeichen\" und \\ Backslash.";
  return {first, second};
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Display columns: one per code point.
size_t columns(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

TEST(PrinterTest, HighlightRangesInTheSampleAreRight) {
  const Hit hit = sample_hits()[0];
  EXPECT_EQ(hit.text.substr(13, 11), "Mitarbeiter");
  EXPECT_EQ(hit.text.substr(40, 10), "Kündigung");
}

TEST(JsonPrinterTest, PrintsOneParsableObjectPerHit) {
  const std::vector<Hit> hits = sample_hits();
  std::ostringstream out;
  print_json(hits, out);
  const std::string printed = out.str();
  ASSERT_FALSE(printed.empty());
  EXPECT_EQ(printed.back(), '\n');
  const std::vector<std::string> lines = lines_of(printed);
  ASSERT_EQ(lines.size(), hits.size());

  for (size_t i = 0; i < hits.size(); ++i) {
    SCOPED_TRACE("hit " + std::to_string(i));
    const nlohmann::json json = nlohmann::json::parse(lines[i]);
    ASSERT_TRUE(json.is_object());
    EXPECT_EQ(json.at("format_version").get<int>(), kJsonFormatVersion);
    EXPECT_EQ(json.at("rank").get<size_t>(), hits[i].rank);
    EXPECT_DOUBLE_EQ(json.at("score").get<double>(), hits[i].score);
    EXPECT_EQ(json.at("docid").get<std::string>(), hits[i].docid);
    EXPECT_EQ(json.at("passage").get<int>(), hits[i].passage);
    EXPECT_EQ(json.at("title").get<std::string>(), hits[i].title);
    EXPECT_EQ(json.at("source").get<std::string>(), hits[i].source);
    EXPECT_EQ(json.at("text").get<std::string>(), hits[i].text);
    const auto highlights = json.at("highlights").get<std::vector<std::vector<size_t>>>();
    ASSERT_EQ(highlights.size(), hits[i].highlights.size());
    for (size_t h = 0; h < highlights.size(); ++h) {
      EXPECT_EQ(highlights[h],
                (std::vector<size_t>{hits[i].highlights[h].first, hits[i].highlights[h].second}));
    }
    for (const auto& [key, value] : hits[i].metadata) {
      EXPECT_EQ(json.at(key).get<std::string>(), value) << key;
    }
  }
  EXPECT_TRUE(nlohmann::json::parse(lines[1]).at("highlights").is_array());
  EXPECT_FALSE(nlohmann::json::parse(lines[1]).contains("author"));
}

TEST(JsonPrinterTest, KeysComeInAStableOrder) {
  std::ostringstream out;
  print_json({sample_hits()[0]}, out);
  const nlohmann::ordered_json json = nlohmann::ordered_json::parse(out.str());
  std::vector<std::string> keys;
  for (const auto& item : json.items()) keys.push_back(item.key());
  const std::vector<std::string> expected = {"format_version", "rank",   "score",    "docid",
                                             "passage",        "title",  "source",   "text",
                                             "highlights",     "author", "published"};
  EXPECT_EQ(keys, expected);
}

TEST(JsonPrinterTest, InvalidUtf8DoesNotBreakTheLine) {
  Hit hit = sample_hits()[1];
  hit.text = "kaputt \xFF Ende";
  std::ostringstream out;
  print_json({hit}, out);
  const nlohmann::json json = nlohmann::json::parse(out.str());
  EXPECT_EQ(json.at("text").get<std::string>(), "kaputt \uFFFD Ende");
}

TEST(JsonPrinterTest, NoHitsPrintNothing) {
  std::ostringstream out;
  print_json({}, out);
  EXPECT_EQ(out.str(), "");
}

TEST(TrecPrinterTest, PrintsRunLines) {
  std::ostringstream out;
  print_trec("q7", sample_hits(), "fundstelle-bm25", out);
  EXPECT_EQ(out.str(),
            "q7 Q0 news/openai-altman.html#2 1 12.500000 fundstelle-bm25\n"
            "q7 Q0 notes/ohne_titel.txt#0 2 3.250000 fundstelle-bm25\n");
}

TEST(TrecPrinterTest, EveryLineHasSixFields) {
  std::ostringstream out;
  print_trec("q1", sample_hits(), "run", out);
  for (const std::string& line : lines_of(out.str())) {
    std::istringstream fields(line);
    std::vector<std::string> parts;
    for (std::string f; fields >> f;) parts.push_back(f);
    ASSERT_EQ(parts.size(), 6u) << line;
    EXPECT_EQ(parts[1], "Q0");
  }
}

TEST(TextPrinterTest, PlainOutputHasNoEscapeCodes) {
  std::ostringstream out;
  print_text(sample_hits(), {.color = false, .width = 100}, out);
  const std::string printed = out.str();
  EXPECT_EQ(printed.find('\033'), std::string::npos);
  // Header, metadata line and text of each hit.
  EXPECT_NE(printed.find(" 1. [12.50] OpenAI ist in Gefahr\n"), std::string::npos) << printed;
  EXPECT_NE(printed.find("news/openai-altman.html#2 of 5 · 2023-11-20 · Anna Berg · "
                         "/data/news/openai-altman.html"),
            std::string::npos)
      << printed;
  EXPECT_NE(printed.find(" 2. [3.25] notes/ohne titel.txt\n"), std::string::npos) << printed;
  EXPECT_NE(printed.find("Mitarbeiter drohen mit der Kündigung"), std::string::npos) << printed;
}

TEST(TextPrinterTest, ColourOutputMarksHighlights) {
  std::ostringstream out;
  print_text(sample_hits(), {.color = true, .width = 100}, out);
  const std::string printed = out.str();
  EXPECT_NE(printed.find('\033'), std::string::npos);
  EXPECT_NE(printed.find("\033[1;31mMitarbeiter\033[0m"), std::string::npos) << printed;
  EXPECT_NE(printed.find("\033[1;31mKündigung\033[0m,"), std::string::npos) << printed;
  EXPECT_EQ(printed.find("\033[1;31mdrohen"), std::string::npos) << printed;
}

TEST(TextPrinterTest, HighlightInsideAWordIsMarked) {
  Hit hit = sample_hits()[1];
  hit.text = "Die KI-Entwicklung läuft.";
  hit.highlights = {{7, 18}};  // "Entwicklung"
  std::ostringstream out;
  print_text({hit}, {.color = true, .width = 100}, out);
  EXPECT_NE(out.str().find("KI-\033[1;31mEntwicklung\033[0m läuft."), std::string::npos)
      << out.str();
}

TEST(TextPrinterTest, WrapsToTheWidth) {
  Hit hit = sample_hits()[1];
  hit.text.clear();
  for (int i = 0; i < 40; ++i) hit.text += "Wörter" + std::to_string(i) + " über Zäune ";
  hit.text.pop_back();
  hit.highlights.clear();
  for (size_t width : {40u, 60u, 100u}) {
    SCOPED_TRACE("width " + std::to_string(width));
    std::ostringstream out;
    print_text({hit}, {.color = false, .width = width}, out);
    const std::vector<std::string> lines = lines_of(out.str());
    ASSERT_GE(lines.size(), 4u);
    // The text follows the header and the (possibly wrapped) metadata lines, indented; no line
    // is wider than asked, and no word is lost.
    size_t first = 2;
    while (first < lines.size() && !lines[first].starts_with("    Wörter0")) ++first;
    for (size_t i = 1; i < first; ++i) EXPECT_LE(columns(lines[i]), width) << lines[i];
    std::string rejoined;
    size_t text_lines = 0;
    for (size_t i = first; i < lines.size(); ++i) {
      if (lines[i].empty()) continue;
      ++text_lines;
      EXPECT_LE(columns(lines[i]), width) << lines[i];
      EXPECT_TRUE(lines[i].starts_with("    ")) << lines[i];
      if (!rejoined.empty()) rejoined += ' ';
      rejoined += lines[i].substr(4);
    }
    EXPECT_EQ(rejoined, hit.text);
    EXPECT_GE(text_lines, columns(hit.text) / width);
  }
}

TEST(TextPrinterTest, KeepsBlockBoundariesVisible) {
  Hit hit = sample_hits()[1];
  hit.text = "Überschrift\n\nErster Absatz.";
  hit.highlights.clear();
  std::ostringstream out;
  print_text({hit}, {.color = false, .width = 100}, out);
  EXPECT_NE(out.str().find("    Überschrift\n    Erster Absatz.\n"), std::string::npos)
      << out.str();
}

TEST(TextPrinterTest, HeaderNamesDateAuthorAndUrlOverPath) {
  std::vector<Hit> hits = sample_hits();
  hits[0].metadata["site_name"] = "TechBlick";
  hits[0].metadata["url"] = "https://techblick.example/altman";
  std::ostringstream out;
  print_text(hits, TextStyle{.color = false, .width = 200}, out);
  const std::vector<std::string> lines = lines_of(out.str());
  EXPECT_EQ(lines[1],
            "    news/openai-altman.html#2 of 5 · 2023-11-20 · Anna Berg · TechBlick · "
            "https://techblick.example/altman");
}

TEST(TextPrinterTest, LongTitlesWrapOnNarrowTerminals) {
  std::vector<Hit> hits = sample_hits();
  hits[0].title = "Ein sehr langer Titel über Mitarbeiter, die mit der Kündigung drohen";
  std::ostringstream out;
  print_text(hits, TextStyle{.color = false, .width = 40}, out);
  const std::vector<std::string> lines = lines_of(out.str());
  EXPECT_EQ(lines[0], " 1. [12.50] Ein sehr langer Titel");
  EXPECT_EQ(lines[1], "    über Mitarbeiter, die mit der");
  EXPECT_EQ(lines[2], "    Kündigung drohen");
  for (const std::string& line : lines) EXPECT_LE(columns(line), 40u) << line;
}

TEST(TextPrinterTest, ExplanationListsPartsAndTitleEvidence) {
  std::vector<Hit> hits = sample_hits();
  hits[0].explanation = {{"stem", "mitarbeit", 8.0}, {"title-stem", "openai", 4.5}};
  hits.resize(1);
  std::ostringstream out;
  print_text(hits, TextStyle{}, out);
  const std::string text = out.str();
  EXPECT_NE(text.find("why: score 12.50 = sum of the parts below (12.50)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("  8.00  stem        mitarbeit"), std::string::npos) << text;
  EXPECT_NE(text.find("title evidence 4.50 (36%), passage text 8.00"), std::string::npos) << text;
}

TEST(JsonPrinterTest, ExplanationIsAnObjectOnlyWhenAsked) {
  std::vector<Hit> hits = sample_hits();
  hits[0].explanation = {{"stem", "mitarbeit", 8.0}, {"title", "openai", 4.5}};
  std::ostringstream out;
  print_json(hits, out);
  const std::vector<std::string> lines = lines_of(out.str());
  const auto first = nlohmann::json::parse(lines[0]);
  ASSERT_TRUE(first.contains("explain"));
  EXPECT_EQ(first["explain"]["terms"][0]["kind"], "stem");
  EXPECT_EQ(first["explain"]["terms"][0]["term"], "mitarbeit");
  EXPECT_DOUBLE_EQ(first["explain"]["terms"][0]["weight"].get<double>(), 8.0);
  EXPECT_DOUBLE_EQ(first["explain"]["title_evidence"].get<double>(), 4.5);
  EXPECT_FALSE(nlohmann::json::parse(lines[1]).contains("explain"));
}

TEST(CountPrinterTest, TextAndJson) {
  std::ostringstream text, json;
  print_count_text(1, 3, text);
  print_count_json(2, 5, json);
  EXPECT_EQ(text.str(), "1 article, 3 passages\n");
  EXPECT_EQ(json.str(), "{\"format_version\":1,\"articles\":2,\"passages\":5}\n");
}

ArticlePassages sample_article() {
  ArticlePassages article;
  article.docid = "a.html";
  for (int n = 1; n <= 3; ++n) {
    StoredPassage p;
    p.docid = "a.html";
    p.passage = n;
    p.passage_count = 3;
    p.title = "Über Altman";
    p.source = "/data/a.html";
    p.text = "Absatz " + std::to_string(n) + " mit Text.";
    p.metadata = {{"author", "Anna Berg"}, {"published", "2023-11-20"}};
    article.passages.push_back(p);
  }
  return article;
}

TEST(ArticlePrinterTest, MarksPassagesAndTheChosenOne) {
  std::ostringstream out;
  print_article_text(sample_article(), 2, TextStyle{}, out);
  const std::string text = out.str();
  EXPECT_EQ(text.rfind("Über Altman\n", 0), 0u) << text;
  EXPECT_NE(text.find("author:     Anna Berg\n"), std::string::npos) << text;
  EXPECT_NE(text.find("─ #1 "), std::string::npos) << text;
  EXPECT_NE(text.find("▶ #2 "), std::string::npos) << text;
  EXPECT_NE(text.find("\nAbsatz 1 mit Text.\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n> Absatz 2 mit Text.\n"), std::string::npos) << text;
  EXPECT_EQ(text.find('\033'), std::string::npos);

  std::ostringstream colour;
  print_article_text(sample_article(), 2, TextStyle{.color = true}, colour);
  EXPECT_NE(colour.str().find("\033[1mAbsatz\033[0m \033[1m2\033[0m"), std::string::npos)
      << colour.str();
}

TEST(ArticlePrinterTest, AsciiWhenTheTerminalCannotShowUtf8) {
  std::ostringstream out;
  print_article_text(sample_article(), 1, TextStyle{.utf8 = false}, out);
  const std::string text = out.str();
  EXPECT_EQ(text.rfind("Ueber Altman\n", 0), 0u) << text;
  EXPECT_NE(text.find("> #1 "), std::string::npos) << text;
  for (unsigned char c : text) ASSERT_LT(c, 0x80) << text;
}

TEST(ArticlePrinterTest, JsonHasEveryPassage) {
  std::ostringstream out;
  print_article_json(sample_article(), 3, out);
  const auto json = nlohmann::json::parse(out.str());
  EXPECT_EQ(json["docid"], "a.html");
  EXPECT_EQ(json["author"], "Anna Berg");
  EXPECT_EQ(json["chosen"], 3);
  ASSERT_EQ(json["passages"].size(), 3u);
  EXPECT_EQ(json["passages"][2]["text"], "Absatz 3 mit Text.");
}

TEST(StatsPrinterTest, TextAndJson) {
  IndexStats stats;
  stats.articles = 3;
  stats.passages = 55;
  stats.terms = 1234;
  stats.bytes_on_disk = 3 * 1024 * 1024;
  stats.shards = {"/i/shard0", "tcp 127.0.0.1:6000"};
  stats.kinds = {{"html", 2}, {"xml", 1}};
  stats.sites = {{"TechBlick", 1}, {"", 2}};
  stats.last_update = "2026-11-28T16:00:00Z";
  stats.schema_version = "1";
  std::ostringstream text;
  print_stats_text(stats, TextStyle{}, text);
  for (const char* line :
       {"articles:       3\n", "passages:       55\n", "terms:          1234\n",
        "size on disk:   3.0 MiB\n", "sources:        html 2, xml 1\n",
        "sites:          (unknown) 2, TechBlick 1\n", "last update:    2026-11-28T16:00:00Z\n",
        "schema version: 1\n", "shards:         2 (/i/shard0, tcp 127.0.0.1:6000)\n"}) {
    EXPECT_NE(text.str().find(line), std::string::npos) << line << text.str();
  }
  std::ostringstream json;
  print_stats_json(stats, json);
  const auto parsed = nlohmann::json::parse(json.str());
  EXPECT_EQ(parsed["passages"], 55);
  EXPECT_EQ(parsed["sources"]["xml"], 1);
  EXPECT_EQ(parsed["bytes_on_disk"], 3 * 1024 * 1024);
}

}  // namespace
}  // namespace fundstelle::query
