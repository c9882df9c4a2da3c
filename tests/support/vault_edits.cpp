#include "support/vault_edits.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_support.h"

namespace notestore::testing {
namespace {

namespace fs = std::filesystem;

// Words of new task and decision texts: few, so that edits repeat one another.
const std::vector<std::string> kWords = {"send",  "review", "budget", "contract", "pilot",
                                         "draft", "vendor", "launch", "forecast", "renewal"};

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void WriteLines(const std::string& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const std::string& line : lines) out << line << "\n";
}

bool IsTask(const std::string& line) {
  const size_t open = line.find("[");
  if (open == std::string::npos || open + 2 >= line.size() || line[open + 2] != ']') return false;
  const std::string before = line.substr(0, open);
  return before.find("- ") != std::string::npos || before.find(". ") != std::string::npos ||
         before.find(") ") != std::string::npos;
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// Indexes of the lines for which `pick` holds.
template <typename Pred>
std::vector<size_t> LinesWhere(const std::vector<std::string>& lines, Pred pick) {
  std::vector<size_t> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (pick(lines[i])) out.push_back(i);
  }
  return out;
}

// The bullets under a "## ...Decisions" heading.
std::vector<size_t> DecisionLines(const std::vector<std::string>& lines) {
  std::vector<size_t> out;
  bool in = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (StartsWith(lines[i], "#")) in = lines[i].find("Decisions") != std::string::npos;
    if (in && StartsWith(lines[i], "- ") && !IsTask(lines[i])) out.push_back(i);
  }
  return out;
}

std::string Stem(const std::string& rel) { return fs::path(rel).stem().string(); }

}  // namespace

VaultEditor::VaultEditor(std::string dir, uint64_t seed, std::vector<std::string> names,
                         std::vector<std::string> accounts)
    : dir_(std::move(dir)), state_(seed), names_(std::move(names)), accounts_(std::move(accounts)) {
  // Besides people: a person note's alias written as a full name, a full name that does
  // not read as one, and a short name first met in a capitalised and a lowercase form.
  names_.insert(names_.end(), {"Quinn Harlow", "Zed Marlow", "TBD", "Myself", "Priya R.",
                               "kim Park", "Osk", "osk"});
  accounts_.insert(accounts_.end(), {"Nimbus Dairy", "Kestrel Mining"});
}

