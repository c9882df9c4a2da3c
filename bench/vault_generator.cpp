#include "vault_generator.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace notestore::bench {
namespace {

// splitmix64: a small PRNG whose output is the same on every platform (the standard
// distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) / 9007199254740992.0 < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Below(static_cast<int>(v.size())))];
  }

 private:
  uint64_t state_;
};

const std::vector<std::string> kFirst = {
    "Ada",   "Ben",  "Chloe", "Dev",    "Elena", "Farid", "Grace", "Hiro",  "Ines",
    "Jonas", "Kira", "Luis",  "Maya",   "Nico",  "Olga",  "Pavel", "Quinn", "Rosa",
    "Sami",  "Tara", "Uma",   "Viktor", "Wen",   "Xavi",  "Yara",  "Zane",  "Amir",
    "Bea",   "Carl", "Dina",  "Emil",   "Fay",   "Gus",   "Hana"};
const std::vector<std::string> kLast = {
    "Okafor",   "Lindqvist", "Moreau",  "Tanaka",  "Schultz", "Haddad",   "Novak",
    "Reyes",    "Kowalski",  "Brennan", "Ivanova", "Mensah",  "Costa",    "Fischer",
    "Nakamura", "Oliveira",  "Petrov",  "Quint",   "Rahman",  "Sorensen", "Turner",
    "Ueda",     "Vargas",    "Weiss",   "Yilmaz",  "Zhou",    "Abbott",   "Baker"};
const std::vector<std::string> kCompanyA = {
    "Blue",  "Iron",   "North",  "Silver", "Cedar",   "Harbor", "Granite", "Summit",
    "River", "Falcon", "Aurora", "Delta",  "Pioneer", "Vector", "Quantum", "Atlas"};
const std::vector<std::string> kCompanyB = {
    "Robotics", "Health", "Logistics", "Labs",  "Systems", "Energy", "Foods",   "Analytics",
    "Cloud",    "Motors", "Bank",      "Media", "Pharma",  "Retail", "Networks"};
const std::vector<std::string> kRoles = {"CTO",
                                         "VP Engineering",
                                         "Head of Data",
                                         "Buyer",
                                         "Solutions architect",
                                         "Account lead",
                                         "Director of IT",
                                         "Platform lead",
                                         "Security officer",
                                         "Product manager"};
const std::vector<std::string> kStatuses = {"Prospect", "Pilot", "Customer", "Churned", "Partner"};
const std::vector<std::string> kIndustries = {"Healthcare",    "Logistics", "Retail", "Finance",
                                              "Manufacturing", "Media",     "Energy", "_Unknown_"};

// Words by frequency rank: the first ones appear often, the last ones rarely.
const std::vector<std::string> kWords = {
    "the",          "storage",     "data",         "team",          "plan",          "cluster",
    "pilot",        "migration",   "cost",         "latency",       "archive",       "network",
    "security",     "review",      "budget",       "timeline",      "capacity",      "region",
    "contract",     "renewal",     "throughput",   "backup",        "metadata",      "namespace",
    "tiering",      "cache",       "replication",  "compliance",    "encryption",    "roadmap",
    "inference",    "training",    "telemetry",    "warehouse",     "checkpoint",    "benchmark",
    "firmware",     "kernel",      "quota",        "dashboard",     "alerting",      "failover",
    "snapshot",     "retention",   "governance",   "procurement",   "onboarding",    "escalation",
    "bottleneck",   "utilization", "forecast",     "headcount",     "integration",   "connector",
    "gateway",      "partition",   "shard",        "consistency",   "durability",    "egress",
    "ingest",       "pipeline",    "scheduler",    "orchestration", "observability", "runbook",
    "postmortem",   "incident",    "outage",       "upgrade",       "deprecation",   "licensing",
    "pricing",      "discount",    "invoice",      "milestone",     "stakeholder",   "sponsor",
    "architecture", "prototype",   "evaluation",   "questionnaire", "certification", "sovereignty",
    "residency",    "latitude",    "hyperscaler",  "colocation",    "rack",          "power",
    "cooling",      "fabric",      "switch",       "transceiver",   "optics",        "nvme",
    "flash",        "tape",        "glacier",      "objectstore",   "posix",         "kerberos",
    "ldap",         "saml",        "terraform",    "helm",          "kubernetes",    "operator",
    "sidecar",      "mesh",        "lakehouse",    "parquet",       "iceberg",       "vectorindex",
    "embedding",    "tokenizer",   "quantization", "distillation",  "fairwater",     "zettabyte",
    "petaflop",     "exabyte"};

