// The other sink of an indexing run: --extract prints what would be indexed as JSON Lines.
#pragma once

#include <ostream>

#include "writer/document_builder.hpp"

namespace fundstelle::writer {

// Writes one line: {"format_version", "docid", "source", "title", <metadata keys>, "text",
// "passages": [...]}. Keys in this order; metadata keys only when found.
void print_extracted(const IndexedArticle& article, std::ostream& out);

}  // namespace fundstelle::writer
