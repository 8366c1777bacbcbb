// Article XML of any shape, read through a user's mapping: XPath expressions that say where the
// records are and where each record keeps its id, title, body, date and author.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article.hpp"
#include "result.hpp"

namespace fundstelle::extract {

// A loaded and compiled mapping. `record` is evaluated on the document, the others on each
// record node. Every field but `record`, `id` and `body` is optional.
class XmlMap {
 public:
  // Reads a JSON object {"record": XPATH, "id": XPATH, "title": ..., "body": ..., "date": ...,
  // "author": ...} from `path` and compiles every expression. Fails with a message naming the
  // file and, for a bad expression, the field, the expression and pugixml's reason.
  [[nodiscard]] static Result<std::shared_ptr<const XmlMap>> load(const std::filesystem::path& path);
  // The same from JSON text; `origin` names it in errors.
  [[nodiscard]] static Result<std::shared_ptr<const XmlMap>> parse(std::string_view json,
                                                                  const std::string& origin);

  // One Article per record, in document order, with `id` set to the record's id. Records without
  // an id or body text, and repeated ids, are left out and described in `record_errors` as
  // "record N (byte offset B): reason". Empty if no node matches `record` (the input is then for
  // the usual readers). Fails only if `bytes` is not well-formed XML.
  [[nodiscard]] Result<std::vector<Article>> extract(std::string_view bytes,
                                                     std::vector<std::string>* record_errors) const;

 private:
  struct Field {
    std::string name;
    std::string expression;  // empty: not mapped
    std::unique_ptr<pugi::xpath_query> query;
  };
  XmlMap() = default;
  [[nodiscard]] std::string text_of(const Field& field, pugi::xml_node record) const;
  [[nodiscard]] std::vector<std::string> texts_of(const Field& field, pugi::xml_node record) const;

  Field record_;
  Field id_;
  Field title_;
  Field body_;
  Field date_;
  Field author_;
};

}  // namespace fundstelle::extract
