// hostile_bench [--work DIR]: the cost of each file of the hostile corpus
// (tests/support/hostile_vault.h) on its own. Each is ingested alone into a fresh
// database in a child process, so the peak memory printed is that ingest's own.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "notestore/notestore.h"
#include "support/hostile_vault.h"

namespace {

namespace fs = std::filesystem;

struct Measurement {
  double seconds = -1;
  long peak_rss_kb = 0;
  long long diagnostics = 0;
};

// Ingests `vault` into `db` in a child process and reports what it cost.
Measurement MeasureInChild(const std::string& vault, const std::string& db) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    Measurement m;
    const auto start = std::chrono::steady_clock::now();
    try {
      const notestore::IngestReport r = notestore::Store::open(db).ingest(vault);
      m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      for (const auto& [severity, n] : r.diagnostics) m.diagnostics += n;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: %s\n", vault.c_str(), e.what());
    }
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    m.peak_rss_kb = usage.ru_maxrss;
    const ssize_t n = write(fds[1], &m, sizeof m);
    _exit(n == sizeof m ? 0 : 1);
  }
  close(fds[1]);
  Measurement m;
  if (read(fds[0], &m, sizeof m) != sizeof m) m = Measurement{};
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return m;
}

uintmax_t SizeOf(const fs::path& p) {
  std::error_code ec;
  if (fs::is_symlink(p, ec) || fs::is_directory(p, ec)) return 0;
  const uintmax_t size = fs::file_size(p, ec);
  return ec ? 0 : size;
}

}  // namespace

int main(int argc, char** argv) {
  std::string work = (fs::temp_directory_path() / "notestore-hostile-bench").string();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--work") work = argv[i + 1];
  }
  fs::remove_all(work);
  const fs::path all = fs::path(work) / "all";
  fs::create_directories(all);
  const std::vector<notestore::testing::HostileCase> cases =
      notestore::testing::WriteHostileVault(all.string(), 0);

  std::printf("%-44s %10s %9s %10s %6s\n", "case", "bytes", "seconds", "peak RSS", "diags");
  int index = 0;
  for (const notestore::testing::HostileCase& c : cases) {
    const fs::path vault = fs::path(work) / ("case" + std::to_string(index++));
    const fs::path from = all / c.path;
    const fs::path to = vault / c.path;
    fs::create_directories(to.parent_path());
    fs::copy(fs::is_directory(from) ? from.parent_path() : from,
             fs::is_directory(from) ? to.parent_path() : to,
             fs::copy_options::copy_symlinks | fs::copy_options::recursive |
                 fs::copy_options::overwrite_existing);
    const Measurement m = MeasureInChild(vault.string(), vault.string() + ".db");
    std::printf("%-44.44s %10ju %9.3f %7.1f MB %6lld\n", c.what.c_str(), SizeOf(from), m.seconds,
                static_cast<double>(m.peak_rss_kb) / 1024.0, m.diagnostics);
    std::fflush(stdout);
    fs::remove_all(vault);
    fs::remove(vault.string() + ".db");
    fs::remove(vault.string() + ".db-ingest.lock");
  }
  fs::remove_all(work);
  return 0;
}
