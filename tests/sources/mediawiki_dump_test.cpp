#include "sources/mediawiki_dump.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace fundstelle::sources {
namespace {

const std::string kHeader =
    "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\" "
    "xml:lang=\"de\">\n"
    "  <siteinfo>\n    <sitename>Beispielwiki</sitename>\n    <dbname>dewiki</dbname>\n"
    "    <base>https://de.example.org/wiki/Hauptseite</base>\n"
    "    <namespaces><namespace key=\"0\" /><namespace key=\"1\">Diskussion</namespace>"
    "</namespaces>\n  </siteinfo>\n";

std::string make_page(int id, const std::string& title, const std::string& text) {
  return "<page>\n    <title>" + title + "</title>\n    <ns>0</ns>\n    <id>" + std::to_string(id) +
         "</id>\n    <revision><text xml:space=\"preserve\">" + text +
         "</text></revision>\n  </page>";
}

const std::vector<std::string> kPages = {
    make_page(1, "Köln", "'''Köln''' ist eine Stadt &lt;page&gt; am [[Rhein]]."),
    make_page(2, "Bonn", "Bonn liegt am Rhein.\n\n== Geschichte ==\nAlt."),
    make_page(3, "Aachen", "Aachen liegt im Westen."),
};

std::string dump_of(const std::vector<std::string>& pages, bool closed = true) {
  std::string dump = kHeader;
  for (const std::string& page : pages) dump += "  " + page + "\n";
  if (closed) dump += "</mediawiki>\n";
  return dump;
}

std::vector<std::string> read_all(MediaWikiDumpReader& reader) {
  std::vector<std::string> pages;
  std::string page;
  while (reader.next_page(page)) pages.push_back(page);
  return pages;
}

TEST(MediaWikiDumpTest, SplitsPagesAtAnyChunkSize) {
  for (const size_t chunk :
       {size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{13}, size_t{64}, size_t{1} << 20}) {
    StringStream in(dump_of(kPages));
    MediaWikiDumpReader reader(in, {.chunk_size = chunk});
    EXPECT_EQ(reader.site().site_name, "Beispielwiki") << chunk;
    EXPECT_EQ(reader.site().base_url, "https://de.example.org/wiki/") << chunk;
    EXPECT_EQ(reader.site().language, "de") << chunk;
    EXPECT_EQ(reader.site().namespaces.size(), 2u) << chunk;
    EXPECT_EQ(read_all(reader), kPages) << chunk;
    EXPECT_EQ(reader.pages_seen(), 3u) << chunk;
    EXPECT_FALSE(reader.truncated()) << chunk;
    EXPECT_TRUE(reader.skipped_pages().empty()) << chunk;
    std::string page;
    EXPECT_FALSE(reader.next_page(page)) << "stays at the end";
  }
}

TEST(MediaWikiDumpTest, PagesParseIntoArticles) {
  StringStream in(dump_of(kPages));
  MediaWikiDumpReader reader(in, {.chunk_size = 5});
  std::string page;
  std::vector<std::string> titles;
  while (reader.next_page(page)) {
    const Result<extract::Article> article =
        extract::extract_mediawiki_page(page, reader.site(), extract::PageFilter{});
    ASSERT_TRUE(article.ok()) << article.error().reason;
    titles.push_back(article.value().title);
  }
  EXPECT_EQ(titles, (std::vector<std::string>{"Köln", "Bonn", "Aachen"}));
}

TEST(MediaWikiDumpTest, ReportsADumpCutOffMidPage) {
  const std::string full = dump_of(kPages);
  const size_t third = full.find("<page>", full.find("<id>2</id>"));
  const std::string cut = full.substr(0, third + 40);
  for (const size_t chunk : {size_t{1}, size_t{7}, size_t{1} << 20}) {
    StringStream in(cut);
    MediaWikiDumpReader reader(in, {.chunk_size = chunk});
    EXPECT_EQ(read_all(reader), (std::vector<std::string>{kPages[0], kPages[1]})) << chunk;
    ASSERT_TRUE(reader.truncated()) << chunk;
    EXPECT_EQ(reader.truncation()->element_start, third) << chunk;
    EXPECT_EQ(reader.truncation()->input_end, cut.size()) << chunk;
    EXPECT_EQ(reader.truncation()->reason, "input ends at byte " + std::to_string(cut.size()) +
                                               " inside the <page> starting at byte " +
                                               std::to_string(third));
    EXPECT_EQ(reader.pages_seen(), 2u);
  }
}

TEST(MediaWikiDumpTest, ReportsADumpCutOffBetweenPages) {
  const std::string cut = dump_of(kPages, /*closed=*/false);
  StringStream in(cut);
  MediaWikiDumpReader reader(in, {.chunk_size = 16});
  EXPECT_EQ(read_all(reader).size(), 3u);
  ASSERT_TRUE(reader.truncated());
  EXPECT_EQ(reader.truncation()->element_start, cut.size());
  EXPECT_EQ(reader.truncation()->reason,
            "input ends at byte " + std::to_string(cut.size()) + " before </mediawiki>");
}

TEST(MediaWikiDumpTest, ReportsADumpCutOffInSiteinfo) {
  const std::string cut = kHeader.substr(0, kHeader.find("<dbname>"));
  StringStream in(cut);
  MediaWikiDumpReader reader(in, {.chunk_size = 3});
  EXPECT_TRUE(read_all(reader).empty());
  ASSERT_TRUE(reader.truncated());
  EXPECT_EQ(reader.truncation()->element_start, cut.find("<siteinfo>"));
  EXPECT_EQ(reader.site().language, "de");  // from <mediawiki xml:lang>
}

TEST(MediaWikiDumpTest, SkipsOversizedPagesWithBoundedMemory) {
  const std::string big = make_page(9, "Riesig", std::string(5000, 'x'));
  for (const size_t chunk : {size_t{1}, size_t{64}, size_t{1} << 20}) {
    StringStream in(dump_of({kPages[0], big, kPages[1], big}));
    MediaWikiDumpReader reader(in, {.chunk_size = chunk, .max_page_bytes = 1000});
    EXPECT_EQ(read_all(reader), (std::vector<std::string>{kPages[0], kPages[1]})) << chunk;
    EXPECT_EQ(reader.pages_seen(), 4u);
    ASSERT_EQ(reader.skipped_pages().size(), 2u) << chunk;
    EXPECT_EQ(reader.skipped_pages()[0].bytes, big.size());
    EXPECT_EQ(reader.skipped_pages()[0].reason,
              "page of " + std::to_string(big.size()) +
                  " bytes exceeds the limit of 1000 bytes (title \"Riesig\")");
    EXPECT_FALSE(reader.truncated());
  }
}

TEST(MediaWikiDumpTest, IgnoresAnOversizedSiteinfo) {
  std::string dump = dump_of(kPages);
  dump.insert(dump.find("</siteinfo>"), "<generator>" + std::string(1000, 'x') + "</generator>");
  StringStream in(dump);
  MediaWikiDumpReader reader(in, {.chunk_size = 8, .max_page_bytes = 500});
  EXPECT_EQ(reader.site().site_name, "");
  EXPECT_EQ(reader.site().language, "de");  // from <mediawiki xml:lang>
  EXPECT_EQ(read_all(reader), kPages);
  EXPECT_FALSE(reader.truncated());
}

TEST(MediaWikiDumpTest, ReadsDumpsWithoutSiteinfo) {
  StringStream in(make_page(1, "A", "Text A.") + "\n" + make_page(2, "B", "Text B."));
  MediaWikiDumpReader reader(in, {.chunk_size = 4});
  EXPECT_EQ(reader.site().site_name, "");
  EXPECT_EQ(read_all(reader).size(), 2u);
  EXPECT_FALSE(reader.truncated());  // no <mediawiki> root, so nothing is missing
}

TEST(MediaWikiDumpTest, EmptyInput) {
  StringStream in("");
  MediaWikiDumpReader reader(in);
  EXPECT_TRUE(read_all(reader).empty());
  EXPECT_FALSE(reader.truncated());
  EXPECT_EQ(reader.pages_seen(), 0u);
}

// A stream that breaks after `limit` bytes, like a truncated .bz2.
class BrokenStream : public ByteStream {
 public:
  BrokenStream(std::string data, size_t limit) : inner_(std::move(data)), limit_(limit) {}
  size_t read(char* buffer, size_t size) override {
    if (inner_.position() >= limit_)
      throw std::runtime_error("broken at byte " + std::to_string(limit_));
    return inner_.read(buffer, std::min(size, limit_ - inner_.position()));
  }
  [[nodiscard]] size_t position() const override { return inner_.position(); }

 private:
  StringStream inner_;
  size_t limit_;
};

TEST(MediaWikiDumpTest, StreamErrorsPropagate) {
  const std::string full = dump_of(kPages);
  BrokenStream in(full, full.find("<id>3</id>"));
  MediaWikiDumpReader reader(in, {.chunk_size = 32});
  std::string page;
  ASSERT_TRUE(reader.next_page(page));
  EXPECT_EQ(page, kPages[0]);
  ASSERT_TRUE(reader.next_page(page));
  EXPECT_EQ(page, kPages[1]);
  EXPECT_THROW((void)reader.next_page(page), std::runtime_error);
}

}  // namespace
}  // namespace fundstelle::sources
