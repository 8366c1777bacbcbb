#include "extract/html_dom.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fundstelle::extract {
namespace {

std::string text_of(pugi::xml_node node) {
  std::string out;
  for (pugi::xpath_node text : node.select_nodes(".//text()")) out += text.node().value();
  return out;
}

size_t depth_of_deepest(const pugi::xml_document& doc) {
  size_t deepest = 0;
  size_t depth = 0;
  pugi::xml_node node = doc.first_child();
  while (node) {
    deepest = std::max(deepest, depth);
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (node) node = node.next_sibling();
  }
  return deepest;
}

TEST(HtmlDomTest, LowercasesNamesAndKeepsAttributes) {
  const pugi::xml_document doc = parse_html_dom(
      R"(<HTML><BODY><DIV CLASS="Lead" Data-X='1'>Text</DIV><My-Widget>w</My-Widget>)");
  const pugi::xml_node div = doc.child("html").child("body").child("div");
  ASSERT_TRUE(div);
  EXPECT_STREQ(div.attribute("class").value(), "Lead");
  EXPECT_STREQ(div.attribute("data-x").value(), "1");
  EXPECT_EQ(text_of(div), "Text");
  EXPECT_TRUE(doc.child("html").child("body").child("my-widget"));
}

TEST(HtmlDomTest, BuildsTheImpliedStructure) {
  const pugi::xml_document doc = parse_html_dom("<title>T</title><p>eins<p>zwei<!-- weg -->");
  const pugi::xml_node html = doc.child("html");
  ASSERT_TRUE(html);
  EXPECT_EQ(text_of(html.child("head").child("title")), "T");
  const pugi::xml_node first = html.child("body").child("p");
  EXPECT_EQ(text_of(first), "eins");
  EXPECT_EQ(text_of(first.next_sibling("p")), "zwei");  // the comment is gone
}

TEST(HtmlDomTest, DecodesCharacterReferences) {
  const pugi::xml_document doc = parse_html_dom(
      "<p>Auf&shy;gabe&nbsp;&auml;&Ouml;&szlig;&#228;&#x00FC;&amp;&lt;&notin;&euro;&euro</p>");
  EXPECT_EQ(
      text_of(doc.child("html").child("body").child("p")),
      "Auf\u00ADgabe\u00A0\u00E4\u00D6\u00DF\u00E4\u00FC&<\u2209\u20AC&euro");  // &euro needs its ;
}

TEST(HtmlDomTest, DropsScriptAndStyleContentButKeepsJsonLd) {
  const pugi::xml_document doc = parse_html_dom(
      R"(<head><style>p { color: red }</style><script type="application/ld+json">{"a": 1}</script>)"
      R"(</head><body><script>var x = "<p>no</p>";</script><p>ja</p>)");
  const pugi::xml_node html = doc.child("html");
  EXPECT_EQ(text_of(html.child("head").child("style")), "");
  EXPECT_EQ(text_of(html.child("head").child("script")), R"({"a": 1})");
  EXPECT_EQ(text_of(html.child("body").child("script")), "");
  EXPECT_EQ(text_of(html.child("body")), "ja");
}

TEST(HtmlDomTest, SurvivesHundredThousandNestedDivs) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "tief";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "<p>danach</p></body></html>";
  const pugi::xml_document doc = parse_html_dom(html);
  std::string text = text_of(doc.child("html").child("body"));
  std::erase(text, '\n');  // removed <div> tags leave line breaks
  EXPECT_EQ(text, "tiefdanach");
  EXPECT_LE(depth_of_deepest(doc), HtmlParseLimits{}.max_depth + 4);
}

TEST(HtmlDomTest, SurvivesUnclosedNestingAndFormattingSoup) {
  std::string html = "<body>";
  for (int i = 0; i < 30000; ++i) html += "<div><span><font size=" + std::to_string(i) + "><p>x";
  const pugi::xml_document doc = parse_html_dom(html);
  EXPECT_TRUE(doc.child("html").child("body"));
  EXPECT_LE(depth_of_deepest(doc), HtmlParseLimits{}.max_depth * 2);
}

TEST(HtmlDomTest, SurvivesSelfClosingTagsAfterForeignContent) {
  // In SVG "<g/>" is complete; "<div/>" breaks out of the SVG and opens a <div> that stays open.
  std::string html = "<body><svg>";
  for (int i = 0; i < 100000; ++i) html += "<div/>";
  html += "text";
  const pugi::xml_document doc = parse_html_dom(html);
  EXPECT_EQ(text_of(doc.child("html").child("body")).find("text") != std::string::npos, true);
  EXPECT_LE(depth_of_deepest(doc), HtmlParseLimits{}.max_depth + 4);
}

struct PrepareCase {
  const char* name;
  const char* html;
  const char* expected;  // nullptr: unchanged
};

TEST(HtmlDomTest, PrepareCapsNestingAndDropsScripts) {
  const HtmlParseLimits limits{/*max_depth=*/2, /*max_open_formatting=*/1};
  const PrepareCase cases[] = {
      {"within limits", "<div><div>x</div></div>", nullptr},
      {"too deep: block tags become line breaks", "<div><div><div>x</div></div></div>",
       "<div><div>\nx\n</div></div>"},
      {"too deep: inline tags vanish", "<div><div><span>x</span></div></div>",
       "<div><div>x</div></div>"},
      {"void and self-closing elements do not nest", "<div><div><br><img src=a>x</div></div>",
       nullptr},
      {"implicitly closed elements do not nest", "<div><div><p>a<p>b<li>c</div></div>", nullptr},
      {"unclosed inner elements are closed by their ancestor", "<div><span></div><div>x</div>",
       nullptr},
      {"formatting beyond the cap is dropped with its end tag", "<b>a<i>b</i>c</b>", "<b>abc</b>"},
      {"script content is dropped", "<script>if (a < b) x();</script>", "<script></script>"},
      {"json-ld content is kept", R"(<script type="application/ld+json">{}</script>)", nullptr},
      {"style content is dropped", "<style>p{}</style>", "<style></style>"},
      {"unterminated script", "<script>var a", "<script>"},
  };
  for (const PrepareCase& c : cases) {
    const std::optional<std::string> prepared = prepare_html_for_parsing(c.html, limits);
    if (c.expected == nullptr) {
      EXPECT_FALSE(prepared.has_value()) << c.name << ": " << prepared.value_or("");
    } else {
      ASSERT_TRUE(prepared.has_value()) << c.name;
      EXPECT_EQ(*prepared, c.expected) << c.name;
    }
  }
}

}  // namespace
}  // namespace fundstelle::extract
