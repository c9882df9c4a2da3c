// notestore_bench [--notes 1000,20000,100000] [--work DIR] [--rounds K] [--threads T]
//                 [--watch-rounds K] [--no-queries | --queries-only]
//
// For each vault size: generates the vault (bench/genvault's generator, seed 42) unless
// it is already there, then measures
//   - the floor: reading every file, and reading plus parsing them (decode, repair,
//     parse, extract), on one thread and on all cores, without a database;
//   - a full ingest into a new database: time, notes/s, MB/s, peak memory, phases, size;
//   - re-syncing with nothing changed, and with 1% of the notes changed;
//   - query latency p50/p99 on the result: tasks by owner, person and account profiles,
//     and searches for rare words, common words, phrases and prefixes;
//   - `notestore watch`: from saving a note to finding it by search, and to the end of
//     the sync (vault-wide pass included).
// Every ingest runs in a child process, so its peak memory is its own.
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api/prepared_file.h"
#include "bench_support.h"
#include "decode/note_text.h"
#include "notestore/notestore.h"
#include "scan/vault_scanner.h"
#include "util/huge_page_malloc.h"
#include "util/ordered_parallel.h"
#include "vault_generator.h"

namespace {

namespace fs = std::filesystem;
using notestore::bench::ChildResult;
using notestore::bench::Clock;
using notestore::bench::Percentile;
using notestore::bench::RunInChild;
using notestore::bench::SecondsSince;

struct Settings {
  std::vector<int> sizes = {1000, 20000, 100000};
  std::string work = "build/bench-work";
  int rounds = 200;
  int threads = 0;  // 0: one per core.
  bool queries = true;
  bool queries_only = false;  // Time the queries on the database of an earlier run.
  int watch_rounds = 10;      // Notes saved one after another under a watcher.
};

double MegaBytes(double bytes) { return bytes / 1e6; }

uintmax_t DatabaseBytes(const std::string& db) {
  uintmax_t total = 0;
  for (const char* suffix : {"", "-wal"}) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(db + suffix, ec);
    if (!ec) total += size;
  }
  return total;
}

void RemoveDatabase(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal", "-ingest.lock"})
    fs::remove(db + suffix);
}

// Reads (and, with `parse`, prepares) every file of the vault on `threads` threads.
// Returns the seconds taken; *bytes gets the bytes read.
double Floor(const std::string& vault, int threads, bool parse, double* bytes) {
  const auto start = Clock::now();
  const notestore::scan::ScanResult scan = notestore::scan::ScanVault(vault, {});
  const notestore::IngestOptions options;
  const notestore::parse::ParseOptions parse_options = notestore::api::ParseOptionsFor(options);
  double total = 0;
  notestore::util::OrderedParallelMap<size_t>(
      scan.files.size(), threads, static_cast<size_t>(threads) * 32,
      [&](size_t i) -> size_t {
        const notestore::scan::ScannedFile& file = scan.files[i];
        if (parse) {
          const notestore::api::PreparedFile p =
              notestore::api::PrepareFile(file, nullptr, true, options, parse_options, nullptr);
          return p.note ? p.note->body.size() + p.note->tasks.size() : 0;
        }
        std::string text;
        notestore::Diagnostics diags;
        notestore::decode::ReadFile(file.abs_path, options.max_file_bytes, &text, &diags);
        return text.size();
      },
      [&](size_t i, size_t) { total += static_cast<double>(scan.files[i].size); });
  *bytes = total;
  return SecondsSince(start);
}

// An ingest in a child process. values: 0 notes parsed, 1 scan s, 2 parse+write s,
// 3 resolve s; text: each step's seconds (IngestReport::steps).
ChildResult Ingest(const std::string& vault, const std::string& db, int threads) {
  return RunInChild([&](double* values, char* text) {
    notestore::IngestOptions options;
    options.me = notestore::bench::GeneratorOptions().me;
    options.threads = threads;
    const auto start = Clock::now();
    Clock::time_point parsing = start, resolving = start;
    options.on_progress = [&](const notestore::IngestProgress& p) {
      if (p.phase == notestore::IngestProgress::Phase::kParsing && parsing == start)
        parsing = Clock::now();
      if (p.phase == notestore::IngestProgress::Phase::kResolving) resolving = Clock::now();
    };
    const notestore::IngestReport report = notestore::Store::open(db).ingest(vault, options);
    const auto done = Clock::now();
    if (resolving == start) resolving = done;
    if (parsing == start) parsing = resolving;
    values[0] = static_cast<double>(report.files_parsed);
    values[1] = std::chrono::duration<double>(parsing - start).count();
    values[2] = std::chrono::duration<double>(resolving - parsing).count();
    values[3] = std::chrono::duration<double>(done - resolving).count();
    std::string steps;
    for (const notestore::IngestStep& step : report.steps) {
      char one[64];
      std::snprintf(one, sizeof one, "%s%s %.2f", steps.empty() ? "" : ", ", step.name.c_str(),
                    step.seconds);
      steps += one;
    }
    std::snprintf(text, sizeof ChildResult{}.text, "%s", steps.c_str());
    return true;
  });
}

