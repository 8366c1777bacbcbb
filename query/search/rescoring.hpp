// A second pass over the best passages of a question: evidence that single-term BM25 does not see
// (how close the question's words stand, how many of them a passage has, how well its article
// matches as a whole), blended into the first-pass scores of the top candidates only.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace fundstelle::query {

// One content word of the question as the rescorer sees it.
struct RescoreWord {
  std::vector<std::string> exact;  // folded exact forms with positions: the word and its parts
  std::string stem_term;           // the stem term ("Z" + stem), which has no positions
};

// Each weight scales a feature in [0, 1] by the best first-pass score, so that it is comparable
// across questions; 0 switches the feature off.
struct RescoreWeights {
  size_t depth = 30;        // rescore this many candidates from the top; the rest keep their order
  double proximity = 0.0;   // the matched words inside a short window of the passage
  double coverage = 0.0;    // fraction of the question's words the passage has (stem or form)
  double article = 0.0;     // the other candidates of the same article (slot 0), summed
};

struct Candidate {
  Xapian::docid docid = 0;
  double score = 0;
  Xapian::Document document;
};

// Pure features, exposed for tests.
// positions[i]: sorted positions of word i in a passage (empty: not there). Returns
// (m - 1) / (n - 1) * m / span for the shortest window holding all m present words, 0 when
// fewer than two words are present or the question has fewer than two words.
[[nodiscard]] double proximity_feature(const std::vector<std::vector<Xapian::termpos>>& positions);

// The candidates of `mset` in their new order, best first: the top `depth` rescored and sorted,
// the rest after them in their first-pass order. With no words or all weights 0 the order is
// the MSet's.
[[nodiscard]] std::vector<Candidate> rescore(const Xapian::Database& db, const Xapian::MSet& mset,
                                             const std::vector<RescoreWord>& words,
                                             const RescoreWeights& weights);

}  // namespace fundstelle::query
