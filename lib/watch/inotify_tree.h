// Watching a vault's folders with inotify, and turning the kernel's events into the
// vault-relative paths that changed.
#ifndef NOTESTORE_LIB_WATCH_INOTIFY_TREE_H_
#define NOTESTORE_LIB_WATCH_INOTIFY_TREE_H_

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "util/unique_fd.h"

namespace notestore::watch {

// What the events read so far say changed.
struct Changes {
  std::set<std::string> paths;  // Vault-relative files and folders.
  bool full = false;            // Events were lost, or a name is not UTF-8: scan everything.
  bool rewatch = false;         // A folder was renamed: the watched folders must be listed again.
  bool root_gone = false;       // The vault folder itself was deleted or renamed.

  bool empty() const { return paths.empty() && !full && !rewatch && !root_gone; }
};

class InotifyTree {
 public:
  // Watches `root` and every folder under it (dot-folders excepted, folder links
  // followed once). Throws Error(kIo) if the kernel refuses.
  InotifyTree(std::string root, std::vector<std::string> extensions);

  // Readable (poll) when events are waiting.
  int fd() const { return fd_.get(); }

  // Reads the waiting events into `changes`, without blocking. Folders created are
  // watched at once, so files written into them right after are seen. Returns whether
  // any event concerned notes or folders (others, such as a swap file's, are dropped).
  bool Drain(Changes* changes);

  // Lists the watched folders again: after a folder was renamed (the paths known for
  // its watches are stale) or events were lost.
  void Rewatch();

 private:
  bool Handle(int wd, uint32_t mask, const char* name, Changes* changes);
  void Watch(const std::string& rel_dir);  // The folder and, recursively, its folders.
  bool IsNoteName(const std::string& name) const;

  std::string root_;
  std::vector<std::string> extensions_;
  util::UniqueFd fd_;
  std::unordered_map<int, std::string> dirs_;  // Watch descriptor -> vault-relative folder.
  // Links to folders: deleting one is not a folder event, and it no longer stats.
  std::set<std::string> linked_dirs_;
};

}  // namespace notestore::watch

#endif  // NOTESTORE_LIB_WATCH_INOTIFY_TREE_H_
