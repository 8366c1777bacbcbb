#include "sources/input_reader.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace fundstelle::sources {
namespace {

namespace fs = std::filesystem;

using fundstelle::testing::TempDir;

using Members = std::vector<std::pair<std::string, std::string>>;

// Writes an archive with libarchive: `format` e.g. ARCHIVE_FORMAT_TAR_USTAR, `filter` e.g.
// ARCHIVE_FILTER_GZIP; with format RAW a single compressed file of the first member.
void write_archive(const fs::path& path, int format, int filter, const Members& members) {
  std::unique_ptr<archive, decltype(&archive_write_free)> out(archive_write_new(),
                                                              &archive_write_free);
  if (format == ARCHIVE_FORMAT_RAW) {
    archive_write_set_format_raw(out.get());
  } else {
    archive_write_set_format(out.get(), format);
  }
  archive_write_add_filter(out.get(), filter);
  ASSERT_EQ(archive_write_open_filename(out.get(), path.c_str()), ARCHIVE_OK)
      << archive_error_string(out.get());
  for (const auto& [name, bytes] : members) {
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                        &archive_entry_free);
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    ASSERT_EQ(archive_write_header(out.get(), entry.get()), ARCHIVE_OK);
    ASSERT_EQ(archive_write_data(out.get(), bytes.data(), bytes.size()),
              static_cast<la_ssize_t>(bytes.size()));
  }
  archive_write_close(out.get());
}

struct Collected {
  std::vector<InputRecord> records;
  std::vector<std::pair<std::string, std::string>> errors;
};

Collected read_all(const fs::path& path, const std::string& docid, ReadLimits limits = {}) {
  Collected out;
  RecordSink sink;
  sink.record = [&](InputRecord&& r) { out.records.push_back(std::move(r)); };
  sink.error = [&](const std::string& where, const std::string& reason) {
    out.errors.emplace_back(where, reason);
  };
  read_input({path, docid}, limits, sink);
  return out;
}

const std::string kPage = "<html><body><p>Ein Absatz über den Vorstand.</p></body></html>";

TEST(InputReaderTest, PlainFileIsOneRecord) {
  TempDir dir;
  std::ofstream(dir.path() / "a.html") << kPage;
  const Collected got = read_all(dir.path() / "a.html", "a.html");
  ASSERT_EQ(got.records.size(), 1u);
  EXPECT_TRUE(got.errors.empty());
  EXPECT_EQ(got.records[0].bytes, kPage);
  EXPECT_EQ(got.records[0].docid, "a.html");
  EXPECT_EQ(got.records[0].name, "a.html");
}

TEST(InputReaderTest, CompressedFilesAreDecompressedByContent) {
  struct Case {
    int filter;
    const char* file;
  };
  const Case cases[] = {{ARCHIVE_FILTER_GZIP, "page.html.gz"},
                        {ARCHIVE_FILTER_BZIP2, "page.html.bz2"},
                        {ARCHIVE_FILTER_XZ, "page.html.xz"},
                        {ARCHIVE_FILTER_GZIP, "no-extension"}};
  for (const Case& c : cases) {
    TempDir dir;
    write_archive(dir.path() / c.file, ARCHIVE_FORMAT_RAW, c.filter, {{"data", kPage}});
    const Collected got = read_all(dir.path() / c.file, c.file);
    ASSERT_EQ(got.records.size(), 1u) << c.file;
    EXPECT_EQ(got.records[0].bytes, kPage) << c.file;
    EXPECT_EQ(got.records[0].docid, c.file);
    EXPECT_EQ(got.records[0].name,
              std::string(c.file) == "no-extension" ? "no-extension" : "page.html");
  }
}

