// Checks against real-world data from ../shared/corpora (skipped when absent):
// Obsidian's own parse results, the Tasks and Dataview demo vaults, and YAML test cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "notestore/notestore.h"
#include "parse/note_parser.h"
#include "repair/mojibake.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace notestore {
namespace {

using testing::Query;
using testing::Row;

std::optional<std::string> Corpus(const std::string& name) {
  return testing::SharedPath("corpora/" + name);
}

// Files whose difference from Obsidian is a choice this project made on purpose.
const std::map<std::string, std::string> kDeliberateDifferences = {
    {"comments_markdown_style.md",
     "Obsidian still indexes tags and links inside %% comments; notestore ignores everything "
     "commented out, as the ingest rules require"},
};

using Items = std::set<std::pair<int, std::string>>;

struct Comparison {
  std::string file;
  std::vector<std::string> differences;
};

std::string Describe(const char* what, const Items& expected, const Items& got) {
  std::ostringstream out;
  out << what << ":";
  for (const auto& e : expected) {
    if (!got.count(e)) out << " missing L" << e.first << " '" << e.second << "'";
  }
  for (const auto& g : got) {
    if (!expected.count(g)) out << " extra L" << g.first << " '" << g.second << "'";
  }
  return out.str();
}

Items FromSql(const std::string& db, const std::string& sql) {
  Items out;
  for (const Row& r : Query(db, sql)) out.emplace(std::stoi(r[0]), r[1]);
  return out;
}

TEST(ObsidianMetadata, AgreesWithObsidianOnTasksTagsHeadingsAndLinks) {
  const auto corpus = Corpus("obsidian-metadata");
  if (!corpus) GTEST_SKIP() << "../shared/corpora/obsidian-metadata is absent";
  testing::TempDir dir;
  std::map<std::string, nlohmann::json> metadata;
  for (const auto& entry : fs::directory_iterator(*corpus)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    nlohmann::json j = nlohmann::json::parse(in);
    const std::string name = entry.path().stem().string() + ".md";
    dir.Write("vault/" + name, j["fileContents"].get<std::string>());
    metadata[name] = j["cachedMetadata"];
  }
  const std::string db = dir.Join("obsidian.db");
  Store::open(db).ingest(dir.Join("vault"));

  int agree = 0;
  std::vector<Comparison> differing;
  for (const auto& [name, meta] : metadata) {
    const std::string id =
        testing::QueryValue(db, "SELECT id FROM notes WHERE path = '" + name + "'");
    Items tasks, tags, headings, links;
    for (const auto& li : meta.value("listItems", nlohmann::json::array())) {
      if (li.contains("task")) {
        tasks.emplace(li["position"]["start"]["line"].get<int>() + 1,
                      li["task"].get<std::string>());
      }
    }
    for (const auto& t : meta.value("tags", nlohmann::json::array())) {
      tags.emplace(t["position"]["start"]["line"].get<int>() + 1,
                   t["tag"].get<std::string>().substr(1));
    }
    for (const auto& h : meta.value("headings", nlohmann::json::array())) {
      headings.emplace(
          h["position"]["start"]["line"].get<int>() + 1,
          std::to_string(h["level"].get<int>()) + " " + h["heading"].get<std::string>());
    }
    for (const auto& l : meta.value("links", nlohmann::json::array())) {
      links.emplace(l["position"]["start"]["line"].get<int>() + 1, l["link"].get<std::string>());
    }
    Comparison c{name, {}};
    const Items got_tasks =
        FromSql(db, "SELECT line, status_char FROM tasks WHERE note_id = " + id);
    const Items got_tags =
        FromSql(db, "SELECT line, tag FROM tags WHERE source = 'body' AND note_id = " + id);
    const Items got_headings =
        FromSql(db, "SELECT line, level || ' ' || text FROM headings WHERE note_id = " + id);
    const Items got_links =
        FromSql(db,
                "SELECT line, target || COALESCE('#' || heading, '') FROM links "
                "WHERE style != 'frontmatter' AND embed = 0 AND note_id = " +
                    id);
    if (tasks != got_tasks) c.differences.push_back(Describe("tasks", tasks, got_tasks));
    if (tags != got_tags) c.differences.push_back(Describe("tags", tags, got_tags));
    if (headings != got_headings) {
      c.differences.push_back(Describe("headings", headings, got_headings));
    }
    if (links != got_links) c.differences.push_back(Describe("links", links, got_links));
    if (c.differences.empty()) {
      ++agree;
    } else {
      differing.push_back(c);
    }
  }
  const double rate = 100.0 * agree / static_cast<double>(metadata.size());
  std::printf("Obsidian metadata: %d of %zu files agree (%.1f%%)\n", agree, metadata.size(), rate);
  for (const Comparison& c : differing) {
    auto why = kDeliberateDifferences.find(c.file);
    std::printf("  differs: %s (%s)\n", c.file.c_str(),
                why == kDeliberateDifferences.end() ? "UNEXPLAINED" : why->second.c_str());
    for (const std::string& d : c.differences) std::printf("    %s\n", d.c_str());
    EXPECT_NE(why, kDeliberateDifferences.end()) << c.file << " differs from Obsidian";
  }
  EXPECT_GE(rate, 95.0);
  EXPECT_GE(metadata.size(), 50u);
}

bool IsOneCharacter(const std::string& s) {
  if (s.empty()) return false;
  const auto lead = static_cast<unsigned char>(s[0]);
  const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return s.size() == len;
}

// Lines that look like tasks, outside code fences and comments, by a reading independent
// of the parser: each must be stored as a task, and nothing else may be.
std::map<std::string, std::set<int>> TaskLikeLines(const std::string& vault) {
  // The status is one character, which may be several bytes of UTF-8 ("[“]").
  static const std::regex kTask(R"(^\s*(>\s*)*([-*+]|\d{1,9}[.)])\s+\[(.|..|...|....)\](\s|$))");
  static const std::regex kFence(R"(^\s*(>\s*)*(```|~~~))");
  std::map<std::string, std::set<int>> out;
  for (const auto& entry : fs::recursive_directory_iterator(vault)) {
    const std::string rel = fs::relative(entry.path(), vault).string();
    if (!entry.is_regular_file() || entry.path().extension() != ".md" || rel[0] == '.') continue;
    std::ifstream in(entry.path());
    std::string line;
    int n = 0;
    std::string fence;
    bool in_comment = false;
    while (std::getline(in, line)) {
      ++n;
      std::smatch m;
      if (!in_comment && std::regex_search(line, m, kFence)) {
        const std::string tok = m[2].str();
        if (fence.empty()) {
          fence = tok;
        } else if (tok == fence) {
          fence.clear();
        }
        continue;
      }
      if (!fence.empty()) continue;
      const bool toggles =
          line.find("%%") != std::string::npos && line.find("%%") == line.rfind("%%");
      const bool opens =
          line.find("<!--") != std::string::npos && line.find("-->") == std::string::npos;
      const bool closes =
          line.find("-->") != std::string::npos && line.find("<!--") == std::string::npos;
      if (in_comment) {
        if (toggles || closes) in_comment = false;
        continue;
      }
      if (toggles || opens) {
        in_comment = true;
        continue;
      }
      std::smatch task;
      if (std::regex_search(line, task, kTask) && IsOneCharacter(task[3].str())) out[rel].insert(n);
    }
  }
  return out;
}

void ExpectEveryTaskLineAccountedFor(const std::string& vault) {
  testing::TempDir dir;
  const std::string db = dir.Join("v.db");
  const IngestReport report = Store::open(db).ingest(vault);
  EXPECT_EQ(report.files_failed, 0);
  std::map<std::string, std::set<int>> stored;
  for (const Row& r :
       Query(db, "SELECT n.path, t.line FROM tasks t JOIN notes n ON n.id = t.note_id")) {
    stored[r[0]].insert(std::stoi(r[1]));
  }
  const auto expected = TaskLikeLines(vault);
  size_t total = 0;
  for (const auto& [path, lines] : expected) total += lines.size();
  size_t stored_total = 0;
  for (const auto& [path, lines] : stored) stored_total += lines.size();
  std::printf("%s: %zu task lines, %zu tasks stored\n", vault.c_str(), total, stored_total);
  std::set<std::string> paths;
  for (const auto& [path, lines] : expected) paths.insert(path);
  for (const auto& [path, lines] : stored) paths.insert(path);
  for (const std::string& path : paths) {
    const std::set<int> want = expected.count(path) ? expected.at(path) : std::set<int>();
    const std::set<int> got = stored.count(path) ? stored.at(path) : std::set<int>();
    std::vector<int> missing, extra;
    std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                        std::back_inserter(missing));
    std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                        std::back_inserter(extra));
    EXPECT_TRUE(missing.empty()) << path << ": task lines not stored, first " << missing[0];
    EXPECT_TRUE(extra.empty()) << path << ": tasks on lines that are not task lines, first "
                               << extra[0];
  }
  EXPECT_EQ(testing::QueryValue(db, "PRAGMA integrity_check"), "ok");
}

