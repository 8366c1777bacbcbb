#include "search/rescoring.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace fundstelle::query {

double proximity_feature(const std::vector<std::vector<Xapian::termpos>>& positions) {
  const size_t n = positions.size();
  if (n < 2) return 0.0;
  std::vector<std::pair<Xapian::termpos, size_t>> merged;
  size_t present = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!positions[i].empty()) ++present;
    for (Xapian::termpos pos : positions[i]) merged.emplace_back(pos, i);
  }
  if (present < 2) return 0.0;
  std::sort(merged.begin(), merged.end());
  // Shortest window of the merged positions that holds every present word.
  std::vector<size_t> count(n, 0);
  size_t covered = 0;
  Xapian::termpos best = 0;
  bool found = false;
  for (size_t left = 0, right = 0; right < merged.size(); ++right) {
    if (count[merged[right].second]++ == 0) ++covered;
    while (covered == present) {
      const Xapian::termpos span = merged[right].first - merged[left].first + 1;
      if (!found || span < best) best = span, found = true;
      if (--count[merged[left].second] == 0) --covered;
      ++left;
    }
  }
  const double m = static_cast<double>(present);
  return (m - 1) / static_cast<double>(n - 1) * std::min(1.0, m / static_cast<double>(best));
}

namespace {

// Fraction of neighbouring question words (in question order, both present) that stand within
// `window` positions of each other somewhere in the passage.
double pair_feature(const std::vector<std::vector<Xapian::termpos>>& positions, unsigned window) {
  if (positions.size() < 2) return 0.0;
  size_t near = 0;
  for (size_t i = 0; i + 1 < positions.size(); ++i) {
    const auto& a = positions[i];
    const auto& b = positions[i + 1];
    bool found = false;
    for (size_t x = 0, y = 0; x < a.size() && y < b.size() && !found;) {
      const Xapian::termpos d = a[x] > b[y] ? a[x] - b[y] : b[y] - a[x];
      if (d <= window) found = true;
      if (a[x] < b[y]) ++x; else ++y;
    }
    if (found) ++near;
  }
  return static_cast<double>(near) / static_cast<double>(positions.size() - 1);
}

std::vector<Xapian::termpos> positions_of(const Xapian::Database& db, Xapian::docid docid,
                                          const RescoreWord& word) {
  std::vector<Xapian::termpos> out;
  for (const std::string& term : word.exact) {
    for (auto it = db.positionlist_begin(docid, term); it != db.positionlist_end(docid, term);
         ++it) {
      out.push_back(*it);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool has_term(Xapian::Document& document, const std::string& term) {
  Xapian::TermIterator it = document.termlist_begin();
  it.skip_to(term);
  return it != document.termlist_end() && *it == term;
}

}  // namespace

std::vector<Candidate> rescore(const Xapian::Database& db, const Xapian::MSet& mset,
                               const std::vector<RescoreWord>& words,
                               const RescoreWeights& weights) {
  std::vector<Candidate> out;
  out.reserve(mset.size());
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    out.push_back({*it, it.get_weight(), it.get_document()});
  }
  const bool active = weights.proximity != 0 || weights.coverage != 0 || weights.article != 0;
  if (out.empty() || words.empty() || !active) return out;
  const size_t depth = std::min(weights.depth, out.size());
  const double top = out.front().score;

  std::vector<double> bonus(depth, 0.0);
  if (weights.article != 0) {
    std::map<std::string, double> article_sum;
    std::vector<std::string> article(depth);
    for (size_t i = 0; i < depth; ++i) {
      article[i] = out[i].document.get_value(0);
      article_sum[article[i]] += out[i].score;
    }
    for (size_t i = 0; i < depth; ++i) {
      bonus[i] += weights.article * (article_sum[article[i]] - out[i].score);
    }
  }
  if (weights.proximity != 0 || weights.coverage != 0) {
    for (size_t i = 0; i < depth; ++i) {
      std::vector<std::vector<Xapian::termpos>> positions;
      size_t matched = 0;
      for (const RescoreWord& word : words) {
        positions.push_back(positions_of(db, out[i].docid, word));
        if (!positions.back().empty() ||
            (weights.coverage != 0 && has_term(out[i].document, word.stem_term))) {
          ++matched;
        }
      }
      if (weights.proximity > 0) bonus[i] += weights.proximity * top * proximity_feature(positions);
      if (weights.proximity < 0) bonus[i] += -weights.proximity * top * pair_feature(positions, 8);
      if (weights.coverage != 0) {
        bonus[i] += weights.coverage * top * static_cast<double>(matched) /
                    static_cast<double>(words.size());
      }
    }
  }
  for (size_t i = 0; i < depth; ++i) out[i].score += bonus[i];
  std::stable_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(depth),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  return out;
}

}  // namespace fundstelle::query
