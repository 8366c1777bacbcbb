// eval_compounds: precision and recall of compound splitting on a gold list.
// Usage: eval_compounds GOLD.tsv [-v]   (-v lists every error)
#include <cstdio>
#include <cstring>
#include <exception>

#include "compound_gold.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: eval_compounds GOLD.tsv [-v]\n");
    return 2;
  }
  try {
    fundstelle::analysis::GermanAnalyzer analyzer;
    const auto score = fundstelle::analysis::score_compounds(argv[1], analyzer);
    if (argc > 2 && std::strcmp(argv[2], "-v") == 0) {
      for (const auto& error : score.errors) std::printf("%s\n", error.c_str());
    }
    std::printf("compounds %d, non-compounds %d\n", score.compounds, score.non_compounds);
    std::printf("correct %d, wrong split %d, missed %d, false splits %d\n", score.correct,
                score.wrong, score.missed, score.false_splits);
    std::printf("precision %.3f  recall %.3f\n", score.precision(), score.recall());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eval_compounds: %s\n", e.what());
    return 2;
  }
  return 0;
}
