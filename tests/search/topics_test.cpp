#include "search/topics.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace fundstelle::query {

// Found by argument-dependent lookup from std::vector's operator== and GoogleTest's printer.
bool operator==(const Topic& a, const Topic& b) { return a.id == b.id && a.text == b.text; }
void PrintTo(const Topic& topic, std::ostream* out) { *out << topic.id << " -> " << topic.text; }

namespace {

namespace fs = std::filesystem;

using fundstelle::testing::TempDir;

TEST(TopicsTest, ReadsTopicFiles) {
  struct Case {
    const char* name;
    std::string content;
    std::vector<Topic> topics;
  };
  const Case cases[] = {
      {"tsv",
       "q1\tWer ist Sam Altman?\nq2\tKündigung der Mitarbeiter\n",
       {{"q1", "Wer ist Sam Altman?"}, {"q2", "Kündigung der Mitarbeiter"}}},
      {"tsv with blank lines and CRLF",
       "\n  \nq1\tErste Frage\r\n\r\nq2\tZweite\tmit Tab\r\n",
       {{"q1", "Erste Frage"}, {"q2", "Zweite\tmit Tab"}}},
      {"tsv without final newline", "7\tOpenAI", {{"7", "OpenAI"}}},
      {"tsv empty query", "q1\t\n", {{"q1", ""}}},
      {"jsonl",
       "{\"query_id\": \"q1\", \"query_text\": \"Wer ist Sam Altman?\"}\n"
       "  {\"query_text\": \"Kündigung\", \"query_id\": \"q2\", \"extra\": true}\n",
       {{"q1", "Wer ist Sam Altman?"}, {"q2", "Kündigung"}}},
      {"jsonl numeric id", "{\"query_id\": 42, \"query_text\": \"Börse\"}\r\n", {{"42", "Börse"}}},
      {"jsonl escapes",
       R"({"query_id": "q1", "query_text": "\"Sam Altman\" \u00fcber"})",
       {{"q1", "\"Sam Altman\" über"}}},
      {"empty file", "", {}},
      {"only blank lines", "\n \t \n", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const Result<std::vector<Topic>> result = read_topics(dir.write("topics", c.content));
    ASSERT_TRUE(result.ok()) << result.error().reason;
    EXPECT_EQ(result.value(), c.topics);
  }
}

TEST(TopicsTest, ErrorsNameTheFileAndLine) {
  struct Case {
    const char* name;
    std::string content;
    std::string line;        // ":N: " expected after the path
    std::string mentioning;  // part of the reason
  };
  const Case cases[] = {
      {"tsv line without tab", "q1\tgut\n\nq2 ohne Tab\n", ":3: ", "qid<TAB>query"},
      {"broken json", "{\"query_id\": \"q1\", \"query_text\": \"a\"}\n{\"query_id\": \n",
       ":2: ", "query_id and query_text"},
      {"json without query_text", "{\"query_id\": \"q1\"}\n", ":1: ", "query_text"},
      {"json without query_id", "\n{\"query_text\": \"a\"}\n", ":2: ", "query_id"},
      {"json array", "[1, 2]\n", ":1: ", "qid<TAB>query"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const fs::path file = dir.write("topics.txt", c.content);
    const Result<std::vector<Topic>> result = read_topics(file);
    ASSERT_FALSE(result.ok());
    const std::string& reason = result.error().reason;
    EXPECT_NE(reason.find(file.string() + c.line), std::string::npos) << reason;
    EXPECT_NE(reason.find(c.mentioning), std::string::npos) << reason;
  }
}

TEST(TopicsTest, MissingFileIsAnError) {
  TempDir dir;
  const fs::path file = dir.path() / "fehlt.tsv";
  const Result<std::vector<Topic>> result = read_topics(file);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().reason.find(file.string()), std::string::npos) << result.error().reason;
}

}  // namespace
}  // namespace fundstelle::query
