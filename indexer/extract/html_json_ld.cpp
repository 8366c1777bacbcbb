#include "extract/html_json_ld.hpp"

#include <array>
#include <nlohmann/json.hpp>

namespace fundstelle::extract {
namespace {

using nlohmann::json;

// Objects nested deeper than this (inside @graph, arrays, ...) are not looked at.
constexpr int kMaxDepth = 6;

bool is_article_type(std::string_view type) {
  static constexpr std::array<std::string_view, 14> kTypes = {"Article",
                                                              "NewsArticle",
                                                              "BlogPosting",
                                                              "ReportageNewsArticle",
                                                              "AnalysisNewsArticle",
                                                              "OpinionNewsArticle",
                                                              "ReviewNewsArticle",
                                                              "BackgroundNewsArticle",
                                                              "LiveBlogPosting",
                                                              "TechArticle",
                                                              "ScholarlyArticle",
                                                              "Report",
                                                              "SocialMediaPosting",
                                                              "Review"};
  if (type.starts_with("http://schema.org/")) type.remove_prefix(18);
  if (type.starts_with("https://schema.org/")) type.remove_prefix(19);
  for (std::string_view t : kTypes) {
    if (type == t) return true;
  }
  return false;
}

bool has_type(const json& object, bool (*predicate)(std::string_view)) {
  const auto it = object.find("@type");
  if (it == object.end()) return false;
  if (it->is_string()) return predicate(it->get_ref<const std::string&>());
  if (it->is_array()) {
    for (const json& t : *it) {
      if (t.is_string() && predicate(t.get_ref<const std::string&>())) return true;
    }
  }
  return false;
}

bool is_website_type(std::string_view type) { return type == "WebSite"; }

// Collects every object in `value` (itself, array elements, @graph members).
void collect_objects(const json& value, int depth, std::vector<const json*>& out) {
  if (depth > kMaxDepth) return;
  if (value.is_array()) {
    for (const json& element : value) collect_objects(element, depth + 1, out);
  } else if (value.is_object()) {
    out.push_back(&value);
    const auto graph = value.find("@graph");
    if (graph != value.end()) collect_objects(*graph, depth + 1, out);
  }
}

// A string field, or the "name" of an object field, or names of an array of those.
std::string text_of(const json& value, const char* member = "name", int depth = 0) {
  if (depth > 2) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  if (value.is_object()) {
    const auto it = value.find(member);
    return it == value.end() ? std::string() : text_of(*it, member, depth + 1);
  }
  if (value.is_array()) {
    std::string joined;
    for (const json& element : value) {
      const std::string text = text_of(element, member, depth + 1);
      if (text.empty()) continue;
      if (!joined.empty()) joined += ", ";
      joined += text;
    }
    return joined;
  }
  return {};
}

void fill(std::string& field, const json& object, const char* key, const char* member = "name") {
  if (!field.empty()) return;
  const auto it = object.find(key);
  if (it != object.end()) field = text_of(*it, member);
}

void fill_from(const json& object, JsonLdArticle& out) {
  fill(out.headline, object, "headline");
  fill(out.author, object, "author");
  fill(out.date_published, object, "datePublished");
  fill(out.date_modified, object, "dateModified");
  fill(out.description, object, "description");
  fill(out.article_body, object, "articleBody");
  fill(out.publisher, object, "publisher");
  fill(out.language, object, "inLanguage");
  fill(out.keywords, object, "keywords");
  fill(out.url, object, "url");
}

// Strips wrappers some sites put around the JSON: <!-- -->, //<![CDATA[ //]]>.
std::string_view unwrap(std::string_view text) {
  constexpr size_t kNear = 16;  // wrappers sit at the very start and end
  for (std::string_view marker : {"<!--", "<![CDATA["}) {
    const size_t at = text.find(marker);
    if (at != std::string_view::npos && at < kNear) text.remove_prefix(at + marker.size());
  }
  for (std::string_view marker : {"-->", "]]>"}) {
    const size_t at = text.rfind(marker);
    if (at != std::string_view::npos && at + kNear >= text.size()) text = text.substr(0, at);
  }
  const size_t open = text.find_first_of("{[");
  const size_t close = text.find_last_of("}]");
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {};
  return text.substr(open, close - open + 1);
}

}  // namespace

JsonLdArticle parse_json_ld(const std::vector<std::string_view>& scripts) {
  std::vector<json> documents;
  documents.reserve(scripts.size());
  for (std::string_view script : scripts) {
    const std::string_view text = unwrap(script);
    if (text.empty()) continue;
    json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!document.is_discarded()) documents.push_back(std::move(document));
  }
  std::vector<const json*> objects;
  for (const json& document : documents) collect_objects(document, 0, objects);

  JsonLdArticle out;
  for (const json* object : objects) {
    if (has_type(*object, &is_article_type)) fill_from(*object, out);
  }
  for (const json* object : objects) {
    if (has_type(*object, &is_article_type)) continue;
    if (has_type(*object, &is_website_type)) {
      fill(out.publisher, *object, "name");
      fill(out.language, *object, "inLanguage");
      continue;
    }
    // WebPage, Organization, ...: only fields that describe the page as a whole.
    fill(out.publisher, *object, "publisher");
    fill(out.language, *object, "inLanguage");
    fill(out.date_published, *object, "datePublished");
    fill(out.date_modified, *object, "dateModified");
    fill(out.author, *object, "author");
  }
  return out;
}

}  // namespace fundstelle::extract
