#include "extract/text_extractor.hpp"

#include <vector>

#include "extract/charset.hpp"
#include "extract/text_cleanup.hpp"

namespace fundstelle::extract {
namespace {

// A title line is short and does not end like a sentence.
constexpr size_t kMaxTitleBytes = 300;

std::vector<std::string_view> split_chunks(std::string_view text) {
  std::vector<std::string_view> chunks;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    if (end > pos) chunks.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return chunks;
}

}  // namespace

Result<Article> extract_text(std::string_view bytes) {
  const Decoded decoded = decode_to_utf8(bytes);
  // Keep line structure so that blank lines still separate paragraphs.
  const std::string text = clean_text_keep_lines(decoded.utf8);

  Article article;
  std::vector<std::string_view> chunks = split_chunks(text);
  if (chunks.empty()) return Error{"no text"};

  const std::string_view first = chunks.front();
  if (chunks.size() > 1 && first.find('\n') == std::string_view::npos &&
      first.size() <= kMaxTitleBytes) {
    article.title = std::string(first);
    chunks.erase(chunks.begin());
  }
  for (std::string_view chunk : chunks) {
    // A plain-text dump often repeats the title as its first paragraph, or as the first line of
    // it (above an image caption, say).
    if (article.blocks.empty() && !article.title.empty() &&
        chunk.starts_with(article.title + "\n")) {
      chunk.remove_prefix(article.title.size() + 1);
    }
    std::string paragraph = clean_text(chunk);  // joins the chunk's lines
    if (paragraph.empty()) continue;
    if (paragraph == article.title && article.blocks.empty()) continue;
    article.blocks.push_back({BlockKind::kParagraph, std::move(paragraph), 0});
  }
  separate_title(article);
  return article;
}

}  // namespace fundstelle::extract