TEST(CorpusVaults, TasksDemoVaultEveryTaskLineAccountedFor) {
  const auto vault = Corpus("obsidian-tasks-demo-vault");
  if (!vault) GTEST_SKIP() << "../shared/corpora/obsidian-tasks-demo-vault is absent";
  ExpectEveryTaskLineAccountedFor(*vault);
}

TEST(CorpusVaults, DataviewTestVaultEveryTaskLineAccountedFor) {
  const auto vault = Corpus("dataview-test-vault");
  if (!vault) GTEST_SKIP() << "../shared/corpora/dataview-test-vault is absent";
  ExpectEveryTaskLineAccountedFor(*vault);
}

// yaml-test-suite cases as frontmatter: documents marked "error" must be diagnosed, the
// others read without error and give the expected values.
TEST(YamlCorpus, FrontmatterAcceptsValidAndRejectsInvalidYaml) {
  const auto corpus = Corpus("yaml-frontmatter");
  if (!corpus) GTEST_SKIP() << "../shared/corpora/yaml-frontmatter is absent";
  int cases = 0, passed = 0;
  std::vector<std::string> failures;
  for (const auto& entry : fs::directory_iterator(*corpus)) {
    const fs::path in = entry.path() / "in.yaml";
    if (!fs::exists(in)) continue;
    const std::string yaml = testing::ReadFileText(in.string());
    // A "---" or "..." line would end the frontmatter early: such multi-document cases
    // cannot be frontmatter at all.
    if (std::regex_search(yaml, std::regex(R"((^|\n)(---|\.\.\.)(\s|$))"))) continue;
    const bool must_fail = fs::exists(entry.path() / "error");
    ++cases;
    const parse::ParsedNote note = parse::ParseNote(
        "---\n" + yaml + (yaml.empty() || yaml.back() == '\n' ? "" : "\n") + "---\n");
    const bool ok = must_fail ? !note.frontmatter_valid : note.frontmatter_valid;
    if (ok) {
      ++passed;
    } else {
      failures.push_back(entry.path().filename().string() +
                         (must_fail ? " (accepted)" : " (rejected)"));
    }
  }
  std::sort(failures.begin(), failures.end());
  std::printf("YAML cases as frontmatter: %d of %d handled as expected\n", passed, cases);
  for (const std::string& f : failures) std::printf("  %s\n", f.c_str());
  EXPECT_GE(passed * 100, cases * 85) << "too many YAML cases handled wrongly";
}

