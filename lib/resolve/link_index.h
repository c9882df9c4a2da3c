// Stage 6, resolve: which note a link points to, the way Obsidian decides it: a path
// (from the vault root, or relative to the linking note for markdown links), else a file
// name that only one note has. Case-insensitive; ".md" optional. Pure logic.
#ifndef NOTESTORE_LIB_RESOLVE_LINK_INDEX_H_
#define NOTESTORE_LIB_RESOLVE_LINK_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace notestore::resolve {

class LinkIndex {
 public:
  // `path` is the note's vault path with its extension ("People/Sam Hopewell.md").
  void AddNote(int64_t id, const std::string& path);

  // Resolves `target` written in the note at `source_path`. An empty target (a link
  // to a heading of the same note) is the source itself. Nothing when no note, or more
  // than one note outside the source's folder, matches.
  std::optional<int64_t> Resolve(std::string_view target, const std::string& source_path,
                                 bool markdown) const;

  // What decides which notes a link can resolve to: a note can be found by `target` only
  // if its NameOf is one of TargetNames(target). An index of just those notes (and the
  // linking note) resolves the link as one of the whole vault does.
  static std::string NameOf(std::string_view path);  // Lowercase file name without extension.
  static std::vector<std::string> TargetNames(std::string_view target);

 private:
  struct Entry {
    int64_t id;
    std::string folder;  // Lowercase.
  };
  std::optional<int64_t> ByPath(const std::string& lower_path) const;

  std::unordered_map<std::string, int64_t> by_path_;       // Lowercase path without extension.
  std::unordered_map<std::string, int64_t> by_full_path_;  // Lowercase path with extension.
  std::unordered_map<std::string, std::vector<Entry>> by_name_;  // Lowercase stem.
};

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_LINK_INDEX_H_
