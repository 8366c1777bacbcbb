#include "compound_gold.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "analysis/normalizer.hpp"

namespace fundstelle::analysis {
namespace {

std::vector<std::string> split_on(std::string_view text, char separator) {
  std::vector<std::string> pieces;
  size_t begin = 0;
  while (true) {
    const size_t end = text.find(separator, begin);
    pieces.emplace_back(text.substr(begin, end - begin));
    if (end == std::string_view::npos) return pieces;
    begin = end + 1;
  }
}

std::string joined(const std::vector<Terms>& parts) {
  std::string out;
  for (const Terms& part : parts) out += (out.empty() ? "" : "+") + part.exact;
  return out.empty() ? "-" : out;
}

}  // namespace

CompoundScore score_compounds(const std::filesystem::path& gold, GermanAnalyzer& analyzer) {
  std::ifstream in(gold);
  if (!in) throw std::runtime_error("cannot read " + gold.string());
  CompoundScore score;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> fields = split_on(line, '\t');
    if (fields.size() < 2) continue;
    const std::string& word = fields[0];
    const std::string& expected = fields[1];
    const std::vector<Terms>& parts = analyzer.compound_parts(fold(word));
    const auto error = [&](std::string_view kind) {
      score.errors.push_back(std::string(kind) + "\t" + word + "\t" + joined(parts) + "\t" +
                             expected);
    };
    if (expected == "-") {
      ++score.non_compounds;
      if (!parts.empty()) {
        ++score.false_splits;
        error("false-split");
      }
      continue;
    }
    ++score.compounds;
    if (parts.empty()) {
      ++score.missed;
      error("missed");
      continue;
    }
    std::vector<std::string> stems;
    for (const Terms& part : parts) stems.push_back(part.stem);
    bool matched = false;
    for (const std::string& analysis : split_on(expected, '|')) {
      std::vector<std::string> gold_stems;
      for (const std::string& part : split_on(analysis, '+'))
        gold_stems.push_back(analyzer.stem(part));
      matched = matched || gold_stems == stems;
    }
    if (matched) {
      ++score.correct;
    } else {
      ++score.wrong;
      error("wrong");
    }
  }
  return score;
}

}  // namespace fundstelle::analysis