// ftfy's own test cases, read for encoding repair alone: the result must equal
// `fixed-encoding` where given, else `fixed`. Reported per group; the groups in scope are
// UTF-8 read as Windows-1252 / Latin-1 and as MacRoman (ftfy also covers Windows-1250,
// 1251, 1257, code page 437 and CESU-8, which notes do not suffer from).
TEST(FtfyCorpus, RepairPassRate) {
  const auto corpus = Corpus("ftfy");
  if (!corpus) GTEST_SKIP() << "../shared/corpora/ftfy is absent";
  static const std::regex kInScope(R"(1252|latin-1|macroman)", std::regex::icase);
  static const std::regex kOtherCodec(R"(1250|1251|1257|437|cesu|8859-2)", std::regex::icase);
  int in_scope = 0, in_scope_passed = 0, ftfy_in_scope_passed = 0, all = 0, all_passed = 0;
  std::vector<std::string> failures;
  for (const char* file : {"synthetic.json", "in-the-wild.json", "known-failures.json"}) {
    std::ifstream in(*corpus + "/" + file);
    for (const auto& c : nlohmann::json::parse(in)) {
      const std::string label = c["label"].get<std::string>();
      const std::string want = c.contains("fixed-encoding") ? c["fixed-encoding"].get<std::string>()
                                                            : c["fixed"].get<std::string>();
      const bool passed = repair::RepairMojibake(c["original"].get<std::string>()) == want;
      const bool scope =
          std::regex_search(label, kInScope) && !std::regex_search(label, kOtherCodec);
      ++all;
      all_passed += passed;
      if (scope) {
        ++in_scope;
        in_scope_passed += passed;
        ftfy_in_scope_passed += c["expect"] == "pass";
        if (!passed) failures.push_back(std::string(file) + ": " + label);
      }
    }
  }
  std::printf(
      "ftfy cases, Windows-1252/Latin-1/MacRoman: notestore %d of %d, ftfy itself %d of %d\n",
      in_scope_passed, in_scope, ftfy_in_scope_passed, in_scope);
  std::printf("ftfy cases, all: notestore %d of %d\n", all_passed, all);
  for (const std::string& f : failures) std::printf("  differs: %s\n", f.c_str());
  EXPECT_GE(in_scope, 20);
  EXPECT_GE(in_scope_passed * 100, in_scope * 70) << "repair pass rate fell below 70%";
}

}  // namespace
}  // namespace notestore
