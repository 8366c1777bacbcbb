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
    // Lines 3.. hold the text, indented; none is wider than asked, and no word is lost.
    std::string rejoined;
    size_t text_lines = 0;
    for (size_t i = 2; i < lines.size(); ++i) {
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

}  // namespace
}  // namespace fundstelle::query