// The vocabulary by frequency rank: function words, then the domain words above, then
// made-up words, so that a Zipf draw gives a few very common words and a long tail of
// rare ones, as real notes have.
const std::vector<std::string>& Vocabulary() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> v = {"the", "and", "to", "of", "for", "with", "on", "in", "is", "we"};
    v.insert(v.end(), kWords.begin(), kWords.end());
    static const char* const kSyllables[] = {"ka", "lo",  "mi", "ren", "tu",  "sa", "vel", "dor",
                                             "pi", "nex", "ra", "quo", "zen", "fi", "gar", "bo"};
    for (int a = 0; a < 16; ++a) {
      for (int b = 0; b < 16; ++b) {
        for (int c = 0; c < 16; c += 2)
          v.push_back(std::string(kSyllables[a]) + kSyllables[b] + kSyllables[(c + a) % 16]);
      }
    }
    return v;
  }();
  return words;
}

std::string Word(Rng& rng) {
  // Zipf-like: rank r chosen with probability ~ 1/r, by inverting the harmonic sum.
  const std::vector<std::string>& vocabulary = Vocabulary();
  const double u = static_cast<double>(rng.Next() >> 11) / 9007199254740992.0;
  const double n = static_cast<double>(vocabulary.size());
  const size_t rank = static_cast<size_t>(std::exp(u * std::log(n + 1.0))) - 1;
  return vocabulary[std::min(rank, vocabulary.size() - 1)];
}

std::string Sentence(Rng& rng, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    std::string w = Word(rng);
    if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    s += (i ? " " : "") + w;
  }
  return s + ".";
}

std::string DateString(int day_index) {  // Days after 2024-01-01, in a simple 28-day month.
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2024 + day_index / 336,
                1 + (day_index / 28) % 12, 1 + day_index % 28);
  return buf;
}

