#include "support/hostile_vault.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace notestore::testing {
namespace {

namespace fs = std::filesystem;

void Write(const std::string& vault, const std::string& rel, const std::string& content) {
  const fs::path p = fs::path(vault) / rel;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

std::vector<HostileCase> WriteHostileVault(const std::string& vault, int good_notes) {
  std::vector<HostileCase> cases;
  auto add = [&](const std::string& rel, const std::string& content, const std::string& what,
                 const std::string& code) {
    Write(vault, rel, content);
    cases.push_back({rel, what, code});
  };
  for (int i = 0; i < good_notes; ++i) {
    Write(vault, "Good/note " + std::to_string(i) + ".md",
          "---\ntitle: Good note " + std::to_string(i) + "\n---\n- [ ] good task " +
              std::to_string(i) + " @Dana Whitfield\n");
  }
  add("invalid utf8.md", "caf\xE9 \xFF\xFE broken \xC3(\n- [ ] still a task\n",
      "bytes that are not UTF-8", "invalid-utf8");
  add("nul bytes.md", std::string("text\0with\0nuls\n", 16), "NUL bytes in text", "binary-file");
  add("image.md",
      std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20) + Repeat("\x01\x02", 500),
      "a binary file named .md", "binary-file");
  {
    // 100 MB: over the default size limit; it must be refused without being read whole.
    std::ofstream big(fs::path(vault) / "huge.md", std::ios::binary);
    const std::string line = "- [ ] a line of a very large note #big\n";
    for (size_t written = 0; written < 100u * 1024 * 1024; written += line.size()) big << line;
    cases.push_back({"huge.md", "a 100 MB note", "file-too-large"});
  }
  {
    std::string fm = "---\n";
    for (int i = 0; i < 10000; ++i)
      fm += "key" + std::to_string(i) + ": value " + std::to_string(i) + "\n";
    add("long frontmatter.md", fm + "---\n# Body after 10000 keys\n", "10,000-line frontmatter",
        "");
  }
  add(
      "deep lists.md",
      [] {
        std::string s;
        for (int i = 0; i < 5000; ++i)
          s += std::string(static_cast<size_t>(i) * 2, ' ') + "- [ ] level " + std::to_string(i) +
               "\n";
        return s;
      }(),
      "5,000-deep nested list", "");
  add("deep quotes.md",
      Repeat(">", 5000) + " - [ ] deep in quotes\n" + Repeat("> ", 5000) + "text\n",
      "5,000-deep block quotes", "");
  add("unterminated.md", "---\ntitle: never closed\n- [ ] a task\n", "unterminated frontmatter",
      "unterminated-frontmatter");
  add("not yaml.md", "---\nThis is: not: valid: yaml: [\n{{{\n---\n- [ ] body task\n",
      "a non-YAML --- block", "invalid-yaml");
  {
    std::string bomb =
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'i'; ++c) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 9; ++i) bomb += std::string(i ? ",*" : "*") + prev;
      bomb += "]\n";
      prev = c;
    }
    add("alias bomb.md", bomb + "---\nbody\n", "a YAML alias bomb (billion laughs)",
        "frontmatter-too-large");
  }
  add("duplicate keys.md", "---\ntitle: one\ntitle: two\n---\nbody\n", "duplicate YAML keys",
      "duplicate-key");
  fs::create_directories(fs::path(vault) / "loop");
  symlink("..", (fs::path(vault) / "loop" / "back").c_str());
  symlink("../loop", (fs::path(vault) / "loop" / "again").c_str());
  cases.push_back({"loop/back", "a symlink loop", ""});
  // A file that exists but cannot be read, even by root: /proc/self/mem at offset 0.
  symlink("/proc/self/mem", (fs::path(vault) / "unreadable.md").c_str());
  cases.push_back({"unreadable.md", "an unreadable file", "unreadable-file"});
  add("name with spaces 'quotes' \"double\" 😀.md", "- [ ] odd name\n", "spaces, quotes, emoji", "");
  add(std::string("latin1 name \xE9\xFF.md"), "- [ ] non-UTF-8 name\n", "a file name not in UTF-8",
      "path-not-utf8");
  add("empty.md", "", "an empty file", "");
  {
    std::string all_tasks;
    for (int i = 0; i < 20000; ++i) all_tasks += "- [ ] task number " + std::to_string(i) + " #t\n";
    add("all tasks.md", all_tasks, "every line a task", "");
  }
  add("long line.md", Repeat("[[", 200000) + Repeat("[x](", 50000) + Repeat("#tag ", 20000) + "\n",
      "a 700 KB line of brackets", "");
  add("crlf only.md", Repeat("\r", 10000), "nothing but carriage returns", "");
  add("one line lists.md", Repeat("- ", 5000) + "[ ] five thousand lists deep\n",
      "5,000 nested lists on one line", "");
  add("deep yaml.md", "---\nkey: " + Repeat("[", 100000) + "\n---\n- [ ] body task\n",
      "frontmatter nested 100,000 deep", "frontmatter-too-deep");
  add("wide table.md",
      "|" + Repeat("h|", 5000) + "\n|" + Repeat("-|", 5000) + "\n" +
          Repeat("|" + Repeat("c|", 5000) + "\n", 50),
      "a table of 5,000 columns", "table-too-wide");
  add("padded table.md",
      "|" + Repeat("h|", 250) + "\n|" + Repeat("-|", 250) + "\n" + Repeat("x\n", 50000),
      "250 columns and 50,000 one-cell rows (padding makes 12.5M cells)", "table-too-large");
  add("long rows.md", "| a | b |\n|---|---|\n" + Repeat("|" + Repeat("x|", 20000) + "\n", 20),
      "table rows of 20,000 cells under a 2-column header", "");
  return cases;
}

}  // namespace notestore::testing
