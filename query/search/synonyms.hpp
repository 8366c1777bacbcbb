// Synonym groups (data/synonyms-de.txt, embedded at build time), applied at query time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/german_analyzer.hpp"

namespace fundstelle::query {

class Synonyms {
 public:
  // Reads groups: one per line, members separated by '|', '#' starts a comment, blank lines and
  // groups of fewer than two members are ignored. Never fails.
  static Synonyms parse(std::string_view text, analysis::GermanAnalyzer& analyzer);

  // The list shipped in data/synonyms-de.txt (parsed once; thread-safe).
  static const Synonyms& german();

  // The other members of the group that has a member with these stems, as written in the file;
  // empty if none. `stems` are the stems of a member's words, e.g. {"kunstlich", "intelligenz"}.
  [[nodiscard]] std::vector<std::string_view> alternatives(
      const std::vector<std::string>& stems) const;

  // The most words any member has: longer word runs of a query need not be looked up.
  [[nodiscard]] size_t longest_member() const { return longest_member_; }
  [[nodiscard]] size_t group_count() const { return groups_.size(); }

 private:
  static std::string key_of(const std::vector<std::string>& stems);

  std::vector<std::vector<std::string>> groups_;        // member texts as written
  std::unordered_multimap<std::string, size_t> index_;  // stem key -> (group, member) packed
  size_t longest_member_ = 0;
};

}  // namespace fundstelle::query
