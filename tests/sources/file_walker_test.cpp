#include "sources/file_walker.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace fundstelle::sources {
namespace {

namespace fs = std::filesystem;

using fundstelle::testing::TempDir;

struct Walk {
  std::vector<InputFile> files;
  std::vector<std::string> errors;

  [[nodiscard]] std::vector<std::string> docids() const {
    std::vector<std::string> out;
    for (const InputFile& f : files) out.push_back(f.docid);
    return out;
  }
};

Walk walk(const std::vector<fs::path>& roots, const std::vector<std::string>& excludes = {}) {
  Walk result;
  WalkCallbacks callbacks;
  callbacks.file = [&](const InputFile& f) { result.files.push_back(f); };
  callbacks.error = [&](const fs::path& p, const std::string& reason) {
    result.errors.push_back(p.string() + ": " + reason);
  };
  walk_inputs(roots, callbacks, excludes);
  return result;
}

TEST(FileWalkerTest, VisitsFilesInNameOrderWithRelativeDocids) {
  TempDir dir;
  // Created out of order, so that directory order cannot make the test pass by chance.
  dir.write("sub/deeper/d.txt");
  dir.write("b.txt");
  dir.write("sub/c.txt");
  dir.write("a.txt");
  dir.write("sub/zzz/e.txt");
  fs::create_directories(dir.path() / "empty");

  const Walk result = walk({dir.path()});
  EXPECT_TRUE(result.errors.empty());
  const std::vector<std::string> expected = {"a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt",
                                             "sub/zzz/e.txt"};
  EXPECT_EQ(result.docids(), expected);
  ASSERT_EQ(result.files.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(result.files[i].path, dir.path() / expected[i]);
    EXPECT_TRUE(fs::is_regular_file(result.files[i].path));
  }
  // Deterministic: a second walk gives the same sequence.
  EXPECT_EQ(walk({dir.path()}).docids(), expected);
}

TEST(FileWalkerTest, DocidsAreRelativeToTheGivenDirectory) {
  TempDir dir;
  dir.write("news/2023/artikel.html");
  dir.write("news/index.html");
  const Walk result = walk({dir.path() / "news"});
  const std::vector<std::string> expected = {"index.html", "2023/artikel.html"};
  // Files of a directory come before its subdirectories' files.
  EXPECT_EQ(result.docids(), expected);
}

TEST(FileWalkerTest, AFileGivenDirectlyIsNamedByItsFileName) {
  TempDir dir;
  dir.write("sub/deeper/artikel.txt");
  const fs::path file = dir.path() / "sub/deeper/artikel.txt";
  const Walk result = walk({file});
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].docid, "artikel.txt");
  EXPECT_EQ(result.files[0].path, file);
  EXPECT_TRUE(result.errors.empty());
}

TEST(FileWalkerTest, WalksSeveralRootsInTheGivenOrder) {
  TempDir dir;
  dir.write("one/x.txt");
  dir.write("two/y.txt");
  dir.write("single.txt");
  const Walk result = walk({dir.path() / "two", dir.path() / "single.txt", dir.path() / "one"});
  const std::vector<std::string> expected = {"y.txt", "single.txt", "x.txt"};
  EXPECT_EQ(result.docids(), expected);
}

TEST(FileWalkerTest, SkipsHiddenFilesAndDirectories) {
  TempDir dir;
  dir.write("visible.txt");
  dir.write(".hidden.txt");
  dir.write(".git/config");
  dir.write("sub/.cache/x.txt");
  dir.write("sub/y.txt");
  const Walk result = walk({dir.path()});
  const std::vector<std::string> expected = {"visible.txt", "sub/y.txt"};
  EXPECT_EQ(result.docids(), expected);
}

TEST(FileWalkerTest, HonoursIgnoreFiles) {
  TempDir dir;
  dir.write(".fundstelle-ignore",
            "# comment line\n"
            "README.md\n"
            "/notes/*.txt\n"
            "*.bak   \r\n"
            "\n");
  dir.write("README.md");
  dir.write("artikel.txt");
  dir.write("artikel.txt.bak");
  dir.write("notes/a.txt");
  dir.write("notes/keep.md");
  dir.write("sub/README.md");
  dir.write("sub/notes/a.txt");  // not matched: "/notes/..." is anchored to the root
  dir.write("sub/.fundstelle-ignore", "*.log\n/only/here.txt\n");
  dir.write("sub/x.log");
  dir.write("sub/only/here.txt");
  dir.write("sub/only/there.txt");
  dir.write("sub/deep/only/here.txt");  // not matched: anchored to sub/
  dir.write("x.log");                   // sub's rules do not apply above sub

  const Walk result = walk({dir.path()});
  const std::vector<std::string> expected = {"artikel.txt",     "x.log",
                                             "notes/keep.md",   "sub/deep/only/here.txt",
                                             "sub/notes/a.txt", "sub/only/there.txt"};
  EXPECT_EQ(result.docids(), expected);
}

TEST(FileWalkerTest, IgnorePatternMatchingADirectorySkipsItsTree) {
  TempDir dir;
  dir.write(".fundstelle-ignore", "drafts\n/archive/old\n");
  dir.write("drafts/a.txt");
  dir.write("sub/drafts/b.txt");
  dir.write("archive/old/c.txt");
  dir.write("archive/new/d.txt");
  const Walk result = walk({dir.path()});
  const std::vector<std::string> expected = {"archive/new/d.txt"};
  EXPECT_EQ(result.docids(), expected);
}

TEST(FileWalkerTest, HonoursExcludes) {
  TempDir dir;
  dir.write("a.txt");
  dir.write("a.tmp");
  dir.write("sub/b.tmp");
  dir.write("sub/c.txt");
  dir.write("sub/deeper/d.txt");
  dir.write("other/sub/deeper/e.txt");  // "/sub/deeper" is anchored to the root
  const Walk result = walk({dir.path()}, {"*.tmp", "/sub/deeper"});
  const std::vector<std::string> expected = {"a.txt", "other/sub/deeper/e.txt", "sub/c.txt"};
  EXPECT_EQ(result.docids(), expected);
}

TEST(FileWalkerTest, FollowsFileLinksButNotDirectoryLinks) {
  TempDir dir;
  dir.write("tree/a.txt");
  dir.write("tree/sub/b.txt");
  fs::create_directory_symlink(dir.path() / "tree", dir.path() / "tree/sub/loop");
  fs::create_directory_symlink("..", dir.path() / "tree/sub/up");
  fs::create_symlink(dir.path() / "tree/sub/b.txt", dir.path() / "tree/link.txt");
  const Walk result = walk({dir.path() / "tree"});
  const std::vector<std::string> expected = {"a.txt", "link.txt", "sub/b.txt"};
  EXPECT_EQ(result.docids(), expected);
  EXPECT_TRUE(result.errors.empty());
}

TEST(FileWalkerTest, ReportsMissingPaths) {
  TempDir dir;
  dir.write("da.txt");
  const std::vector<fs::path> roots = {dir.path(), dir.path() / "da.txt", dir.path() / "fehlt",
                                       dir.path() / "fehlt/auch.txt"};
  const std::vector<fs::path> expected = {dir.path() / "fehlt", dir.path() / "fehlt/auch.txt"};
  EXPECT_EQ(missing_paths(roots), expected);
  EXPECT_TRUE(missing_paths({dir.path()}).empty());
  EXPECT_TRUE(missing_paths({}).empty());
}

}  // namespace
}  // namespace fundstelle::sources
