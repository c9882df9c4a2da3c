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
};

// Walks `vault_dir` recursively. Skips entries whose name starts with '.' (.obsidian,
// .trash, .git, dotfiles). Follows symbolic links to files and folders, but visits each
// folder at most once (by device and inode), so link cycles end. Throws
// notestore::Error(kNotFound) when `vault_dir` is not a readable directory.
ScanResult ScanVault(const std::string& vault_dir, const ScanOptions& options);

}  // namespace notestore::scan

#endif  // NOTESTORE_LIB_SCAN_VAULT_SCANNER_H_
