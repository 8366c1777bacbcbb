#include "search/synonyms.hpp"

#include <algorithm>

namespace fundstelle::embedded {
extern const std::string_view kSynonymsDe;
}

namespace fundstelle::query {
namespace {

// Packs a group and member number into one index value.
constexpr size_t kMembersPerGroup = 1024;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string> stems_of(std::string_view text, analysis::GermanAnalyzer& analyzer) {
  std::vector<std::string> stems;
  analysis::AnalyzedWord word;
  auto stream = analyzer.words(text);
  while (stream.next(word)) stems.push_back(word.whole.stem);
  return stems;
}

}  // namespace

std::string Synonyms::key_of(const std::vector<std::string>& stems) {
  std::string key;
  for (const std::string& stem : stems) {
    if (!key.empty()) key += ' ';
    key += stem;
  }
  return key;
}

Synonyms Synonyms::parse(std::string_view text, analysis::GermanAnalyzer& analyzer) {
  Synonyms out;
  while (!text.empty()) {
    const size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    line = line.substr(0, line.find('#'));

    std::vector<std::string> members;
    std::vector<std::vector<std::string>> member_stems;
    while (!line.empty()) {
      const size_t bar = line.find('|');
      const std::string_view member = trimmed(line.substr(0, bar));
      line = bar == std::string_view::npos ? std::string_view{} : line.substr(bar + 1);
      std::vector<std::string> stems = stems_of(member, analyzer);
      if (stems.empty() || members.size() + 1 >= kMembersPerGroup) continue;
      members.emplace_back(member);
      member_stems.push_back(std::move(stems));
    }
    if (members.size() < 2) continue;
    const size_t group = out.groups_.size();
    for (size_t m = 0; m < members.size(); ++m) {
      out.index_.emplace(key_of(member_stems[m]), group * kMembersPerGroup + m);
      out.longest_member_ = std::max(out.longest_member_, member_stems[m].size());
    }
    out.groups_.push_back(std::move(members));
  }
  return out;
}

const Synonyms& Synonyms::german() {
  static const Synonyms synonyms = [] {
    analysis::GermanAnalyzer analyzer;
    return parse(embedded::kSynonymsDe, analyzer);
  }();
  return synonyms;
}

std::vector<std::string_view> Synonyms::alternatives(const std::vector<std::string>& stems) const {
  std::vector<std::string_view> out;
  const auto [begin, end] = index_.equal_range(key_of(stems));
  for (auto it = begin; it != end; ++it) {
    const size_t group = it->second / kMembersPerGroup;
    const size_t member = it->second % kMembersPerGroup;
    for (size_t m = 0; m < groups_[group].size(); ++m) {
      const std::string_view text = groups_[group][m];
      const bool listed = std::find(out.begin(), out.end(), text) != out.end();
      if (m != member && !listed) out.push_back(text);
    }
  }
  return out;
}

}  // namespace fundstelle::query
