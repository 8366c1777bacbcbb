#include "passages/passage_splitter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "passages/sentence_breaks.hpp"

namespace fundstelle::passages {
namespace {

using extract::Article;
using extract::Block;
using extract::BlockKind;

Block heading(std::string text) { return {BlockKind::kHeading, std::move(text), 2}; }
Block paragraph(std::string text) { return {BlockKind::kParagraph, std::move(text), 0}; }

// A paragraph of `count` distinct sentences of about 60 bytes each.
std::string sentences(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    if (!out.empty()) out += ' ';
    out += "Satz " + std::to_string(i) + " erzählt von der Kündigung vieler Mitarbeiter.";
  }
  return out;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The invariants every split must keep: passages are non-empty, ordered, non-overlapping slices
// of Article::text() with correct offsets, never starting or ending inside a UTF-8 sequence, and
// only whitespace is left between them.
void expect_contiguous_slices(const Article& article, const std::vector<Passage>& passages) {
  const std::string text = article.text();
  size_t previous_end = 0;
  for (size_t i = 0; i < passages.size(); ++i) {
    const Passage& p = passages[i];
    SCOPED_TRACE("passage " + std::to_string(i));
    ASSERT_LT(p.start, p.end);
    ASSERT_LE(p.end, text.size());
    EXPECT_EQ(p.text, text.substr(p.start, p.end - p.start));
    EXPECT_GE(p.start, previous_end);
    EXPECT_EQ(text.substr(previous_end, p.start - previous_end).find_first_not_of(" \n"),
              std::string::npos);
    EXPECT_FALSE(is_continuation(text[p.start]));
    if (p.end < text.size()) {
      EXPECT_FALSE(is_continuation(text[p.end]));
    }
    EXPECT_NE(p.text.front(), ' ');
    EXPECT_NE(p.text.back(), ' ');
    previous_end = p.end;
  }
  if (!passages.empty()) {
    EXPECT_EQ(text.substr(previous_end).find_first_not_of(" \n"), std::string::npos);
  }
}

TEST(PassageSplitterTest, EmptyArticleHasNoPassages) {
  EXPECT_TRUE(split_passages(Article{}).empty());
  Article only_empty_blocks;
  only_empty_blocks.blocks = {paragraph(""), heading("")};
  EXPECT_TRUE(split_passages(only_empty_blocks).empty());
}

TEST(PassageSplitterTest, ShortArticleIsOnePassage) {
  Article article;
  article.blocks = {paragraph("Ein kurzer Text.")};
  const std::vector<Passage> passages = split_passages(article);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].start, 0u);
  EXPECT_EQ(passages[0].end, 16u);
  EXPECT_EQ(passages[0].text, "Ein kurzer Text.");
}

TEST(PassageSplitterTest, HeadingGoesWithTheFollowingParagraph) {
  Article article;
  const std::string first = sentences(6);  // ~360 bytes: above min_bytes
  const std::string second = sentences(7);
  article.blocks = {paragraph(first), heading("Die Reaktion"), paragraph(second)};
  const std::vector<Passage> passages =
      split_passages(article, {.max_bytes = 500, .min_bytes = 100});
  expect_contiguous_slices(article, passages);
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_EQ(passages[0].text, first);
  EXPECT_EQ(passages[1].text, "Die Reaktion\n\n" + second);
  EXPECT_EQ(passages[1].start, first.size() + 2);
}

TEST(PassageSplitterTest, HeadingAtTheEndStaysInTheText) {
  Article article;
  article.blocks = {paragraph(sentences(6)), heading("Nachtrag")};
  const std::vector<Passage> passages =
      split_passages(article, {.max_bytes = 500, .min_bytes = 100});
  expect_contiguous_slices(article, passages);
  ASSERT_FALSE(passages.empty());
  EXPECT_EQ(passages.back().end, article.text().size());
}

TEST(PassageSplitterTest, MergesTinyBlocks) {
  Article article;
  article.blocks = {heading("Titel"), paragraph("Erster kurzer Absatz."),
                    paragraph("Zweiter kurzer Absatz."), paragraph("Dritter kurzer Absatz."),
                    paragraph("Vierter.")};
  const std::vector<Passage> passages = split_passages(article);
  expect_contiguous_slices(article, passages);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].start, 0u);
  EXPECT_EQ(passages[0].text, article.text());
}