uint64_t VaultEditor::Next() {  // splitmix64: the same on every platform.
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::vector<std::string> VaultEditor::Notes() const {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir_)) {
    if (e.is_regular_file() && e.path().extension() == ".md") {
      out.push_back(fs::relative(e.path(), dir_).string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string VaultEditor::Owner() {
  const std::string& name = Pick(names_);
  if (Below(3) == 0 && name.find(' ') != std::string::npos) {
    return name.substr(0, name.find(' '));  // By first name.
  }
  return name;
}

std::string VaultEditor::Date() {
  static const std::vector<std::string> kDates = {"2024-03-12", "2024-06-10", "2025-01-20",
                                                  "2026-09-03"};
  return Pick(kDates);
}

std::string VaultEditor::AppendTask(const std::string& rel, std::vector<std::string>& lines) {
  const std::string line = "- [ ] " + Pick(kWords) + " the " + Pick(kWords) + " " + Pick(kWords) +
                           " @" + Owner() + " 📅 " + Date();
  lines.push_back(line);
  return "append '" + line + "' to " + rel;
}

std::string VaultEditor::RepeatTask(const std::string& rel, std::vector<std::string>& lines) {
  const std::vector<size_t> tasks = LinesWhere(lines, IsTask);
  if (tasks.empty()) return "";
  const size_t i = Pick(tasks);
  std::string copy = lines[i];
  if (Below(2) == 0) copy += " " + Pick(kWords);  // A rewording.
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, copy);
  return "repeat line " + std::to_string(i + 1) + " of " + rel;
}

std::string VaultEditor::DropTask(const std::string& rel, std::vector<std::string>& lines) {
  const std::vector<size_t> tasks = LinesWhere(lines, IsTask);
  if (tasks.empty()) return "";
  const size_t i = Pick(tasks);
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
  return "drop line " + std::to_string(i + 1) + " of " + rel;
}

std::string VaultEditor::CopyDecision(const std::string& rel, std::vector<std::string>& lines) {
  const std::vector<std::string> notes = Notes();
  const std::string from = Pick(notes);
  const std::vector<std::string> source = SplitLines(ReadFileText(dir_ + "/" + from));
  const std::vector<size_t> decisions = DecisionLines(source);
  std::string text = decisions.empty()
                         ? "- Keep the " + Pick(kWords) + " " + Pick(kWords) + " on schedule."
                         : source[Pick(decisions)];
  lines.push_back("");
  lines.push_back("## Decisions");
  lines.push_back("");
  lines.push_back(text);
  return "copy decision '" + text + "' from " + from + " to " + rel;
}

std::string VaultEditor::ChangeDate(const std::string& rel, std::vector<std::string>& lines) {
  for (std::string& line : lines) {
    if (StartsWith(line, "**Date**:") || StartsWith(line, "date:")) {
      const std::string date = Date();
      line = StartsWith(line, "date:") ? "date: " + date : "**Date**: " + date;
      return "date " + date + " in " + rel;
    }
  }
  return "";
}

std::string VaultEditor::ChangeAttendees(const std::string& rel, std::vector<std::string>& lines) {
  for (std::string& line : lines) {
    if (!StartsWith(line, "**Attendees**:") && !StartsWith(line, "attendees:")) continue;
    const std::string name = Pick(names_);
    if (Below(2) == 0) {
      line = "**Attendees**: " + name + ", " + Pick(names_);
    } else if (line.back() == ']') {
      line.insert(line.size() - 1, ", " + name);
    } else {
      line += ", " + name;
    }
    return "attendees '" + line + "' in " + rel;
  }
  return "";
}

std::string VaultEditor::ChangeAccount(const std::string& rel, std::vector<std::string>& lines) {
  const std::string account = Pick(accounts_);
  for (std::string& line : lines) {
    if (StartsWith(line, "**Account**:") || StartsWith(line, "account:")) {
      line =
          StartsWith(line, "account:") ? "account: " + account : "**Account**: [[" + account + "]]";
      return "account " + account + " in " + rel;
    }
  }
  lines.push_back("**Account**: [[" + account + "]]");
  return "add account " + account + " to " + rel;
}

std::string VaultEditor::ChangePersonNote(const std::string& rel, std::vector<std::string>& lines) {
  for (std::string& line : lines) {
    if (StartsWith(line, "aliases:")) {
      line = "aliases: [" + Owner() + "]";
      return "aliases '" + line + "' in " + rel;
    }
  }
  return "";
}

std::string VaultEditor::AddLink(const std::string& rel, std::vector<std::string>& lines) {
  const std::string target =
      Below(3) == 0 ? "Nowhere " + std::to_string(Below(3)) : Stem(Pick(Notes()));
  lines.push_back("See [[" + target + "]].");
  return "link [[" + target + "]] from " + rel;
}

std::string VaultEditor::EditOnce() {
  for (;;) {
    const std::vector<std::string> notes = Notes();
    const std::string rel = Pick(notes);
    const std::string path = dir_ + "/" + rel;
    switch (Below(14)) {
      case 0: {
        const std::string copy =
            "Copies/" + Stem(rel) + " (copy " + std::to_string(++created_) + ").md";
        fs::create_directories(dir_ + "/Copies");
        fs::copy_file(path, dir_ + "/" + copy);
        return "copy " + rel + " to " + copy;
      }
      case 1:
        fs::remove(path);
        return "remove " + rel;
      case 2: {
        const std::string to = "Moved/" + fs::path(rel).filename().string();
        if (fs::exists(dir_ + "/" + to)) continue;
        fs::create_directories(dir_ + "/Moved");
        fs::rename(path, dir_ + "/" + to);
        return "rename " + rel + " to " + to;
      }
      case 3: {
        const std::string name = "Notes/new " + std::to_string(++created_) + ".md";
        const std::string text = "# New " + std::to_string(created_) + "\n\nMet [[" +
                                 Stem(Pick(notes)) + "]].\n\n- [ ] " + Pick(kWords) + " the " +
                                 Pick(kWords) + " @" + Owner() + "\n";
        fs::create_directories(dir_ + "/Notes");
        std::ofstream(dir_ + "/" + name, std::ios::binary) << text;
        return "new note " + name;
      }
      case 4: {
        const std::string name = Pick(names_);
        if (name.find(' ') == std::string::npos) continue;
        const std::string file = "People/" + name + ".md";
        if (fs::exists(dir_ + "/" + file)) continue;
        fs::create_directories(dir_ + "/People");
        std::ofstream(dir_ + "/" + file, std::ios::binary)
            << "---\ntype: person\naliases: [" << Owner() << "]\nrole: Buyer\n---\n# " << name
            << "\n";
        return "new person note " + file;
      }
      default:
        break;
    }
    std::vector<std::string> lines = SplitLines(ReadFileText(path));
    using Edit = std::string (VaultEditor::*)(const std::string&, std::vector<std::string>&);
    static constexpr Edit kEdits[] = {
        &VaultEditor::AppendTask,    &VaultEditor::RepeatTask,       &VaultEditor::DropTask,
        &VaultEditor::CopyDecision,  &VaultEditor::ChangeDate,       &VaultEditor::ChangeAttendees,
        &VaultEditor::ChangeAccount, &VaultEditor::ChangePersonNote, &VaultEditor::AddLink};
    const std::string done = (this->*kEdits[Below(std::size(kEdits))])(rel, lines);
    if (done.empty()) continue;
    WriteLines(path, lines);
    return done;
  }
}

}  // namespace notestore::testing
