#include "extract/html_extractor.hpp"

#include <utility>

#include "extract/charset.hpp"
#include "extract/html_charset.hpp"
#include "extract/html_content.hpp"
#include "extract/html_dom.hpp"
#include "extract/html_metadata.hpp"
#include "extract/metadata_values.hpp"
#include "extract/text_cleanup.hpp"

namespace fundstelle::extract {
namespace {

size_t text_size(const std::vector<Block>& blocks) {
  size_t size = 0;
  for (const Block& block : blocks) size += block.text.size();
  return size;
}

// JSON-LD articleBody is plain text with line breaks, or sometimes HTML; either way it goes
// through the HTML parser so that entities are decoded and markup is handled as in the page.
std::vector<Block> blocks_from_article_body(std::string_view body) {
  const bool markup = body.find("<p") != std::string_view::npos ||
                      body.find("<br") != std::string_view::npos ||
                      body.find("<div") != std::string_view::npos;
  std::string html;
  if (markup) {
    html = body;
  } else {
    html.reserve(body.size() + 64);
    size_t pos = 0;
    while (pos < body.size()) {
      size_t end = body.find('\n', pos);
      if (end == std::string_view::npos) end = body.size();
      html += "<p>";
      html.append(body.substr(pos, end - pos));
      html += "</p>";
      pos = end + 1;
    }
  }
  return extract_html_content(parse_html_dom(html)).blocks;
}

std::string choose_title(const HtmlMetadata& metadata, const HtmlContent& content,
                         const std::string& site_name) {
  if (!metadata.og_title.empty()) {
    // Some sites repeat their name in og:title too; only a known site name is removed here.
    return site_name.empty() ? metadata.og_title : strip_site_name(metadata.og_title, site_name);
  }
  if (!content.h1.empty()) return content.h1;
  if (!metadata.headline.empty()) return metadata.headline;
  return clean_text(strip_site_name(metadata.document_title, site_name));
}

}  // namespace

Result<Article> extract_html(std::string_view bytes) {
  const Decoded decoded = decode_to_utf8(bytes, sniff_html_charset(bytes));
  const pugi::xml_document doc = parse_html_dom(decoded.utf8);
  HtmlMetadata metadata = extract_html_metadata(doc);
  HtmlContent content = extract_html_content(doc);

  Article article;
  article.metadata = std::move(metadata.fields);
  // Pages rendered by script often carry their text only in JSON-LD.
  if (!metadata.article_body.empty() &&
      text_size(content.blocks) * 2 < clean_text(metadata.article_body).size()) {
    content.blocks = blocks_from_article_body(metadata.article_body);
  }
  if (!article.metadata.contains(meta::kPublished)) {
    std::string date = normalize_iso_date(content.datetime);
    if (!date.empty()) article.metadata[meta::kPublished] = std::move(date);
  }
  const auto site = article.metadata.find(meta::kSiteName);
  article.title = choose_title(metadata, content,
                               site == article.metadata.end() ? std::string() : site->second);

  article.blocks = std::move(content.blocks);
  if (article.blocks.empty()) return Error{"no article text found"};
  separate_title(article);
  // The page's own <h1> repeats the title also below a kicker or a lead image, where
  // separate_title (leading headings only) leaves it.
  std::erase_if(article.blocks, [&](const Block& block) {
    return block.kind == BlockKind::kHeading && block.level == 1 && block.text == article.title;
  });
  if (article.blocks.empty()) return Error{"no article text found"};
  return article;
}

}  // namespace fundstelle::extract
