// Stage 1, scan: find the note files of a vault.
#ifndef NOTESTORE_LIB_SCAN_VAULT_SCANNER_H_
#define NOTESTORE_LIB_SCAN_VAULT_SCANNER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace notestore::scan {

struct ScannedFile {
  std::string rel_path;  // Relative to the vault, '/'-separated, valid UTF-8.
  std::string abs_path;  // For opening the file; the bytes the file system uses.
  int64_t size = 0;
  int64_t mtime_ns = 0;     // Modification time, nanoseconds since the epoch.
  Diagnostics diagnostics;  // About the path itself (a name that is not UTF-8); kept with the note.
};

// A problem with a path that is not a note we can keep (an unreadable folder, a name
// that is not UTF-8).
struct ScanProblem {
  std::string rel_path;
  Diagnostic diagnostic;
};

struct ScanResult {
  std::vector<ScannedFile> files;  // Sorted by rel_path (bytewise).
  std::vector<ScanProblem> problems;
};

struct ScanOptions {
  std::vector<std::string> extensions = {".md"};  // With the dot; case-insensitive.
  // How many files the caller expects (the notes it stored last time): room for them is
  // made at once rather than by doubling. Only a hint. Default: 0.
  size_t expected_files = 0;
};

// Walks `vault_dir` recursively. Skips entries whose name starts with '.' (.obsidian,
// .trash, .git, dotfiles). Follows symbolic links to files and folders, but visits each
// folder at most once (by device and inode), so link cycles end. Throws
// notestore::Error(kNotFound) when `vault_dir` is not a readable directory.
ScanResult ScanVault(const std::string& vault_dir, const ScanOptions& options);

// Scans only `rel_paths` (vault-relative, '/'-separated): a file is stat'ed, a folder is
// walked as ScanVault walks the vault, and a path that no longer exists yields nothing.
// Paths inside dot-folders or without a note extension yield nothing either. Throws
// Error(kInvalidArgument) for an absolute path or one with a ".." segment, and
// Error(kNotFound) when `vault_dir` is not a readable directory.
ScanResult ScanPaths(const std::string& vault_dir, const std::vector<std::string>& rel_paths,
                     const ScanOptions& options);

// Throws Error(kInvalidArgument) unless `rel_path` names something inside a vault:
// relative, '/'-separated, with no empty, "." or ".." segment.
void CheckRelativePath(const std::string& rel_path);

// Whether `rel_path` is `scope` or lies inside the folder `scope`.
bool InScope(const std::string& rel_path, const std::string& scope);

}  // namespace notestore::scan

#endif  // NOTESTORE_LIB_SCAN_VAULT_SCANNER_H_
