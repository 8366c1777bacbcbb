#include "extract/article.hpp"

namespace fundstelle::extract {

std::string Article::text() const {
  std::string out;
  for (const Block& block : blocks) {
    if (!out.empty()) out += "\n\n";
    out += block.text;
  }
  return out;
}

const char* block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading: return "heading";
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kQuote: return "quote";
    case BlockKind::kCaption: return "caption";
    case BlockKind::kTableCell: return "table_cell";
    case BlockKind::kPreformatted: return "preformatted";
  }
  return "paragraph";
}

}  // namespace fundstelle::extract
