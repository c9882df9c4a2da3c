// query_bench [--notes N] [--work DIR] [--rounds K]: generates a vault of N notes
// (default 20,000), ingests it, and prints latency percentiles of the common queries.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "notestore/notestore.h"
#include "vault_generator.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

struct Latency {
  std::string name;
  std::vector<double> micros;
};

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

// Runs `query(i)` `rounds` times, timing each call.
Latency Measure(const std::string& name, int rounds, const std::function<size_t(int)>& query) {
  Latency l{name, {}};
  size_t results = 0;
  for (int i = 0; i < rounds; ++i) {
    const auto start = Clock::now();
    results += query(i);
    l.micros.push_back(Seconds(start) * 1e6);
  }
  std::printf("  %-28s p50 %8.1f us   p99 %8.1f us   (%d runs, %.1f results each)\n", name.c_str(),
              Percentile(l.micros, 0.5), Percentile(l.micros, 0.99), rounds,
              static_cast<double>(results) / rounds);
  return l;
}

}  // namespace

int main(int argc, char** argv) {
  int notes = 20000;
  int rounds = 200;
  std::string work = "build/bench-work";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--notes")
      notes = std::atoi(argv[i + 1]);
    else if (flag == "--work")
      work = argv[i + 1];
    else if (flag == "--rounds")
      rounds = std::atoi(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: query_bench [--notes N] [--work DIR] [--rounds K]\n");
      return 2;
    }
  }
  namespace fs = std::filesystem;
  notestore::bench::GeneratorOptions gen;
  gen.notes = notes;
  const std::string vault = work + "/vault-" + std::to_string(notes);
  const std::string db = work + "/query-bench-" + std::to_string(notes) + ".db";
  if (!fs::exists(vault)) {
    const auto start = Clock::now();
    const int64_t bytes = notestore::bench::WriteVault(notestore::bench::GenerateVault(gen), vault);
    std::printf("generated %d notes (%.1f MB) in %.1f s\n", notes, static_cast<double>(bytes) / 1e6,
                Seconds(start));
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
  notestore::IngestOptions ingest;
  ingest.me = gen.me;
  const auto start = Clock::now();
  const notestore::IngestReport report = notestore::Store::open(db).ingest(vault, ingest);
  std::printf("ingested %lld notes in %.2f s (%lld tasks, %lld people)\n",
              static_cast<long long>(report.files_parsed), Seconds(start),
              static_cast<long long>(report.table_rows.at("tasks")),
              static_cast<long long>(report.table_rows.at("people")));

  notestore::OpenOptions read_only;
  read_only.read_only = true;
  const notestore::Store store = notestore::Store::open(db, read_only);
  std::vector<std::string> people;
  for (const notestore::Person& p : store.people()) {
    if (p.open_tasks > 0) people.push_back(p.name);
  }
  std::vector<std::string> accounts;
  for (const notestore::Account& a : store.accounts()) accounts.push_back(a.name);
  // Words by their rank in the generator's Zipf vocabulary: rare ones deep in the tail,
  // common content words near the top (after the function words), phrases of two of them.
  const std::vector<std::string>& vocabulary = notestore::bench::GeneratedVocabulary();
  std::vector<std::string> rare, common, phrases, prefixes;
  for (size_t i = 0; i < 10; ++i) {
    rare.push_back(vocabulary[vocabulary.size() - 1 - i * 37]);
    common.push_back(vocabulary[10 + i]);
    phrases.push_back("\"" + vocabulary[10 + i] + " " + vocabulary[11 + i] + "\"");
    prefixes.push_back(vocabulary[30 + i * 5].substr(0, 4) + "*");
  }

  std::printf("query latency on %d notes:\n", notes);
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
  auto search = [&](const std::vector<std::string>& terms) {
    return [&store, &terms](int i) {
      return store.search(terms[static_cast<size_t>(i) % terms.size()]).size();
    };
  };
  Measure("search: rare word", rounds, search(rare));
  Measure("search: common word", rounds, search(common));
  Measure("search: phrase", rounds, search(phrases));
  Measure("search: prefix", rounds, search(prefixes));
  return 0;
}
