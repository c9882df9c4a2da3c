#include "watch/inotify_tree.h"

#include <dirent.h>
#include <sys/inotify.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "notestore/error.h"
#include "util/text.h"
#include "util/utf8.h"

namespace notestore::watch {
namespace {

// IN_MODIFY as well as IN_CLOSE_WRITE: a program may write a file and keep it open.
// IN_ATTRIB: `touch` changes only the modification time, which the ingest compares.
constexpr uint32_t kMask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
                           IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR |
                           IN_EXCL_UNLINK;

std::string Join(const std::string& dir, const std::string& name) {
  return dir.empty() ? name : dir + "/" + name;
}

}  // namespace

InotifyTree::InotifyTree(std::string root, std::vector<std::string> extensions)
    : root_(std::move(root)),
      extensions_(std::move(extensions)),
      fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
  if (!fd_.valid()) {
    throw Error(ErrorCode::kIo, std::string("cannot start watching files: ") +
                                    std::strerror(errno) +
                                    " (too many watchers? see fs.inotify.max_user_instances)");
  }
  struct stat st;
  if (stat(root_.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    throw Error(ErrorCode::kNotFound, "vault folder not found: " + root_);
  }
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
  Watch("");
}

void InotifyTree::Watch(const std::string& rel_dir) {
  const std::string abs = rel_dir.empty() ? root_ : root_ + "/" + rel_dir;
  const int wd = inotify_add_watch(fd_.get(), abs.c_str(), kMask);
  if (wd < 0) {
    // Gone (or no longer a folder) since its parent was read: nothing to watch.
    if (errno == ENOENT || errno == ENOTDIR) return;
    const int err = errno;
    std::string message = "cannot watch " + abs + ": " + std::strerror(err);
    if (err == ENOSPC) {
      message +=
          " (the limit on watched folders is reached; raise it with "
          "sysctl fs.inotify.max_user_watches=N)";
    }
    throw Error(ErrorCode::kIo, message);
  }
  // The same folder reached twice (a link to it) has the same watch: walk it once.
  if (!dirs_.emplace(wd, rel_dir).second) return;
  DIR* dir = opendir(abs.c_str());
  if (dir == nullptr) return;  // Unreadable: its files are reported by the ingest's scan.
  std::vector<std::string> folders;
  while (struct dirent* entry = readdir(dir)) {
    if (entry->d_name[0] == '.') continue;  // ., .., .obsidian, .trash, .git
    bool is_dir = entry->d_type == DT_DIR;
    if (entry->d_type == DT_UNKNOWN || entry->d_type == DT_LNK) {
      struct stat st;
      is_dir = stat((abs + "/" + entry->d_name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
      if (is_dir && entry->d_type == DT_LNK) linked_dirs_.insert(Join(rel_dir, entry->d_name));
    }
    if (is_dir) folders.push_back(Join(rel_dir, entry->d_name));
  }
  closedir(dir);
  // In the scan's order: a folder reached twice (through a link) is known by the path
  // the scan keeps, the first.
  std::sort(folders.begin(), folders.end());
  for (const std::string& folder : folders) Watch(folder);
}

void InotifyTree::Rewatch() {
  std::unordered_map<int, std::string> old;
  old.swap(dirs_);
  linked_dirs_.clear();
  Watch("");
  // Folders moved out of the vault are still watched under their old watch: drop them.
  for (const auto& [wd, rel] : old) {
    if (!dirs_.count(wd)) inotify_rm_watch(fd_.get(), wd);
  }
}

bool InotifyTree::IsNoteName(const std::string& name) const {
  for (const std::string& ext : extensions_) {
    if (name.size() > ext.size() && util::EndsWithIgnoreCase(name, ext)) return true;
  }
  return false;
}

bool InotifyTree::Drain(Changes* changes) {
  alignas(struct inotify_event) char buf[64 * 1024];
  bool relevant = false;
  while (true) {
    const ssize_t n = read(fd_.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return relevant;  // EAGAIN: nothing more waiting.
    for (ssize_t off = 0; off < n;) {
      const auto* ev = reinterpret_cast<const struct inotify_event*>(buf + off);
      relevant |= Handle(ev->wd, ev->mask, ev->len > 0 ? ev->name : "", changes);
      off += static_cast<ssize_t>(sizeof(struct inotify_event) + ev->len);
    }
  }
}

bool InotifyTree::Handle(int wd, uint32_t mask, const char* raw_name, Changes* changes) {
  if (mask & IN_Q_OVERFLOW) {  // The kernel's queue was full: events are lost.
    changes->full = changes->rewatch = true;
    return true;
  }
  auto it = dirs_.find(wd);
  if (it == dirs_.end()) return false;
  const std::string rel_dir = it->second;
  if (mask & IN_IGNORED) {  // The folder is gone; the kernel dropped its watch.
    dirs_.erase(it);
    return false;
  }
  if (mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
    if (!rel_dir.empty()) return false;  // A folder inside: its parent reports it by name.
    changes->root_gone = true;
    return true;
  }
  const std::string name = raw_name;
  if (name.empty() || name[0] == '.') return false;  // Dotfiles, editors' swap files.
  if (!util::IsValidUtf8(name)) {
    changes->full = true;  // The scan knows how to store such names.
    return true;
  }
  const std::string rel = Join(rel_dir, name);
  if (mask & IN_ISDIR) {
    if (mask & (IN_MOVED_FROM | IN_MOVED_TO)) {
      changes->rewatch = true;  // Watches under it still carry the old path.
    } else if (mask & IN_CREATE) {
      Watch(rel);
    }
    if (!(mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO))) return false;
    changes->paths.insert(rel);
    return true;
  }
  if (IsNoteName(name)) {
    changes->paths.insert(rel);
    return true;
  }
  if ((mask & (IN_DELETE | IN_MOVED_FROM)) && linked_dirs_.erase(rel) > 0) {
    changes->paths.insert(rel);  // Its notes go with it.
    return true;
  }
  // A link to a folder is not IN_ISDIR, but the scan follows it.
  struct stat st;
  if ((mask & (IN_CREATE | IN_MOVED_TO)) && stat((root_ + "/" + rel).c_str(), &st) == 0 &&
      S_ISDIR(st.st_mode)) {
    linked_dirs_.insert(rel);
    Watch(rel);
    changes->paths.insert(rel);
    return true;
  }
  return false;
}

}  // namespace notestore::watch