// Appends an action item to every 100th note; returns the originals to put back.
std::vector<std::pair<std::string, std::string>> ChangeOnePercent(const std::string& vault) {
  std::vector<std::pair<std::string, std::string>> originals;
  const notestore::scan::ScanResult scan = notestore::scan::ScanVault(vault, {});
  for (size_t i = 0; i < scan.files.size(); i += 100) {
    std::ifstream in(scan.files[i].abs_path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    originals.emplace_back(scan.files[i].abs_path, text.str());
    std::ofstream out(scan.files[i].abs_path, std::ios::binary | std::ios::app);
    out << "\n- [ ] Re-check the benchmark change " << i << " @Alex Rivera 📅 2026-12-01\n";
  }
  return originals;
}

void Restore(const std::vector<std::pair<std::string, std::string>>& originals) {
  for (const auto& [path, text] : originals) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  }
}

// Times `query(i)` `rounds` times; prints p50 and p99.
void Measure(const char* name, int rounds, const std::function<size_t(int)>& query,
             std::vector<double>* all = nullptr) {
  std::vector<double> micros;
  size_t results = 0;
  for (int i = 0; i < rounds; ++i) {
    const auto start = Clock::now();
    results += query(i);
    micros.push_back(SecondsSince(start) * 1e6);
  }
  if (all) all->insert(all->end(), micros.begin(), micros.end());
  std::printf("  %-26s p50 %9.3f ms   p99 %9.3f ms   %7.1f results\n", name,
              Percentile(micros, 0.5) / 1000, Percentile(micros, 0.99) / 1000,
              static_cast<double>(results) / rounds);
}

void Queries(const std::string& db, int rounds) {
  notestore::OpenOptions read_only;
  read_only.read_only = true;
  const notestore::Store store = notestore::Store::open(db, read_only);
  std::vector<std::string> people;
  for (const notestore::Person& p : store.people()) {
    if (p.open_tasks > 0) people.push_back(p.name);
  }
  std::vector<std::string> accounts;
  for (const notestore::Account& a : store.accounts()) accounts.push_back(a.name);
  if (people.empty() || accounts.empty()) return;
  // Words by rank in the generator's Zipf vocabulary: rare ones from the tail, common
  // content words near the top (after the function words), phrases of two of them.
  const std::vector<std::string>& vocabulary = notestore::bench::GeneratedVocabulary();
  std::vector<std::string> rare, common, phrases, prefixes;
  for (size_t i = 0; i < 10; ++i) {
    rare.push_back(vocabulary[vocabulary.size() - 1 - i * 37]);
    common.push_back(vocabulary[10 + i]);
    phrases.push_back("\"" + vocabulary[10 + i] + " " + vocabulary[11 + i] + "\"");
    prefixes.push_back(vocabulary[30 + i * 5].substr(0, 4) + "*");
  }
  std::printf("queries (%d runs each):\n", rounds);
  Measure("tasks by owner (open)", rounds, [&](int i) {
    notestore::TaskQuery q;
    q.owner = people[static_cast<size_t>(i) % people.size()];
    q.statuses = {notestore::TaskStatus::kOpen, notestore::TaskStatus::kInProgress};
    return store.tasks(q).size();
  });
  Measure("person profile", rounds, [&](int i) {
    return store.person(people[static_cast<size_t>(i * 7) % people.size()]).meetings.size();
  });
  Measure("account profile", rounds, [&](int i) {
    return store.account(accounts[static_cast<size_t>(i) % accounts.size()]).meetings.size();
  });
  // A page's worth: the latest 20 meetings, the soonest 20 tasks, and so on.
  notestore::ProfileOptions page;
  page.limit = 20;
  Measure("person profile (20 each)", rounds, [&](int i) {
    return store.person(people[static_cast<size_t>(i * 7) % people.size()], page).meetings.size();
  });
  Measure("account profile (20 each)", rounds, [&](int i) {
    return store.account(accounts[static_cast<size_t>(i) % accounts.size()], page).meetings.size();
  });
  std::vector<double> mix;
  auto search = [&](const std::vector<std::string>& terms) {
    return [&store, &terms](int i) {
      return store.search(terms[static_cast<size_t>(i) % terms.size()]).size();
    };
  };
  Measure("search: rare word", rounds, search(rare), &mix);
  Measure("search: common word", rounds, search(common), &mix);
  Measure("search: phrase", rounds, search(phrases), &mix);
  Measure("search: prefix", rounds, search(prefixes), &mix);
  std::printf("  %-26s p50 %9.3f ms   p99 %9.3f ms\n", "search: the four mixed",
              Percentile(mix, 0.5) / 1000, Percentile(mix, 0.99) / 1000);
}

