#include "extract/format.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fundstelle::extract {
namespace {

TEST(FormatTest, DetectsFormat) {
  struct Case {
    const char* name;
    std::string file_name;
    std::string bytes;
    Format expected;
  };
  const std::vector<Case> cases = {
      {"html5", "artikel.html",
       "<!DOCTYPE html>\n<html lang=\"de\"><body><p>Hallo</p></body></html>", Format::kHtml},
      {"html without extension", "artikel", "<html><head><title>T</title></head></html>",
       Format::kHtml},
      {"html with BOM and leading space", "a.htm", "\xEF\xBB\xBF  \n<!doctype HTML><p>x",
       Format::kHtml},
      {"html fragment", "fragment", "<div><p>Nur ein Absatz.</p></div>", Format::kHtml},
      {"xhtml", "seite.xhtml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 "
       "Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html "
       "xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html>",
       Format::kHtml},
      {"xml", "daten.xml", "<?xml version=\"1.0\"?><artikel><titel>T</titel></artikel>",
       Format::kXml},
      {"xml without declaration", "daten.xml", "<artikel><absatz>Text</absatz></artikel>",
       Format::kXml},
      {"rss", "feed", "<rss version=\"2.0\"><channel><title>T</title></channel></rss>",
       Format::kXml},
      {"atom", "feed", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title></feed>",
       Format::kXml},
      // NITF has <body>, which must not make it HTML.
      {"nitf", "meldung.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nitf><head><title>T</title></head><body>"
       "<body.content><p>Text</p></body.content></body></nitf>",
       Format::kXml},
      {"nitf with doctype, no declaration", "meldung",
       "<!DOCTYPE nitf PUBLIC \"-//IPTC//DTD NITF 3.6//EN\" \"nitf-3-6.dtd\">\n<nitf><body>"
       "<body.content><p>Text</p></body.content></body></nitf>",
       Format::kXml},
      {"text", "artikel.txt", "Titel\n\nErster Absatz mit Umlauten: äöü.\n", Format::kText},
      {"text named html", "artikel.html", "Nur Text, kein Markup.", Format::kText},
      {"binary with NUL", "bild.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16),
       Format::kBinary},
      {"mostly control bytes", "x.bin", "\x01\x02\x03\x04\x05 abc", Format::kBinary},
      {"empty", "leer.txt", "", Format::kEmpty},
      {"whitespace only", "leer.html", " \n\t\r\n  ", Format::kEmpty},
      {"BOM only", "bom.txt", "\xEF\xBB\xBF", Format::kEmpty},
  };
  for (const Case& c : cases) {
    EXPECT_STREQ(format_name(detect_format(c.file_name, c.bytes)), format_name(c.expected))
        << c.name;
  }
}

TEST(FormatTest, DetectsTheShippedSamples) {
  const auto read = [](const std::string& name) {
    std::ifstream in(std::string(FUNDSTELLE_SOURCE_DIR) + "/data/articles/" + name,
                     std::ios::binary);
    EXPECT_TRUE(in) << name;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  };
  EXPECT_EQ(detect_format("openai-altman.html", read("openai-altman.html")), Format::kHtml);
  EXPECT_EQ(detect_format("openai-altman.xml", read("openai-altman.xml")), Format::kXml);
  EXPECT_EQ(detect_format("openai-altman.txt", read("openai-altman.txt")), Format::kText);
}

}  // namespace
}  // namespace fundstelle::extract
