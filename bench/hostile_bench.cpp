// hostile_bench [--work DIR]: the cost of each file of the hostile corpus
// (tests/support/hostile_vault.h) on its own. Each is ingested alone into a fresh
// database in a child process, so the peak memory printed is that ingest's own.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.h"
#include "notestore/notestore.h"
#include "support/hostile_vault.h"

namespace {

namespace fs = std::filesystem;

struct Measurement {
  double seconds = -1;
  double peak_rss_mb = 0;
  long long diagnostics = 0;
};

// Ingests `vault` into `db` in a child process and reports what it cost.
Measurement MeasureInChild(const std::string& vault, const std::string& db) {
  const notestore::bench::ChildResult r =
      notestore::bench::RunInChild([&](double* values, char* /*text*/) {
        const notestore::IngestReport report = notestore::Store::open(db).ingest(vault);
        for (const auto& [severity, n] : report.diagnostics) values[0] += static_cast<double>(n);
        return true;
      });
  if (!r.ok) return Measurement{};
  return Measurement{r.seconds, r.peak_rss_mb, static_cast<long long>(r.values[0])};
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
                m.peak_rss_mb, m.diagnostics);
    std::fflush(stdout);
    fs::remove_all(vault);
    fs::remove(vault.string() + ".db");
    fs::remove(vault.string() + ".db-ingest.lock");
  }
  fs::remove_all(work);
  return 0;
}
