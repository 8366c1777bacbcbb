#include "extract/html_charset.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fundstelle::extract {
namespace {

struct SniffCase {
  const char* name;
  std::string html;
  const char* expected;
};

TEST(HtmlCharsetTest, FindsTheDeclaredCharset) {
  const SniffCase cases[] = {
      {"meta charset", R"(<html><head><meta charset="windows-1252"></head>)", "windows-1252"},
      {"unquoted, upper case", "<HTML><HEAD><META CHARSET=ISO-8859-1>", "iso-8859-1"},
      {"http-equiv", R"(<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">)",
       "iso-8859-15"},
      {"http-equiv, attributes reversed, quoted value",
       R"(<meta content='text/html;charset="UTF-8"' HTTP-EQUIV='content-type'>)", "utf-8"},
      {"xml declaration", R"(<?xml version="1.0" encoding="ISO-8859-1"?><html>)", "iso-8859-1"},
      {"xml declaration after BOM", "\xEF\xBB\xBF<?xml version='1.0' encoding='windows-1252'?>",
       "windows-1252"},
      {"first declaration wins", R"(<meta charset="windows-1252"><meta charset="utf-8">)",
       "windows-1252"},
      {"commented out declaration is skipped",
       R"(<!-- <meta charset="koi8-r"> --><meta charset="utf-8">)", "utf-8"},
      {"declaration inside a script is skipped",
       R"(<script>var s = "<meta charset=koi8-r>";</script><meta charset="iso-8859-2">)",
       "iso-8859-2"},
      {"quoted '>' inside another attribute", R"(<meta name="x>y" charset="iso-8859-1">)",
       "iso-8859-1"},
      {"utf-16 cannot be prescanned, so it means utf-8", R"(<meta charset="UTF-16LE">)", "utf-8"},
      {"whitespace around the label", R"(<meta charset="  windows-1252 ">)", "windows-1252"},
      {"content without http-equiv is no declaration",
       R"(<meta name="description" content="charset=koi8-r">)", ""},
      {"nothing declared", "<html><head><title>x</title></head><body>ä</body></html>", ""},
      {"empty input", "", ""},
      {"unterminated meta tag", R"(<meta charset="windows-1252")", ""},
  };
  for (const SniffCase& c : cases) {
    EXPECT_EQ(sniff_html_charset(c.html), c.expected) << c.name;
  }
}

TEST(HtmlCharsetTest, LooksOnlyAtTheStartOfThePage) {
  const std::string late =
      "<html><head>" + std::string(kCharsetPrescanBytes, ' ') + R"(<meta charset="koi8-r">)";
  EXPECT_EQ(sniff_html_charset(late), "");
}

}  // namespace
}  // namespace fundstelle::extract
