#include "passages/passage_splitter.hpp"

#include <algorithm>

#include "passages/sentence_breaks.hpp"

namespace fundstelle::passages {
namespace {

struct Piece {
  size_t start;  // in the article text
  size_t end;
};

// Cuts [start, end) of `text` into pieces of at most `max_bytes`, preferring sentence starts and
// balancing the piece lengths so that no tiny remainder is left at the end.
void split_long_block(std::string_view text, size_t start, size_t end, size_t max_bytes,
                      std::vector<Piece>& out) {
  const std::string_view block = text.substr(start, end - start);
  const size_t count = (block.size() + max_bytes - 1) / max_bytes;
  const size_t target = (block.size() + count - 1) / count;

  std::vector<size_t> cuts = sentence_starts(block);
  size_t piece_start = 0;
  while (block.size() - piece_start > max_bytes) {
    // The last sentence start that keeps the piece within the target (or at least within max).
    size_t best = 0;
    for (size_t cut : cuts) {
      if (cut <= piece_start) continue;
      if (cut - piece_start > max_bytes) break;
      if (best == 0 || cut - piece_start <= target || best - piece_start < target / 2) best = cut;
      if (cut - piece_start >= target) break;
    }
    if (best == 0) {
      // One sentence longer than max: cut at the last space before the limit.
      const size_t limit = piece_start + std::min(target, max_bytes);
      const size_t space = block.rfind(' ', limit);
      best = space != std::string_view::npos && space > piece_start ? space + 1 : limit;
      // Never cut inside a UTF-8 sequence: step back to its first byte, so that the piece stays
      // within max_bytes; forward only if that would leave the piece empty (invalid UTF-8).
      const auto inside_sequence = [&](size_t at) {
        return at < block.size() && (static_cast<unsigned char>(block[at]) & 0xC0) == 0x80;
      };
      size_t back = best;
      while (back > piece_start && inside_sequence(back)) --back;
      if (back > piece_start) {
        best = back;
      } else {
        while (inside_sequence(best)) ++best;
      }
    }
    size_t piece_end = best;
    while (piece_end > piece_start && block[piece_end - 1] == ' ') --piece_end;
    out.push_back({start + piece_start, start + piece_end});
    piece_start = best;
  }
  out.push_back({start + piece_start, end});
}

class PassageBuilder {
 public:
  PassageBuilder(std::string_view text, std::vector<Passage>& out) : text_(text), out_(out) {}

  [[nodiscard]] bool has_content() const { return has_content_; }
  [[nodiscard]] size_t content_length() const { return open_ ? end_ - content_start_ : 0; }

  void add(const Piece& piece, bool is_heading) {
    if (!open_) {
      start_ = piece.start;
      open_ = true;
    }
    if (!is_heading && !has_content_) content_start_ = piece.start;
    has_content_ = has_content_ || !is_heading;
    end_ = piece.end;
  }

  // Ends the open passage. A tiny one that does not start with a heading joins the passage
  // before it when that stays within `max_bytes` (a quote's attribution, a closing line).
  void flush(const PassageLimits& limits) {
    if (!open_) return;
    const bool tiny = end_ - start_ < limits.min_bytes;
    const bool starts_with_heading = !has_content_ || content_start_ != start_;
    if (tiny && !out_.empty() && (!starts_with_heading || !has_content_) &&
        end_ - out_.back().start <= limits.max_bytes) {
      Passage& before = out_.back();
      before.end = end_;
      before.text = std::string(text_.substr(before.start, before.end - before.start));
    } else {
      out_.push_back({start_, end_, std::string(text_.substr(start_, end_ - start_))});
    }
    open_ = false;
    has_content_ = false;
  }

 private:
  std::string_view text_;
  std::vector<Passage>& out_;
  bool open_ = false;
  bool has_content_ = false;
  size_t start_ = 0;
  size_t content_start_ = 0;
  size_t end_ = 0;
};

}  // namespace

std::vector<Passage> split_passages(const extract::Article& article, const PassageLimits& limits) {
  const std::string text = article.text();
  std::vector<Passage> passages;
  PassageBuilder builder(text, passages);

  size_t length = 0;  // of the text so far, computed as Article::text() joins the blocks
  std::vector<Piece> pieces;
  for (const extract::Block& block : article.blocks) {
    if (length > 0) length += 2;  // the blank line between blocks; none before the first text
    const Piece whole{length, length + block.text.size()};
    length = whole.end;
    if (block.text.empty()) continue;

    if (block.kind == extract::BlockKind::kHeading) {
      if (builder.has_content()) builder.flush(limits);
      builder.add(whole, /*is_heading=*/true);
      continue;
    }
    pieces.clear();
    if (whole.end - whole.start > limits.max_bytes) {
      split_long_block(text, whole.start, whole.end, limits.max_bytes, pieces);
    } else {
      pieces.push_back(whole);
    }
    for (const Piece& piece : pieces) {
      if (builder.has_content()) {
        const bool fits =
            builder.content_length() + (piece.end - piece.start) + 2 <= limits.max_bytes;
        if (!fits || builder.content_length() >= limits.min_bytes) builder.flush(limits);
      }
      builder.add(piece, /*is_heading=*/false);
    }
  }
  builder.flush(limits);

  return passages;
}

}  // namespace fundstelle::passages
