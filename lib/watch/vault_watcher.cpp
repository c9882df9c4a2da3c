#include <poll.h>
#include <sys/eventfd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <utility>

#include "notestore/error.h"
#include "notestore/store.h"
#include "notestore/watch.h"
#include "util/unique_fd.h"
#include "watch/inotify_tree.h"

namespace notestore {
namespace {

using Clock = std::chrono::steady_clock;

// The paths to ingest: each changed path once, without those inside a changed folder
// (the folder's walk covers them).
std::vector<std::string> OutermostPaths(const std::set<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    bool covered = false;
    for (size_t slash = path.find('/'); slash != std::string::npos && !covered;
         slash = path.find('/', slash + 1)) {
      covered = paths.count(path.substr(0, slash)) > 0;
    }
    if (!covered) out.push_back(path);
  }
  return out;
}

void CheckOptions(const WatchOptions& options) {
  constexpr int kHour = 3600 * 1000;
  for (int ms : {options.debounce_ms, options.max_delay_ms, options.busy_retry_ms}) {
    if (ms < 0 || ms > kHour) {
      throw Error(ErrorCode::kInvalidArgument,
                  "debounce_ms, max_delay_ms and busy_retry_ms must be 0 to 3600000");
    }
  }
}

}  // namespace

struct VaultWatcher::Impl {
  Store& store;
  std::string vault;
  WatchOptions options;
  watch::InotifyTree tree;
  util::UniqueFd stop_fd{eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)};

  Impl(Store& s, std::string v, WatchOptions o)
      : store(s),
        vault(std::move(v)),
        options(std::move(o)),
        tree(vault, options.ingest.extensions) {
    if (!stop_fd.valid()) {
      throw Error(ErrorCode::kIo, std::string("cannot create an event: ") + std::strerror(errno));
    }
  }

  // Ingests `paths` (all of the vault when `full`). Returns nullopt when another
  // process holds the ingest lock.
  std::optional<IngestReport> Sync(const std::vector<std::string>& paths, bool full) {
    IngestOptions ingest = options.ingest;
    ingest.paths = full ? std::vector<std::string>() : paths;
    ingest.publish_before_resolve = true;
    try {
      return store.ingest(vault, ingest);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kBusy) return std::nullopt;
      throw;
    }
  }

  enum class Woken { kStop, kChanges, kNothing };

  // Waits up to `timeout_ms` (-1: without end) for changes or stop().
  Woken Wait(int timeout_ms, watch::Changes* changes) {
    struct pollfd fds[2] = {{tree.fd(), POLLIN, 0}, {stop_fd.get(), POLLIN, 0}};
    const int n = poll(fds, 2, timeout_ms);
    if (n < 0 && errno != EINTR) {
      throw Error(ErrorCode::kIo,
                  std::string("waiting for changes failed: ") + std::strerror(errno));
    }
    if (n > 0 && (fds[1].revents & POLLIN)) {
      uint64_t count = 0;
      [[maybe_unused]] const ssize_t r = read(stop_fd.get(), &count, sizeof count);  // Reset.
      return Woken::kStop;
    }
    if (n > 0 && (fds[0].revents & POLLIN) && tree.Drain(changes)) return Woken::kChanges;
    return Woken::kNothing;
  }
};

VaultWatcher::VaultWatcher(Store& store, std::string vault_dir, WatchOptions options) {
  CheckOptions(options);
  impl_ = std::make_unique<Impl>(store, std::move(vault_dir), std::move(options));
}

VaultWatcher::~VaultWatcher() = default;

void VaultWatcher::stop() noexcept {
  const uint64_t one = 1;
  [[maybe_unused]] const ssize_t r = write(impl_->stop_fd.get(), &one, sizeof one);
}

void VaultWatcher::run(const std::function<void(const WatchSync&)>& on_sync) {
  Impl& w = *impl_;
  const WatchOptions& o = w.options;
  watch::Changes pending;
  w.tree.Drain(&pending);  // Changes from before the full sync are part of it.
  pending = watch::Changes{};
  pending.full = true;
  // The first sync is due at once.
  Clock::time_point last_seen = Clock::now() - std::chrono::milliseconds(o.debounce_ms);
  Clock::time_point first_seen = last_seen, retry_at = last_seen;
  bool first_sync = true;
  while (true) {
    if (pending.root_gone) {
      throw Error(ErrorCode::kNotFound, "the vault folder " + w.vault + " was removed or renamed");
    }
    const Clock::time_point now = Clock::now();
    const Clock::time_point due =
        std::max(retry_at, std::min(last_seen + std::chrono::milliseconds(o.debounce_ms),
                                    first_seen + std::chrono::milliseconds(o.max_delay_ms)));
    if (!pending.empty() && now >= due) {
      if (pending.rewatch) w.tree.Rewatch();
      // A renamed folder leaves paths under its old name; scanning everything is simplest.
      const bool full = pending.full || pending.rewatch;
      WatchSync sync;
      sync.full = full;
      if (!full) sync.paths = OutermostPaths(pending.paths);
      std::optional<IngestReport> report = w.Sync(sync.paths, full);
      if (!report) {
        retry_at = Clock::now() + std::chrono::milliseconds(o.busy_retry_ms);
        continue;
      }
      sync.report = std::move(*report);
      sync.latency_seconds =
          first_sync ? 0 : std::chrono::duration<double>(Clock::now() - first_seen).count();
      first_sync = false;
      pending = watch::Changes{};
      if (on_sync) on_sync(sync);
      continue;
    }
    int timeout_ms = -1;
    if (!pending.empty()) {
      timeout_ms = static_cast<int>(
          std::chrono::duration_cast<std::chrono::milliseconds>(due - now).count() + 1);
    }
    const bool had_changes = !pending.empty();
    const Impl::Woken woken = w.Wait(timeout_ms, &pending);
    if (woken == Impl::Woken::kStop) return;
    if (woken == Impl::Woken::kChanges) {
      last_seen = Clock::now();
      if (!had_changes) first_seen = last_seen;
    }
  }
}

}  // namespace notestore