TEST(InputReaderTest, ArchiveMembersAreRecordsWithMemberIds) {
  struct Case {
    int format;
    int filter;
    const char* file;
  };
  const Case cases[] = {{ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE, "news.tar"},
                        {ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_GZIP, "news.tar.gz"},
                        {ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, "news.zip"}};
  for (const Case& c : cases) {
    TempDir dir;
    write_archive(dir.path() / c.file, c.format, c.filter,
                  {{"2023/a.html", kPage}, {"2023/b.txt", "Titel\n\nText über Xapian.\n"}});
    const Collected got = read_all(dir.path() / c.file, c.file);
    ASSERT_EQ(got.records.size(), 2u) << c.file;
    EXPECT_TRUE(got.errors.empty()) << c.file;
    EXPECT_EQ(got.records[0].docid, std::string(c.file) + "/2023/a.html");
    EXPECT_EQ(got.records[0].name, "a.html");
    EXPECT_NE(got.records[0].source.find(std::string(c.file) + "!2023/a.html"), std::string::npos);
    EXPECT_EQ(got.records[1].bytes, "Titel\n\nText über Xapian.\n");
  }
}

TEST(InputReaderTest, TruncatedCompressedFileIsReportedWithPosition) {
  TempDir dir;
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "Zeile " + std::to_string(i * 7919) + " über Xapian.\n";
  write_archive(dir.path() / "big.txt.gz", ARCHIVE_FORMAT_RAW, ARCHIVE_FILTER_GZIP,
                {{"data", big}});
  const auto size = fs::file_size(dir.path() / "big.txt.gz");
  fs::resize_file(dir.path() / "big.txt.gz", size / 2);
  const Collected got = read_all(dir.path() / "big.txt.gz", "big.txt.gz");
  EXPECT_TRUE(got.records.empty());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].second.find("truncated or corrupt"), std::string::npos)
      << got.errors[0].second;
  EXPECT_NE(got.errors[0].second.find("at byte"), std::string::npos) << got.errors[0].second;
}

TEST(InputReaderTest, ExpansionCapStopsZipBombs) {
  TempDir dir;
  const std::string zeros(8 << 20, '\0');
  write_archive(dir.path() / "bomb.tar.gz", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_GZIP,
                {{"ok.txt", "Titel\n\nKlein.\n"}, {"zeros.bin", zeros}, {"after.txt", "x"}});
  ReadLimits limits;
  limits.min_expansion_cap = 1 << 20;
  limits.max_expansion_ratio = 10;
  const Collected got = read_all(dir.path() / "bomb.tar.gz", "bomb.tar.gz", limits);
  ASSERT_GE(got.records.size(), 1u);
  EXPECT_EQ(got.records[0].docid, "bomb.tar.gz/ok.txt");
  ASSERT_FALSE(got.errors.empty());
  bool capped = false;
  for (const auto& [where, reason] : got.errors) {
    capped = capped || reason.find("cap") != std::string::npos;
  }
  EXPECT_TRUE(capped);
}

TEST(InputReaderTest, OversizedMemberIsSkippedAndTheRestRead) {
  TempDir dir;
  write_archive(dir.path() / "a.tar", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE,
                {{"big.txt", std::string(3 << 20, 'a')}, {"small.txt", "Titel\n\nText.\n"}});
  ReadLimits limits;
  limits.max_record_bytes = 1 << 20;
  const Collected got = read_all(dir.path() / "a.tar", "a.tar", limits);
  ASSERT_EQ(got.records.size(), 1u);
  EXPECT_EQ(got.records[0].docid, "a.tar/small.txt");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].first.find("big.txt"), std::string::npos);
  EXPECT_NE(got.errors[0].second.find("too large"), std::string::npos);
}

TEST(InputReaderTest, CorruptArchiveKeepsTheMembersBeforeTheDamage) {
  TempDir dir;
  Members members;
  for (int i = 0; i < 5; ++i) {
    members.emplace_back("m" + std::to_string(i) + ".txt", std::string(4000, 'a' + i));
  }
  write_archive(dir.path() / "a.tar", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE, members);
  // Overwrite the header of the fourth member with garbage.
  {
    std::fstream f(dir.path() / "a.tar", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(3 * (512 + 4096));
    const std::string garbage(512, '\x7F');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const Collected got = read_all(dir.path() / "a.tar", "a.tar");
  EXPECT_GE(got.records.size(), 3u);
  EXPECT_EQ(got.records[0].docid, "a.tar/m0.txt");
  EXPECT_FALSE(got.errors.empty());
}

}  // namespace
}  // namespace fundstelle::sources
