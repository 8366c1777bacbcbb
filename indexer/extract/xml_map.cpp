#include "extract/xml_map.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "extract/charset.hpp"
#include "extract/html_charset.hpp"
#include "extract/metadata_values.hpp"
#include "extract/text_cleanup.hpp"

namespace fundstelle::extract {
namespace {

// Whitespace-only text between inline elements ("<em>a</em> <em>b</em>") separates words.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;

// XPath's string-value of a node: the text of all its descendants, or an attribute's value.
std::string string_value(const pugi::xpath_node& found) {
  if (found.attribute()) return found.attribute().value();
  const pugi::xml_node node = found.node();
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) return node.value();
  std::string out;
  for (pugi::xml_node child = node.first_child(); child;) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
    // Depth-first without recursion: deep documents cannot exhaust the stack.
    if (child.first_child()) {
      child = child.first_child();
      continue;
    }
    while (child && !child.next_sibling() && child != node) child = child.parent();
    if (!child || child == node) break;
    child = child.next_sibling();
  }
  return out;
}

size_t byte_offset(pugi::xml_node node) {
  const std::ptrdiff_t offset = node.offset_debug();
  return offset > 0 ? static_cast<size_t>(offset - 1) : 0;
}

}  // namespace

Result<std::shared_ptr<const XmlMap>> XmlMap::parse(std::string_view json,
                                                     const std::string& origin) {
  const nlohmann::json object = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) {
    return Error{origin + ": not a JSON object (expected {\"record\": XPATH, \"id\": XPATH, ...})"};
  }
  std::shared_ptr<XmlMap> map(new XmlMap());
  Field* const fields[] = {&map->record_, &map->id_,   &map->title_,
                           &map->body_,   &map->date_, &map->author_};
  const char* const names[] = {"record", "id", "title", "body", "date", "author"};
  const std::set<std::string> known(std::begin(names), std::end(names));
  for (const auto& [key, value] : object.items()) {
    if (known.count(key) == 0) {
      return Error{origin + ": unknown key \"" + key +
                   "\" (known: record, id, title, body, date, author)"};
    }
    if (!value.is_string()) return Error{origin + ": \"" + key + "\" must be a string (XPath)"};
  }
  for (size_t i = 0; i < std::size(fields); ++i) {
    Field& field = *fields[i];
    field.name = names[i];
    field.expression = object.value(field.name, "");
    if (field.expression.empty()) {
      if (field.name == "record" || field.name == "id" || field.name == "body") {
        return Error{origin + ": \"" + field.name + "\" is required"};
      }
      continue;
    }
    try {
      field.query = std::make_unique<pugi::xpath_query>(field.expression.c_str());
    } catch (const pugi::xpath_exception& e) {
      return Error{origin + ": bad XPath in \"" + field.name + "\": " + field.expression + ": " +
                   e.what() + " (at character " + std::to_string(e.result().offset + 1) + ")"};
    }
  }
  if (map->record_.query->return_type() != pugi::xpath_type_node_set) {
    return Error{origin + ": \"record\" must select nodes: " + map->record_.expression};
  }
  return std::shared_ptr<const XmlMap>(std::move(map));
}

Result<std::shared_ptr<const XmlMap>> XmlMap::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot read XML map " + path.string()};
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path.string());
}

std::vector<std::string> XmlMap::texts_of(const Field& field, pugi::xml_node record) const {
  std::vector<std::string> out;
  if (!field.query) return out;
  if (field.query->return_type() != pugi::xpath_type_node_set) {
    std::string text = clean_text(field.query->evaluate_string(record));
    if (!text.empty()) out.push_back(std::move(text));
    return out;
  }
  for (const pugi::xpath_node& found : field.query->evaluate_node_set(record)) {
    std::string text = clean_text(string_value(found));
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

std::string XmlMap::text_of(const Field& field, pugi::xml_node record) const {
  std::string out;
  for (const std::string& text : texts_of(field, record)) out += (out.empty() ? "" : " ") + text;
  return out;
}

Result<std::vector<Article>> XmlMap::extract(std::string_view bytes,
                                             std::vector<std::string>* record_errors) const {
  const Decoded decoded = decode_to_utf8(bytes, sniff_html_charset(bytes));
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(decoded.utf8.data(), decoded.utf8.size(),
                                                        kParseOptions, pugi::encoding_utf8);
  if (!parsed) {
    return Error{"XML parse error at offset " + std::to_string(parsed.offset) + " of the " +
                 decoded.charset + " text: " + parsed.description()};
  }
  std::vector<Article> articles;
  std::set<std::string> ids;
  size_t number = 0;
  for (const pugi::xpath_node& found : record_.query->evaluate_node_set(doc)) {
    ++number;
    const pugi::xml_node record = found.node() ? found.node() : found.parent();
    const auto fail = [&](const std::string& reason) {
      if (record_errors == nullptr) return;
      record_errors->push_back("record " + std::to_string(number) + " (byte offset " +
                               std::to_string(byte_offset(record)) + "): " + reason);
    };
    Article article;
    article.id = text_of(id_, record);
    if (article.id.empty()) {
      fail("no id (XPath " + id_.expression + ")");
      continue;
    }
    if (!ids.insert(article.id).second) {
      fail("id " + article.id + " repeats an earlier record's");
      continue;
    }
    for (std::string& text : texts_of(body_, record)) {
      article.blocks.push_back({BlockKind::kParagraph, std::move(text), 0});
    }
    if (article.blocks.empty()) {
      fail("id " + article.id + ": no body text (XPath " + body_.expression + ")");
      continue;
    }
    article.title = text_of(title_, record);
    if (std::string date = normalize_iso_date(text_of(date_, record)); !date.empty()) {
      article.metadata[meta::kPublished] = std::move(date);
    }
    std::vector<std::string> authors;
    for (std::string& author : texts_of(author_, record)) {
      append_distinct(authors, std::move(author));
    }
    if (!authors.empty()) article.metadata[meta::kAuthor] = join_values(authors);
    separate_title(article);
    articles.push_back(std::move(article));
  }
  return articles;
}

}  // namespace fundstelle::extract