// Saves notes one at a time under a VaultWatcher (on its own thread) and times, for
// each, how long until a search finds the word it gained and until its sync is done.
void WatchLatency(const std::string& vault, const std::string& db, int rounds, int threads) {
  if (rounds <= 0) return;
  notestore::Store store = notestore::Store::open(db);
  notestore::WatchOptions options;
  options.ingest.threads = threads;
  options.ingest.count_rows = false;  // As `notestore watch` runs, without --json.
  notestore::VaultWatcher watcher(store, vault, options);
  std::mutex mu;
  std::condition_variable cv;
  int syncs = 0;
  std::thread thread([&] {
    watcher.run([&](const notestore::WatchSync&) {
      std::lock_guard<std::mutex> lock(mu);
      ++syncs;
      cv.notify_all();
    });
  });
  auto wait_for_sync = [&](int n) {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return syncs >= n; });
  };
  wait_for_sync(1);  // The first, full sync: nothing changed since the last ingest.
  notestore::OpenOptions read_only;
  read_only.read_only = true;
  const notestore::Store reader = notestore::Store::open(db, read_only);
  const notestore::scan::ScanResult scan = notestore::scan::ScanVault(vault, {});
  std::vector<std::pair<std::string, std::string>> originals;
  std::vector<double> found_ms, synced_ms;
  for (int r = 0; r < rounds; ++r) {
    const std::string& path =
        scan.files[(static_cast<size_t>(r) * 997) % scan.files.size()].abs_path;
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    originals.emplace_back(path, text.str());
    const std::string word = "zqwatchword" + std::to_string(r);
    const auto start = Clock::now();
    std::ofstream(path, std::ios::binary | std::ios::app) << "\nSaved with " << word << "\n";
    while (reader.search(word).empty()) std::this_thread::sleep_for(std::chrono::microseconds(500));
    found_ms.push_back(SecondsSince(start) * 1000);
    wait_for_sync(2 + r);
    synced_ms.push_back(SecondsSince(start) * 1000);
  }
  Restore(originals);
  watcher.stop();
  thread.join();
  std::printf(
      "watch, %d notes saved one at a time: searchable after p50 %.0f ms (max %.0f); "
      "sync done after p50 %.0f ms (max %.0f)\n",
      rounds, Percentile(found_ms, 0.5), Percentile(found_ms, 1.0), Percentile(synced_ms, 0.5),
      Percentile(synced_ms, 1.0));
}

