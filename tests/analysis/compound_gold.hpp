// Scoring compound splitting against a hand-checked gold list (tests/fixtures/compounds/gold.tsv).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/german_analyzer.hpp"

namespace fundstelle::analysis {

struct CompoundScore {
  int compounds = 0;                // gold words that are compounds
  int non_compounds = 0;            // gold words that must not be split
  int correct = 0;                  // compounds split into the gold parts (compared by stems)
  int wrong = 0;                    // compounds split into other parts
  int missed = 0;                   // compounds not split
  int false_splits = 0;             // non-compounds split
  std::vector<std::string> errors;  // one line per error: kind, word, split, gold

  // Of all splits made on gold words, the share that is exactly right.
  [[nodiscard]] double precision() const {
    const int splits = correct + wrong + false_splits;
    return splits == 0 ? 1.0 : static_cast<double>(correct) / splits;
  }
  [[nodiscard]] double recall() const {
    return compounds == 0 ? 1.0 : static_cast<double>(correct) / compounds;
  }
};

// Splits every gold word with `analyzer` (as indexing does) and scores it; throws if the file
// cannot be read.
[[nodiscard]] CompoundScore score_compounds(const std::filesystem::path& gold,
                                            GermanAnalyzer& analyzer);

}  // namespace fundstelle::analysis
