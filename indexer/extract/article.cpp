#include "extract/article.hpp"

#include <algorithm>

namespace fundstelle::extract {

std::string Article::text() const {
  std::string out;
  for (const Block& block : blocks) {
    if (!out.empty()) out += "\n\n";
    out += block.text;
  }
  return out;
}

void separate_title(Article& article) {
  if (article.title.empty() && !article.blocks.empty() &&
      article.blocks.front().kind == BlockKind::kHeading) {
    article.title = article.blocks.front().text;
  }
  if (article.title.empty()) return;
  // Only leading headings: the same words as a later subheading are body text.
  auto first_body = article.blocks.begin();
  while (first_body != article.blocks.end() && first_body->kind == BlockKind::kHeading)
    ++first_body;
  article.blocks.erase(
      std::remove_if(article.blocks.begin(), first_body,
                     [&](const Block& block) { return block.text == article.title; }),
      first_body);
}

const char* block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kListItem:
      return "list_item";
    case BlockKind::kQuote:
      return "quote";
    case BlockKind::kCaption:
      return "caption";
    case BlockKind::kTableCell:
      return "table_cell";
    case BlockKind::kPreformatted:
      return "preformatted";
  }
  return "paragraph";
}

}  // namespace fundstelle::extract