TEST(PassageSplitterTest, BlocksAboveMinBytesStaySeparate) {
  Article article;
  const std::vector<std::string> texts = {sentences(5), sentences(6), sentences(7)};
  for (const std::string& t : texts) article.blocks.push_back(paragraph(t));
  const std::vector<Passage> passages = split_passages(article);
  expect_contiguous_slices(article, passages);
  ASSERT_EQ(passages.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(passages[i].text, texts[i]);
}

TEST(PassageSplitterTest, TinyLastBlockJoinsThePassageBefore) {
  Article article;
  article.blocks = {paragraph(sentences(5)), paragraph(sentences(5)), paragraph("Ende.")};
  const std::vector<Passage> passages = split_passages(article);
  expect_contiguous_slices(article, passages);
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_TRUE(passages[1].text.ends_with("\n\nEnde."));
}

TEST(PassageSplitterTest, SplitsALongParagraphAtSentenceStarts) {
  Article article;
  const std::string long_paragraph = sentences(84);
  ASSERT_GE(long_paragraph.size(), 4500u);
  article.blocks = {heading("Überschrift"), paragraph(long_paragraph)};
  const PassageLimits limits;  // max 1500, min 250
  const std::vector<Passage> passages = split_passages(article, limits);
  expect_contiguous_slices(article, passages);
  ASSERT_GE(passages.size(), 4u);

  const std::string text = article.text();
  const size_t paragraph_start = text.find(long_paragraph);
  std::vector<size_t> starts = sentence_starts(long_paragraph);
  for (size_t& s : starts) s += paragraph_start;
  EXPECT_EQ(passages[0].start, 0u);  // the heading leads the first piece
  for (size_t i = 0; i < passages.size(); ++i) {
    SCOPED_TRACE("passage " + std::to_string(i));
    const size_t content_start = i == 0 ? paragraph_start : passages[i].start;
    EXPECT_LE(passages[i].end - content_start, limits.max_bytes);
    if (i > 0) {
      EXPECT_NE(std::find(starts.begin(), starts.end(), passages[i].start), starts.end());
      EXPECT_TRUE(passages[i].text.starts_with("Satz ")) << passages[i].text.substr(0, 20);
    }
    EXPECT_TRUE(passages[i].text.ends_with('.'));
  }
  // Balanced: no piece is tiny.
  for (const Passage& p : passages) EXPECT_GE(p.end - p.start, limits.min_bytes);
}

TEST(PassageSplitterTest, SplitsAHugeSentenceAtSpaces) {
  std::string huge;
  for (int i = 0; huge.size() < 3500; ++i)
    huge += "wörter" + std::to_string(i % 10) + " ohne Punkt ";
  huge.pop_back();
  Article article;
  article.blocks = {paragraph(huge)};
  const std::vector<Passage> passages =
      split_passages(article, {.max_bytes = 1000, .min_bytes = 250});
  expect_contiguous_slices(article, passages);
  ASSERT_GE(passages.size(), 4u);
  const std::string text = article.text();
  for (const Passage& p : passages) {
    EXPECT_LE(p.end - p.start, 1000u);
    if (p.start > 0) {
      EXPECT_EQ(text[p.start - 1], ' ');
    }
    if (p.end < text.size()) {
      EXPECT_EQ(text[p.end], ' ');
    }
  }
}

TEST(PassageSplitterTest, NeverCutsInsideAUtf8Sequence) {
  struct Case {
    const char* name;
    std::string unit;  // repeated without spaces
    size_t repeat;
  };
  const Case cases[] = {
      {"two-byte characters", "ä", 1500},
      {"three-byte characters", "€", 1000},
      {"four-byte characters", "😀", 800},
      {"mixed", "aä€😀", 400},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string blob;
    for (size_t i = 0; i < c.repeat; ++i) blob += c.unit;
    Article article;
    article.blocks = {paragraph(blob)};
    const std::vector<Passage> passages =
        split_passages(article, {.max_bytes = 1000, .min_bytes = 250});
    expect_contiguous_slices(article, passages);
    ASSERT_GE(passages.size(), 2u);
    size_t covered = 0;
    for (const Passage& p : passages) {
      EXPECT_LE(p.end - p.start, 1000u);
      covered += p.end - p.start;
    }
    EXPECT_EQ(covered, blob.size());  // no spaces: the pieces tile the text
  }
}

TEST(PassageSplitterTest, EmptyBlocksDoNotShiftOffsets) {
  Article article;
  article.blocks = {paragraph(""), paragraph(sentences(5)), paragraph(""), paragraph(sentences(5))};
  const std::vector<Passage> passages = split_passages(article);
  expect_contiguous_slices(article, passages);
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_EQ(passages[0].text, sentences(5));
  EXPECT_EQ(passages[1].text, sentences(5));
}

}  // namespace
}  // namespace fundstelle::passages
