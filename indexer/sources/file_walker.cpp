#include "sources/file_walker.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <fstream>
#include <memory>

namespace fundstelle::sources {
namespace fs = std::filesystem;
namespace {

// One ignore pattern, relative to the directory (`base`, relative to the root) it came from.
struct IgnoreRule {
  std::string base;  // "" for the root
  std::string pattern;
  bool anchored;  // started with '/' or contains '/': match the whole relative path
};
using Rules = std::shared_ptr<const std::vector<IgnoreRule>>;

bool is_ignored(const Rules& rules, const std::string& relative, const std::string& name) {
  for (const IgnoreRule& rule : *rules) {
    std::string_view sub = relative;
    if (!rule.base.empty()) {
      if (!relative.starts_with(rule.base + "/")) continue;
      sub.remove_prefix(rule.base.size() + 1);
    }
    const std::string candidate = rule.anchored ? std::string(sub) : name;
    if (fnmatch(rule.pattern.c_str(), candidate.c_str(), FNM_PATHNAME) == 0) return true;
  }
  return false;
}

void add_rule(std::vector<IgnoreRule>& rules, const std::string& base, std::string pattern) {
  while (!pattern.empty() && (pattern.back() == ' ' || pattern.back() == '\r')) pattern.pop_back();
  if (pattern.empty() || pattern.front() == '#') return;
  const bool anchored = pattern.find('/') != std::string::npos;
  if (pattern.front() == '/') pattern.erase(0, 1);
  rules.push_back({base, pattern, anchored});
}

// The rules in force below `dir`: the inherited ones plus its own ignore file, if any.
Rules rules_for(const fs::path& dir, const std::string& relative, const Rules& inherited) {
  std::ifstream in(dir / kIgnoreFileName);
  if (!in) return inherited;
  auto rules = std::make_shared<std::vector<IgnoreRule>>(*inherited);
  for (std::string line; std::getline(in, line);) add_rule(*rules, relative, line);
  return rules;
}

struct PendingDirectory {
  fs::path path;
  std::string relative;  // to the root, "" for the root itself
  Rules rules;
};

void walk_directory(const fs::path& root, const WalkCallbacks& callbacks, Rules root_rules) {
  // An explicit stack of directories, so that depth costs heap, not call stack.
  std::vector<PendingDirectory> pending{{root, "", std::move(root_rules)}};
  while (!pending.empty()) {
    PendingDirectory dir = std::move(pending.back());
    pending.pop_back();
    dir.rules = rules_for(dir.path, dir.relative, dir.rules);

    std::vector<fs::directory_entry> entries;
    std::error_code error;
    for (fs::directory_iterator it(dir.path, error), end; !error && it != end;
         it.increment(error)) {
      const std::string name = it->path().filename().string();
      const std::string relative = dir.relative.empty() ? name : dir.relative + "/" + name;
      if (!name.starts_with(".") && !is_ignored(dir.rules, relative, name)) {
        entries.push_back(*it);
      }
    }
    if (error) {
      callbacks.error(dir.path, error.message());
      continue;
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    std::vector<PendingDirectory> subdirectories;
    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      const std::string relative = dir.relative.empty() ? name : dir.relative + "/" + name;
      std::error_code status_error;
      if (entry.is_symlink(status_error) && entry.is_directory(status_error)) continue;
      if (entry.is_directory(status_error)) {
        subdirectories.push_back({entry.path(), relative, dir.rules});
      } else if (entry.is_regular_file(status_error)) {
        callbacks.file({entry.path(), relative});
      } else if (status_error) {
        callbacks.error(entry.path(), status_error.message());
      }
    }
    // Reverse so that the stack pops subdirectories in name order.
    pending.insert(pending.end(), std::make_move_iterator(subdirectories.rbegin()),
                   std::make_move_iterator(subdirectories.rend()));
  }
}

}  // namespace

void walk_inputs(const std::vector<fs::path>& roots, const WalkCallbacks& callbacks,
                 const std::vector<std::string>& excludes) {
  auto exclude_rules = std::make_shared<std::vector<IgnoreRule>>();
  for (const std::string& pattern : excludes) add_rule(*exclude_rules, "", pattern);
  for (const fs::path& root : roots) {
    std::error_code error;
    if (fs::is_directory(root, error)) {
      walk_directory(root, callbacks, exclude_rules);
    } else if (fs::is_regular_file(root, error)) {
      callbacks.file({root, root.filename().string()});
    } else {
      callbacks.error(root, error ? error.message() : "not a regular file or directory");
    }
  }
}

std::vector<fs::path> missing_paths(const std::vector<fs::path>& roots) {
  std::vector<fs::path> missing;
  for (const fs::path& root : roots) {
    std::error_code error;
    if (!fs::exists(root, error)) missing.push_back(root);
  }
  return missing;
}

}  // namespace fundstelle::sources
