// Keeping a store in sync with a vault while its files change (Linux inotify).
//
//   notestore::Store store = notestore::Store::open("vault.db");
//   notestore::VaultWatcher watcher(store, "/path/to/vault");
//   watcher.run([](const notestore::WatchSync& sync) { ... });  // until stop()
//
// Only what changed is read again: each sync ingests just the paths that inotify
// reported (IngestOptions::paths), and commits the changed notes before the vault-wide
// pass (IngestOptions::publish_before_resolve), so a saved note can be found within
// milliseconds while its owners and repeats follow when that pass commits.
#ifndef NOTESTORE_WATCH_H_
#define NOTESTORE_WATCH_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "notestore/ingest.h"

namespace notestore {

class Store;

struct WatchOptions {
  // How each sync ingests (me, extensions, threads, limits). The watcher sets `paths`
  // and `publish_before_resolve` itself. Default: IngestOptions().
  IngestOptions ingest;

  // Quiet time after the last change before a sync starts, so that an editor saving a
  // file in several steps (write, rename, chmod) causes one sync. Default: 20 ms.
  int debounce_ms = 20;

  // Longest a change waits while others keep arriving (a git checkout, a sync client
  // writing many files). Default: 1000 ms.
  int max_delay_ms = 1000;

  // When another process holds the ingest lock (Error kBusy), the sync is retried after
  // this long, with the changes kept. Default: 250 ms.
  int busy_retry_ms = 250;
};

// What one sync did: sent to the callback of VaultWatcher::run().
struct WatchSync {
  // Vault-relative paths that changed (files or folders), sorted; empty for a full sync.
  std::vector<std::string> paths;
  // Whether the whole vault was scanned: the first sync, and after the kernel dropped
  // events (its queue overflowed) or a folder was renamed.
  bool full = false;
  IngestReport report;
  // From the first change this sync covers being seen to the sync's end. 0 for the
  // first sync.
  double latency_seconds = 0;
};

// Watches one vault and keeps one store in sync with it.
//
// Thread-safety: run() must be called from one thread at a time; stop() may be called
// from any thread, and from a signal handler.
class VaultWatcher {
 public:
  // Neither `store` nor the vault is owned; `store` must outlive the watcher and must
  // not be used by another thread while run() is running. Throws Error(kNotFound) if
  // `vault_dir` is not a folder, Error(kInvalidArgument) for bad options (each time
  // from 0 to an hour), and Error(kIo)
  // if the kernel refuses to watch (for instance when fs.inotify.max_user_watches is
  // too low for the vault's folders; the message says so).
  VaultWatcher(Store& store, std::string vault_dir, WatchOptions options = WatchOptions());
  ~VaultWatcher();
  VaultWatcher(const VaultWatcher&) = delete;
  VaultWatcher& operator=(const VaultWatcher&) = delete;

  // Syncs the whole vault, then waits for changes and syncs them, calling `on_sync`
  // (on this thread) after each sync, until stop() is called. Throws what
  // Store::ingest() throws, except kBusy, which is retried, and what `on_sync` throws;
  // the store stays consistent (see Store::ingest). Throws Error(kNotFound) if the vault
  // folder itself is removed. Changes seen but not yet synced when it ends are synced by
  // the next run(), which starts with a full sync.
  void run(const std::function<void(const WatchSync&)>& on_sync);

  // Makes run() return once the sync in progress, if any, is done. Thread-safe and
  // async-signal-safe; a stop() before run() makes the next run() return at once
  // after its first sync.
  void stop() noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace notestore

#endif  // NOTESTORE_WATCH_H_