void RunSize(const Settings& s, int notes) {
  const std::string vault = s.work + "/vault-" + std::to_string(notes);
  const std::string db = s.work + "/bench-" + std::to_string(notes) + ".db";
  if (!fs::exists(vault)) {
    const ChildResult gen = RunInChild([&](double* values, char* /*text*/) {
      notestore::bench::GeneratorOptions options;
      options.notes = notes;
      values[0] = static_cast<double>(
          notestore::bench::WriteVault(notestore::bench::GenerateVault(options), vault));
      return true;
    });
    std::printf("generated %s: %.1f MB in %.1f s\n", vault.c_str(), MegaBytes(gen.values[0]),
                gen.seconds);
  }
  if (s.queries_only && fs::exists(db)) {
    std::printf("\n== %d notes (%s)\n", notes, db.c_str());
    Queries(db, s.rounds);
    return WatchLatency(vault, db, s.watch_rounds, s.threads);
  }
  const int cores = notestore::util::WorkerThreads(s.threads);
  std::printf("\n== %d notes (%s), %d threads\n", notes, vault.c_str(), cores);
  double bytes = 0;
  Floor(vault, cores, false, &bytes);  // Warms the file cache.
  const double read1 = Floor(vault, 1, false, &bytes);
  const double readn = Floor(vault, cores, false, &bytes);
  const double parse1 = Floor(vault, 1, true, &bytes);
  const double parsen = Floor(vault, cores, true, &bytes);
  const double mb = MegaBytes(bytes);
  std::printf(
      "floor: read %.2f s (1 thread) %.2f s (%d); read+parse %.2f s (1 thread) %.2f s "
      "(%d) = %.0f notes/s, %.1f MB/s\n",
      read1, readn, cores, parse1, parsen, cores, notes / parsen, mb / parsen);

  RemoveDatabase(db);
  const ChildResult full = Ingest(vault, db, s.threads);
  const double db_mb = MegaBytes(static_cast<double>(DatabaseBytes(db)));
  std::printf(
      "full ingest: %.2f s = %.0f notes/s, %.1f MB/s (%.1fx the read+parse floor); "
      "peak RSS %.0f MB; database %.0f MB\n",
      full.seconds, full.values[0] / full.seconds, mb / full.seconds, full.seconds / parsen,
      full.peak_rss_mb, db_mb);
  std::printf("  phases: scan %.2f s, parse+write %.2f s, resolve %.2f s\n", full.values[1],
              full.values[2], full.values[3]);
  std::printf("  steps (s): %s\n", full.text);
  const ChildResult same = Ingest(vault, db, s.threads);
  std::printf("re-sync, nothing changed: %.3f s (peak RSS %.0f MB)\n  steps (s): %s\n",
              same.seconds, same.peak_rss_mb, same.text);
  const auto originals = ChangeOnePercent(vault);
  const ChildResult one = Ingest(vault, db, s.threads);
  std::printf("re-sync, 1%% changed (%zu notes): %.3f s (parse+write %.2f s, resolve %.2f s)\n",
              originals.size(), one.seconds, one.values[2], one.values[3]);
  std::printf("  steps (s): %s\n", one.text);
  Restore(originals);
  const ChildResult back = Ingest(vault, db, s.threads);
  if (!full.ok || !same.ok || !one.ok || !back.ok) std::printf("AN INGEST FAILED\n");
  WatchLatency(vault, db, s.watch_rounds, s.threads);
  if (s.queries) Queries(db, s.rounds);
}

std::vector<int> ParseSizes(const std::string& list) {
  std::vector<int> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(std::atoi(item.c_str()));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  // Measured as the notestore command runs (util/huge_page_malloc.h).
  notestore::util::RerunWithHugePageMalloc(argv);
  Settings s;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const bool has_value = i + 1 < argc;
    if (flag == "--notes" && has_value) {
      s.sizes = ParseSizes(argv[++i]);
    } else if (flag == "--work" && has_value) {
      s.work = argv[++i];
    } else if (flag == "--rounds" && has_value) {
      s.rounds = std::atoi(argv[++i]);
    } else if (flag == "--threads" && has_value) {
      s.threads = std::atoi(argv[++i]);
    } else if (flag == "--watch-rounds" && has_value) {
      s.watch_rounds = std::atoi(argv[++i]);
    } else if (flag == "--no-queries") {
      s.queries = false;
    } else if (flag == "--queries-only") {
      s.queries_only = true;
    } else {
      std::fprintf(
          stderr,
          "usage: notestore_bench [--notes 1000,20000,100000] [--work DIR] "
          "[--rounds K] [--threads T] [--watch-rounds K] [--no-queries | --queries-only]\n");
      return 2;
    }
  }
  fs::create_directories(s.work);
  std::printf("malloc: %s\n", notestore::util::HugePageMallocRequested()
                                  ? "huge pages asked for, as notestore ingest and watch "
                                    "do (here the floor and queries too; "
                                    "NOTESTORE_HUGE_PAGES=0: without)"
                                  : "as the system gives it");
  for (int notes : s.sizes) RunSize(s, notes);
  return 0;
}
