// Turning the paths given on the command line into the input files to read, with stable ids.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fundstelle::sources {

struct InputFile {
  std::filesystem::path path;  // to open
  std::string docid;           // stable id: path relative to the given directory, or file name
};

struct WalkCallbacks {
  std::function<void(const InputFile&)> file;
  // A part of the tree that could not be read (permission denied, vanished, ...).
  std::function<void(const std::filesystem::path&, const std::string& reason)> error;
};

// Name of the per-directory file listing what not to index, one glob pattern per line ('#'
// comments): "README.md" matches that name at any depth below, "/notes/*.txt" is anchored to the
// directory holding the file.
inline constexpr const char* kIgnoreFileName = ".fundstelle-ignore";

// Visits regular files under `roots` (files or directory trees, recursively) in a deterministic
// order: each directory's entries sorted by name. Below a root, hidden entries (".name") and
// entries matched by an ignore file or by `excludes` (same pattern syntax, relative to the root)
// are skipped; symbolic links to files are followed, links to directories are not (no loops).
// Precondition: every root exists (check with missing_paths first).
void walk_inputs(const std::vector<std::filesystem::path>& roots, const WalkCallbacks& callbacks,
                 const std::vector<std::string>& excludes = {});

// The roots that do not exist, for a fatal error before anything is written.
[[nodiscard]] std::vector<std::filesystem::path> missing_paths(
    const std::vector<std::filesystem::path>& roots);

}  // namespace fundstelle::sources
