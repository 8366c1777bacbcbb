#include <fmt/format.h>

#include <sstream>

#include "print/plain_text.hpp"
#include "print/printer.hpp"

namespace fundstelle::query {
namespace {

std::string metadata_line(const Hit& hit) {
  // "docid#n" is also what --show and TREC runs use to name a passage.
  std::string line = fmt::format("{}#{}", hit.docid, hit.passage);
  if (hit.passage_count > 0) line += fmt::format(" of {}", hit.passage_count);
  for (const char* key : {"published", "author", "site_name"}) {
    const auto it = hit.metadata.find(key);
    if (it != hit.metadata.end() && !it->second.empty()) {
      line += " · ";
      line += std::string(key) == "published" ? it->second.substr(0, 10) : it->second;
    }
  }
  const auto url = hit.metadata.find("url");
  line += " · " + (url != hit.metadata.end() && !url->second.empty() ? url->second : hit.source);
  return line;
}

void print_explanation(const Hit& hit, const TextStyle& style, std::ostream& out) {
  double total = 0;
  double title = 0;
  for (const TermContribution& part : hit.explanation) {
    total += part.weight;
    if (part.kind.rfind("title", 0) == 0) title += part.weight;
  }
  out << fmt::format("    why: score {:.2f} = sum of the parts below ({:.2f})\n", hit.score, total);
  for (const TermContribution& part : hit.explanation) {
    out << fmt::format("      {:>6.2f}  {:<10}  {}\n", part.weight, part.kind,
                       displayable(part.term, style));
  }
  const double share = total > 0 ? 100 * title / total : 0;
  out << fmt::format("      title evidence {:.2f} ({:.0f}%), passage text {:.2f}\n", title, share,
                     total - title);
}

}  // namespace

void print_text(const std::vector<Hit>& hits, const TextStyle& style, std::ostream& out) {
  for (const Hit& hit : hits) {
    // The header wraps too (continuation lines indented like the text below it).
    TextStyle header_style = style;
    header_style.width = style.width > 28 ? style.width - 4 : 24;
    std::ostringstream header;
    print_wrapped(fmt::format("{}. [{:.2f}] {}", hit.rank, hit.score,
                              hit.title.empty() ? hit.docid : hit.title),
                  {}, header_style, "", header);
    std::string header_lines = (hit.rank < 10 ? " " : "") + header.str();  // ranks right-aligned
    header_lines.pop_back();
    for (size_t at = header_lines.find('\n'); at != std::string::npos;
         at = header_lines.find('\n', at + 1)) {
      header_lines.insert(at + 1, "    ");
    }
    out << (style.color ? kAnsiBold : "") << header_lines << (style.color ? kAnsiReset : "")
        << '\n';
    // The metadata line wraps like text; dimmed as a whole when in colour.
    std::ostringstream meta;
    print_wrapped(metadata_line(hit), {}, style, "    ", meta);
    out << (style.color ? kAnsiDim : "") << meta.str().substr(0, meta.str().size() - 1)
        << (style.color ? kAnsiReset : "") << '\n';
    if (!hit.context_before.empty()) {
      // Dimmed (or marked "…" without colour): it is context, not the hit.
      const std::string& before = hit.context_before;
      std::ostringstream context;
      print_wrapped(before.rfind("…", 0) == 0 ? before : "… " + before, {}, style, "    ", context);
      out << (style.color ? kAnsiDim : "") << context.str().substr(0, context.str().size() - 1)
          << (style.color ? kAnsiReset : "") << '\n';
    }
    print_wrapped(hit.text, hit.highlights, style, "    ", out);
    if (!hit.explanation.empty()) print_explanation(hit, style, out);
    out << '\n';
  }
}

void print_count_text(size_t articles, size_t passages, std::ostream& out) {
  out << fmt::format("{} article{}, {} passage{}\n", articles, articles == 1 ? "" : "s", passages,
                     passages == 1 ? "" : "s");
}

}  // namespace fundstelle::query
