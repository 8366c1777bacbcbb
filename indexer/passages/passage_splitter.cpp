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
      // Never cut inside a UTF-8 sequence.
      while (best < block.size() && (static_cast<unsigned char>(block[best]) & 0xC0) == 0x80) {
        ++best;
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

  [[nodiscard]] bool empty() const { return !open_; }
  [[nodiscard]] bool has_content() const { return has_content_; }
  [[nodiscard]] size_t length_with(const Piece& piece) const {
    return open_ ? piece.end - start_ : piece.end - piece.start;
  }
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

  void flush() {
    if (!open_) return;
    out_.push_back({start_, end_, std::string(text_.substr(start_, end_ - start_))});
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

  size_t offset = 0;
  std::vector<Piece> pieces;
  for (const extract::Block& block : article.blocks) {
    const Piece whole{offset, offset + block.text.size()};
    offset = whole.end + 2;  // the blank line between blocks
    if (block.text.empty()) continue;

    if (block.kind == extract::BlockKind::kHeading) {
      if (builder.has_content()) builder.flush();
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
        const bool fits = builder.content_length() + (piece.end - piece.start) + 2 <= limits.max_bytes;
        if (!fits || builder.content_length() >= limits.min_bytes) builder.flush();
      }
      builder.add(piece, /*is_heading=*/false);
    }
  }
  builder.flush();

  // A tiny last passage joins the one before it when that stays within the limit.
  if (passages.size() >= 2) {
    Passage& last = passages.back();
    Passage& before = passages[passages.size() - 2];
    if (last.end - last.start < limits.min_bytes && last.end - before.start <= limits.max_bytes) {
      before.end = last.end;
      before.text = text.substr(before.start, before.end - before.start);
      passages.pop_back();
    }
  }
  return passages;
}

}  // namespace fundstelle::passages
