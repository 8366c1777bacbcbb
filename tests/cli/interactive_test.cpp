#include "cli/interactive.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "support/temp_dir.hpp"
#include "writer/document_builder.hpp"
#include "writer/index_writer.hpp"

namespace fundstelle::cli {
namespace {

namespace fs = std::filesystem;
using fundstelle::testing::TempDir;

// Two articles: enough for paging, :show and a failing query.
void write_index(const fs::path& path) {
  analysis::GermanAnalyzer analyzer;
  writer::IndexWriter writer(path);
  const std::vector<std::pair<std::string, std::vector<std::string>>> articles = {
      {"a.html",
       {"Der Vorstand entließ Sam Altman.", "Mira Murati wurde Interims-CEO.",
        "Die Mitarbeiter protestierten."}},
      {"b.html", {"Microsoft stellte Sam Altman ein."}}};
  for (const auto& [docid, paragraphs] : articles) {
    writer::IndexedArticle input;
    input.docid = docid;
    input.source = "/data/" + docid;
    input.article.title = "Titel " + docid;
    for (const std::string& p : paragraphs) {
      input.article.blocks.push_back({extract::BlockKind::kParagraph, p, 0});
    }
    input.passages = passages::split_passages(input.article, {.max_bytes = 1000, .min_bytes = 10});
    writer.replace_article(input.docid, writer::build_documents(input, analyzer));
  }
  writer.commit();
}

class InteractiveTest : public ::testing::Test {
 protected:
  InteractiveTest() { write_index(dir_.path() / "index"); }

  std::string session(const std::string& input, QueryOptions options = {},
                      const std::string& first_query = {}) {
    query::Searcher searcher({dir_.path() / "index"});
    std::istringstream in(input);
    const auto reader = make_stream_reader(in);
    std::ostringstream out;
    EXPECT_EQ(run_interactive(searcher, options, query::TextStyle{}, *reader, out, first_query), 0);
    return out.str();
  }

  TempDir dir_;
};

TEST_F(InteractiveTest, AnswersQueryAfterQuery) {
  const std::string out = session("Interims-CEO\nMicrosoft\n");
  EXPECT_NE(out.find("a.html#2"), std::string::npos) << out;
  EXPECT_NE(out.find("b.html#1"), std::string::npos) << out;
}

TEST_F(InteractiveTest, AQueryOnTheCommandLineIsAnsweredFirst) {
  const std::string out = session(":show 1\n", {}, "Interims-CEO");
  EXPECT_NE(out.find(" 1. ["), std::string::npos) << out;
  EXPECT_NE(out.find("> Mira Murati wurde Interims-CEO."), std::string::npos) << out;
}

TEST_F(InteractiveTest, MoreShowsTheNextPage) {
  QueryOptions options;
  options.limit = 1;
  const std::string out = session("Sam Altman\n:more\n:more\n:more\n", options);
  EXPECT_NE(out.find(" 1. "), std::string::npos) << out;
  EXPECT_NE(out.find(" 2. "), std::string::npos) << out;
  EXPECT_NE(out.find("no more passages"), std::string::npos) << out;
}

TEST_F(InteractiveTest, ShowPrintsTheArticleOfAHit) {
  const std::string out = session("Interims-CEO\n:show 1\n:show 7\n:show b.html\n");
  EXPECT_NE(out.find("Der Vorstand entließ Sam Altman."), std::string::npos) << out;
  EXPECT_NE(out.find("> Mira Murati wurde Interims-CEO."), std::string::npos) << out;  // chosen
  EXPECT_NE(out.find("no hit 7"), std::string::npos) << out;
  EXPECT_NE(out.find("Microsoft stellte Sam Altman ein."), std::string::npos) << out;
}

TEST_F(InteractiveTest, HelpUnknownCommandsNoMatchesAndQuit) {
  const std::string out = session(":help\n:frobnicate\nQuantenphysik\n:quit\nMicrosoft\n");
  EXPECT_NE(out.find(":show N"), std::string::npos) << out;
  EXPECT_NE(out.find("unknown command :frobnicate"), std::string::npos) << out;
  EXPECT_NE(out.find("no passages match"), std::string::npos) << out;
  EXPECT_EQ(out.find("b.html"), std::string::npos) << "read past :quit: " << out;
}

TEST_F(InteractiveTest, JsonFormatGivesJsonLines) {
  QueryOptions options;
  options.format = OutputFormat::kJson;
  const std::string out = session("Microsoft\n", options);
  EXPECT_EQ(out.rfind("{\"format_version\":1", 0), 0u) << out;
}

}  // namespace
}  // namespace fundstelle::cli