// What a UTF-8 string looks like after being read as Windows-1252 (undefined bytes
// dropped), as in the user's damaged notes.
std::string Mangle(const std::string& s) {
  static const char16_t kHigh[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  for (unsigned char b : s) {
    char32_t cp = b;
    if (b >= 0x80 && b <= 0x9F) {
      cp = kHigh[b - 0x80];
      if (cp == 0) continue;
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

struct World {
  std::vector<std::string> people;
  std::vector<std::string> accounts;
  std::vector<std::string> projects;
};

World MakeWorld(const GeneratorOptions& o) {
  World w;
  Rng rng(o.seed ^ 0xA5A5);
  // Unique names: first x last, then with a middle initial.
  const size_t people = static_cast<size_t>(std::max(8, o.notes / 20));
  for (size_t i = 0; w.people.size() < people; ++i) {
    const size_t pair = i % (kFirst.size() * kLast.size());
    std::string name = kFirst[pair % kFirst.size()] + " ";
    if (i >= kFirst.size() * kLast.size()) {
      name +=
          std::string(1, static_cast<char>('A' + (i / (kFirst.size() * kLast.size()) - 1) % 26)) +
          ". ";
    }
    w.people.push_back(name + kLast[pair / kFirst.size()]);
  }
  const size_t accounts = static_cast<size_t>(std::max(3, o.notes / 100));
  for (size_t i = 0; w.accounts.size() < accounts; ++i) {
    const size_t pair = i % (kCompanyA.size() * kCompanyB.size());
    std::string name =
        kCompanyA[pair % kCompanyA.size()] + " " + kCompanyB[pair / kCompanyA.size()];
    if (i >= kCompanyA.size() * kCompanyB.size()) name += " " + kFirst[i % kFirst.size()];
    w.accounts.push_back(name);
  }
  for (int i = 0; i < std::max(2, o.notes / 200); ++i) {
    w.projects.push_back(Sentence(rng, 3).substr(0, 30) + " " + std::to_string(i));
  }
  return w;
}

std::string Slug(std::string s) {
  for (char& c : s)
    c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string TaskLine(Rng& rng, const GeneratorOptions& o, const std::vector<std::string>& attendees,
                     int day, const std::string& text) {
  std::string owner;
  const int pick = rng.Below(10);
  if (pick < 3)
    owner = "@Myself";
  else if (pick < 5) {
    const std::string& who = rng.Pick(attendees);  // By first name, as "@Jack".
    owner = "@" + who.substr(0, who.find(' '));
  } else if (pick < 9)
    owner = "@" + rng.Pick(attendees);
  else
    owner = "@TBD";
  std::string line = "- [" +
                     std::string(rng.Chance(0.2)   ? "x"
                                 : rng.Chance(0.1) ? "?"
                                                   : " ") +
                     "] " + text + " " + owner;
  if (rng.Chance(0.7)) line += " 📅 " + DateString(day + rng.Between(3, 40));
  if (rng.Chance(0.4)) line += " " + rng.Pick(std::vector<std::string>{"⏫", "🔼", "🔽", "🔺"});
  line += " #task";
  (void)o;
  return line;
}

std::string MeetingNote(Rng& rng, const GeneratorOptions& o, const World& w, int index, int day,
                        std::vector<std::string>* attendees_out) {
  std::vector<std::string> attendees = {o.me};
  for (int i = rng.Between(1, 4); i > 0; --i) {
    const std::string& p = rng.Pick(w.people);
    if (std::find(attendees.begin(), attendees.end(), p) == attendees.end()) attendees.push_back(p);
  }
  *attendees_out = attendees;
  const bool has_account = rng.Chance(0.7);
  const std::string account = has_account ? rng.Pick(w.accounts) : "";
  const std::string title = Sentence(rng, rng.Between(3, 7));
  std::string t;
  const int style = index % 3;  // The seeds' three frontmatter styles.
  if (style == 0) {
    t += "---\ntype: people\ntitle: " + title.substr(0, title.size() - 1) + "\ndate: '" +
         DateString(day) + "'\nparticipants:\n";
    for (const std::string& a : attendees) t += "- " + a + "\n";
    t += "source: transcript\ntags:\n- type/people\n" +
         (has_account ? "- account/" + Slug(account) + "\n" : std::string()) +
         "- generated\n---\n\n";
  } else if (style == 1) {
    t += "---\ntype: \"customer\"\ntitle: \"" + title + "\"\ndate: \"" + DateString(day) + "\"\n";
    if (has_account) t += "account: \"" + account + "\"\n";
    t += "participants: [";
    for (size_t i = 0; i < attendees.size(); ++i) t += (i ? ", \"" : "\"") + attendees[i] + "\"";
    t += "]\ntags:\n  - \"type/customer\"\n---\n\n";
  } else {
    t += "---\ntype: meeting\n---\n\n";
  }
  t += "# " + title + "\n\n**Date**: " + DateString(day) + "\n";
  if (has_account) t += "**Account**: [[" + account + "]]\n";
  t += "**Attendees**: ";
  for (size_t i = 0; i < attendees.size(); ++i) t += (i ? ", " : "") + attendees[i];
  t += "\n\n## Summary\n\n";
  while (static_cast<int>(t.size()) < o.target_bytes / 2)
    t += Sentence(rng, rng.Between(8, 20)) + " ";
  t += "\n\n## Action Items\n\n";
  std::vector<std::string> items;
  for (int i = rng.Between(5, 15); i > 0; --i) items.push_back(Sentence(rng, rng.Between(6, 14)));
  std::string tasks;
  for (const std::string& item : items) tasks += TaskLine(rng, o, attendees, day, item) + "\n";
  if (rng.Chance(o.duplicate_rate)) {
    for (const std::string& item : items)
      tasks += TaskLine(rng, o, attendees, day, "Again: " + item) + "\n";
  }
  t += rng.Chance(o.mojibake_rate) ? Mangle(tasks) : tasks;
  t += "\n## Decisions\n\n";
  for (int i = rng.Between(1, 3); i > 0; --i) t += "- " + Sentence(rng, rng.Between(6, 12)) + "\n";
  t += "\n## Key Information\n\n";
  for (int i = rng.Between(3, 8); i > 0; --i) t += "- " + Sentence(rng, rng.Between(8, 16)) + "\n";
  while (static_cast<int>(t.size()) < o.target_bytes) t += "- " + Sentence(rng, 12) + "\n";
  t += "\n## Related\n\n";
  for (size_t i = 1; i < attendees.size(); ++i) t += "- [[" + attendees[i] + "]]\n";
  if (has_account) t += "- [[" + account + "]]\n";
  return t;
}

std::string PersonNote(Rng& rng, const World& w, const std::string& name) {
  std::string t = "---\ntype: person\naliases: [" + name.substr(0, name.find(' ')) +
                  "]\nrole: " + rng.Pick(kRoles) + "\ncompany: \"[[" + rng.Pick(w.accounts) +
                  "]]\"\n---\n\n# " + name + "\n\n## Key Facts\n\n";
  for (int i = rng.Between(2, 5); i > 0; --i) t += "- " + Sentence(rng, rng.Between(6, 12)) + "\n";
  return t;
}

std::string AccountNote(Rng& rng, const World& w, const std::string& name) {
  std::string t = "---\ntype: customer\ntitle: " + name +
                  "\nstatus: active\ntags:\n- type/customer\n---\n\n# " + name +
                  "\n\n## Account Status\n\n| Field | Value |\n|-------|-------|\n| **Status** | " +
                  rng.Pick(kStatuses) + " |\n| **Industry** | " + rng.Pick(kIndustries) +
                  " |\n\n## Key Contacts\n\n";
  for (int i = rng.Between(1, 3); i > 0; --i) t += "- [[" + rng.Pick(w.people) + "]]\n";
  t += "\n## Current Blockers\n\n- ❌ " + Sentence(rng, 8) + "\n\n## Opportunities\n\n- " +
       Sentence(rng, 9) +
       "\n\n## Open Tasks\n\n```dataview\nTASK\nFROM \"\"\nWHERE !completed\n```\n" +
       "\n## Key Decisions\n\n- ✅ " + Sentence(rng, 10) +
       "\n\n## Collaborators\n\n| Person | Role | Company |\n|--------|------|---------|\n";
  for (int i = rng.Between(1, 3); i > 0; --i) {
    t += "| [[" + rng.Pick(w.people) + "]] | " + rng.Pick(kRoles) + " | Northwind Data |\n";
  }
  return t;
}

std::string ProjectNote(Rng& rng, const World& w, const std::string& name) {
  std::string t = "---\ntype: projects\ntitle: " + name + "\n---\n\n# " + name +
                  "\n\n## Status\n\n| Field | Value |\n|-------|-------|\n| **Status** | active |\n"
                  "| **Owner** | " +
                  rng.Pick(w.people) + " |\n\n## Next Steps\n\n";
  for (int i = rng.Between(2, 5); i > 0; --i) t += "- [ ] " + Sentence(rng, 7) + "\n";
  t += "\n## Key Decisions\n\n- ✅ " + Sentence(rng, 10) + "\n";
  return t;
}

}  // namespace

std::vector<std::string> GeneratedPeople(const GeneratorOptions& o) { return MakeWorld(o).people; }
const std::vector<std::string>& GeneratedVocabulary() { return Vocabulary(); }
std::vector<std::string> GeneratedAccounts(const GeneratorOptions& o) {
  return MakeWorld(o).accounts;
}

std::vector<GeneratedNote> GenerateVault(const GeneratorOptions& o) {
  const World w = MakeWorld(o);
  Rng rng(o.seed);
  std::vector<GeneratedNote> notes;
  for (const std::string& p : w.people) {
    if (static_cast<int>(notes.size()) >= o.notes / 10) break;  // Not everyone has a note.
    notes.push_back({"People/" + p + ".md", PersonNote(rng, w, p)});
  }
  for (const std::string& a : w.accounts)
    notes.push_back({"Accounts/" + a + ".md", AccountNote(rng, w, a)});
  for (const std::string& p : w.projects)
    notes.push_back({"Projects/" + p + ".md", ProjectNote(rng, w, p)});
  for (int i = 0; static_cast<int>(notes.size()) < o.notes; ++i) {
    const int day = rng.Below(900);
    std::vector<std::string> attendees;
    std::string text = MeetingNote(rng, o, w, i, day, &attendees);
    char name[64];
    std::snprintf(name, sizeof name, "Meetings/%s/%s - meeting %05d.md",
                  DateString(day).substr(0, 4).c_str(), DateString(day).c_str(), i);
    notes.push_back({name, std::move(text)});
  }
  return notes;
}

int64_t WriteVault(const std::vector<GeneratedNote>& notes, const std::string& dir) {
  namespace fs = std::filesystem;
  int64_t bytes = 0;
  for (const GeneratedNote& n : notes) {
    const fs::path p = fs::path(dir) / n.path;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << n.text;
    bytes += static_cast<int64_t>(n.text.size());
  }
  return bytes;
}

}  // namespace notestore::bench
