#include "extract/xml_map.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fundstelle::extract {
namespace {

constexpr const char* kMap = R"({
  "record": "/archiv/beitrag",
  "id": "@nr",
  "title": "kopf/titel",
  "body": "text/absatz",
  "date": "kopf/datum",
  "author": "kopf/autor"
})";

constexpr const char* kArchive = R"(<?xml version="1.0" encoding="UTF-8"?>
<archiv>
  <beitrag nr="17">
    <kopf><titel>Streik bei der Bahn</titel><datum>20.11.2023</datum>
      <autor>Anna Berg</autor><autor>Tom Roth</autor><autor>Anna Berg</autor></kopf>
    <text><absatz>Die Gewerkschaft ruft zum <b>Streik</b> auf.</absatz>
      <absatz>Pendler   müssen
        sich auf Ausfälle einstellen.</absatz></text>
  </beitrag>
  <beitrag nr="18">
    <kopf><titel>Ohne Datum</titel></kopf>
    <text><absatz>Nur ein Absatz.</absatz></text>
  </beitrag>
</archiv>)";

std::shared_ptr<const XmlMap> load(const char* json) {
  Result<std::shared_ptr<const XmlMap>> map = XmlMap::parse(json, "map.json");
  EXPECT_TRUE(map.ok()) << (map.ok() ? "" : map.error().reason);
  return map.ok() ? map.value() : nullptr;
}

TEST(XmlMapTest, OneArticlePerRecordWithMappedFields) {
  const auto map = load(kMap);
  ASSERT_TRUE(map);
  std::vector<std::string> errors;
  Result<std::vector<Article>> articles = map->extract(kArchive, &errors);
  ASSERT_TRUE(articles.ok()) << articles.error().reason;
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(articles.value().size(), 2u);

  const Article& first = articles.value()[0];
  EXPECT_EQ(first.id, "17");
  EXPECT_EQ(first.title, "Streik bei der Bahn");
  EXPECT_EQ(first.metadata.at(meta::kPublished), "2023-11-20");
  EXPECT_EQ(first.metadata.at(meta::kAuthor), "Anna Berg, Tom Roth");
  ASSERT_EQ(first.blocks.size(), 2u);
  EXPECT_EQ(first.blocks[0].text, "Die Gewerkschaft ruft zum Streik auf.");
  EXPECT_EQ(first.blocks[1].text, "Pendler müssen sich auf Ausfälle einstellen.");

  const Article& second = articles.value()[1];
  EXPECT_EQ(second.id, "18");
  EXPECT_EQ(second.metadata.count(meta::kPublished), 0u);
  EXPECT_EQ(second.metadata.count(meta::kAuthor), 0u);
}

TEST(XmlMapTest, BadRecordsAreReportedAndSkipped) {
  const auto map = load(kMap);
  ASSERT_TRUE(map);
  const char* xml = R"(<archiv>
    <beitrag><text><absatz>Ohne Nummer.</absatz></text></beitrag>
    <beitrag nr="2"><text></text></beitrag>
    <beitrag nr="3"><text><absatz>Gut.</absatz></text></beitrag>
    <beitrag nr="3"><text><absatz>Doppelt.</absatz></text></beitrag>
  </archiv>)";
  std::vector<std::string> errors;
  Result<std::vector<Article>> articles = map->extract(xml, &errors);
  ASSERT_TRUE(articles.ok());
  ASSERT_EQ(articles.value().size(), 1u);
  EXPECT_EQ(articles.value()[0].id, "3");
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].rfind("record 1 (byte offset 13): no id", 0), 0u) << errors[0];
  EXPECT_NE(errors[1].find("record 2"), std::string::npos);
  EXPECT_NE(errors[1].find("no body text"), std::string::npos);
  EXPECT_NE(errors[2].find("repeats"), std::string::npos);
}

TEST(XmlMapTest, NoMatchingRecordIsEmptyAndBrokenXmlFails) {
  const auto map = load(kMap);
  ASSERT_TRUE(map);
  Result<std::vector<Article>> other = map->extract("<nitf><body/></nitf>", nullptr);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other.value().empty());

  Result<std::vector<Article>> broken = map->extract("<archiv><beitrag nr='1'>", nullptr);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().reason.find("XML parse error at offset"), std::string::npos);
}

TEST(XmlMapTest, StringExpressionsAndNamespacedNames) {
  const auto map = load(R"j({"record": "//*[local-name()='item']",
    "id": "concat('n', @id)", "body": "string(*[local-name()='body'])"})j");
  ASSERT_TRUE(map);
  Result<std::vector<Article>> articles = map->extract(
      R"(<x:feed xmlns:x="urn:x"><x:item id="5"><x:body>Text hier.</x:body></x:item></x:feed>)",
      nullptr);
  ASSERT_TRUE(articles.ok());
  ASSERT_EQ(articles.value().size(), 1u);
  EXPECT_EQ(articles.value()[0].id, "n5");
  EXPECT_EQ(articles.value()[0].blocks.at(0).text, "Text hier.");
}

TEST(XmlMapTest, BadMapsAreRejectedWithFileFieldAndExpression) {
  struct Case {
    const char* json;
    const char* message;
  };
  const Case cases[] = {
      {"not json", "map.json: not a JSON object"},
      {R"({"id": "@id", "body": "p"})", "map.json: \"record\" is required"},
      {R"({"record": "//a", "body": "p"})", "map.json: \"id\" is required"},
      {R"({"record": "//a", "id": "@id"})", "map.json: \"body\" is required"},
      {R"({"record": "//a", "id": "@id", "body": "p", "titel": "h1"})",
       "map.json: unknown key \"titel\""},
      {R"({"record": "//a", "id": 5, "body": "p"})", "map.json: \"id\" must be a string"},
      {R"({"record": "//a[", "id": "@id", "body": "p"})",
       "map.json: bad XPath in \"record\": //a[: "},
      {R"j({"record": "//a", "id": "@id", "body": "p", "date": "date(("})j",
       "map.json: bad XPath in \"date\": date((: "},
      {R"j({"record": "count(//a)", "id": "@id", "body": "p"})j",
       "map.json: \"record\" must select nodes: count(//a)"},
  };
  for (const Case& c : cases) {
    Result<std::shared_ptr<const XmlMap>> map = XmlMap::parse(c.json, "map.json");
    ASSERT_FALSE(map.ok()) << c.json;
    EXPECT_EQ(map.error().reason.rfind(c.message, 0), 0u) << map.error().reason;
  }
  Result<std::shared_ptr<const XmlMap>> missing = XmlMap::load("/nonexistent/map.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().reason, "cannot read XML map /nonexistent/map.json");
}

}  // namespace
}  // namespace fundstelle::extract
