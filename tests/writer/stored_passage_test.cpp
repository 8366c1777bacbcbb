#include "stored_passage.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fundstelle {
namespace {

StoredPassage sample() {
  StoredPassage p;
  p.docid = "news/2023/openai-altman.html";
  p.passage = 3;
  p.passage_count = 7;
  p.title = "OpenAI ist in Gefahr — „Kündigung“ droht";
  p.source = "/home/anna/news/2023/openai-altman.html";
  p.text = "Mehr als 500 Mitarbeiter drohen mit der Kündigung.\n\nZweiter Absatz mit \"Zitat\".";
  p.start = 1234;
  p.end = 1234 + p.text.size();
  p.metadata = {{"author", "Anna Berg"},
                {"published", "2023-11-20T08:00:00Z"},
                {"url", "https://example.org/a?b=1&c=2"}};
  return p;
}

TEST(StoredPassageTest, RoundTrips) {
  const StoredPassage original = sample();
  StoredPassage decoded;
  ASSERT_TRUE(decode_stored_passage(encode_stored_passage(original), decoded));
  EXPECT_EQ(decoded, original);
}

TEST(StoredPassageTest, RoundTripsEmptyFields) {
  StoredPassage original;
  original.docid = "x";
  StoredPassage decoded;
  decoded.title = "stale";
  decoded.metadata = {{"stale", "value"}};
  ASSERT_TRUE(decode_stored_passage(encode_stored_passage(original), decoded));
  EXPECT_EQ(decoded, original);
}

TEST(StoredPassageTest, EncodingIsOneCompactJsonObject) {
  const std::string data = encode_stored_passage(sample());
  EXPECT_EQ(data.front(), '{');
  EXPECT_EQ(data.back(), '}');
  EXPECT_EQ(data.find('\n'), std::string::npos);  // newlines in the text are escaped
}

TEST(StoredPassageTest, InvalidUtf8IsReplacedNotFatal) {
  StoredPassage original = sample();
  original.text = "kaputt \xFF\xFE Ende";
  StoredPassage decoded;
  ASSERT_TRUE(decode_stored_passage(encode_stored_passage(original), decoded));
  EXPECT_EQ(decoded.text, "kaputt \uFFFD\uFFFD Ende");
  EXPECT_EQ(decoded.docid, original.docid);
}

TEST(StoredPassageTest, RejectsDataItCannotRead) {
  const char* const inputs[] = {
      "",
      "not json",
      "[1, 2, 3]",
      "\"string\"",
      "{}",
      R"({"docid": "a", "passage": 0})",                    // no text
      R"({"passage": 0, "text": "t"})",                     // no docid
      R"({"docid": 5, "passage": 0, "text": "t"})",         // docid of the wrong type
      R"({"docid": "a", "passage": "eins", "text": "t"})",  // passage of the wrong type
      R"({"docid": "a", "passage": 0, "text": "t", "meta": [1]})",
      R"({"docid": "a", "passage": 0, "text": "t")",  // truncated
  };
  for (const char* input : inputs) {
    StoredPassage out;
    EXPECT_FALSE(decode_stored_passage(input, out)) << input;
  }
}

TEST(StoredPassageTest, OptionalFieldsDefault) {
  StoredPassage out;
  ASSERT_TRUE(decode_stored_passage(R"({"docid": "a", "passage": 2, "text": "t"})", out));
  EXPECT_EQ(out.docid, "a");
  EXPECT_EQ(out.passage, 2);
  EXPECT_EQ(out.text, "t");
  EXPECT_EQ(out.passage_count, 0);
  EXPECT_EQ(out.title, "");
  EXPECT_EQ(out.start, 0u);
  EXPECT_TRUE(out.metadata.empty());
}

}  // namespace
}  // namespace fundstelle
