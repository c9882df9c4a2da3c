#include "resolve/link_index.h"

#include "util/text.h"

namespace notestore::resolve {
namespace {

std::string FolderOf(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

std::string WithoutExtension(std::string_view path) {
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash) ||
      dot == (slash == std::string_view::npos ? 0 : slash + 1)) {
    return std::string(path);
  }
  return std::string(path.substr(0, dot));
}

// Joins a relative path onto a folder, folding "." and ".." segments.
std::string JoinRelative(const std::string& folder, std::string_view rel) {
  std::vector<std::string> parts;
  for (std::string_view p : util::Split(folder, '/')) {
    if (!p.empty()) parts.emplace_back(p);
  }
  for (std::string_view p : util::Split(rel, '/')) {
    if (p.empty() || p == ".") continue;
    if (p == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.emplace_back(p);
  }
  return util::Join(parts, "/");
}

// A link target's last part without its extension, if it has one: "Report.pdf" ->
// "report", but "v1.2 plan" and "v1.2" keep their dots (an extension is a few letters and
// digits, with a letter).
std::string TargetStem(const std::string& last) {
  const size_t dot = last.rfind('.');
  if (dot == std::string::npos || dot == 0) return last;
  const std::string_view ext = std::string_view(last).substr(dot + 1);
  bool letter = false;
  for (char c : ext) {
    if (c >= 'a' && c <= 'z') {
      letter = true;
    } else if (c < '0' || c > '9') {
      return last;
    }
  }
  return letter && ext.size() <= 10 ? last.substr(0, dot) : last;
}

}  // namespace

void LinkIndex::AddNote(int64_t id, const std::string& path) {
  const std::string lower = util::ToLowerAscii(path);
  by_full_path_[lower] = id;
  by_path_[WithoutExtension(lower)] = id;
  const size_t slash = lower.rfind('/');
  const std::string stem =
      WithoutExtension(slash == std::string::npos ? lower : lower.substr(slash + 1));
  by_name_[stem].push_back(Entry{id, FolderOf(lower)});
}

std::string LinkIndex::NameOf(std::string_view path) {
  const size_t slash = path.rfind('/');
  return WithoutExtension(
      util::ToLowerAscii(slash == std::string_view::npos ? path : path.substr(slash + 1)));
}

std::vector<std::string> LinkIndex::TargetNames(std::string_view target) {
  // Resolve() matches a path's last part with or without its extension, and a name by
  // the file name without it: the last part of the target, and that without extension.
  std::string t = util::ToLowerAscii(util::Trim(target));
  const size_t slash = t.rfind('/');
  const std::string last = slash == std::string::npos ? t : t.substr(slash + 1);
  std::vector<std::string> out = {last};
  if (TargetStem(last) != last) out.push_back(TargetStem(last));
  return out;
}

std::optional<int64_t> LinkIndex::ByPath(const std::string& lower) const {
  if (auto it = by_full_path_.find(lower); it != by_full_path_.end()) return it->second;
  if (auto it = by_path_.find(lower); it != by_path_.end()) return it->second;
  return std::nullopt;
}

std::optional<int64_t> LinkIndex::Resolve(std::string_view target, const std::string& source_path,
                                          bool markdown) const {
  std::string t = util::ToLowerAscii(util::Trim(target));
  const std::string source_folder = FolderOf(util::ToLowerAscii(source_path));
  if (t.empty()) return ByPath(util::ToLowerAscii(source_path));
  if (markdown || util::StartsWith(t, "./") || util::StartsWith(t, "../")) {
    if (auto id = ByPath(JoinRelative(source_folder, t))) return id;
  }
  while (!t.empty() && t.front() == '/') t.erase(0, 1);
  if (auto id = ByPath(t)) return id;

  // A bare name, or a partial path ("Projects/Apollo" for "Work/Projects/Apollo.md").
  const size_t slash = t.rfind('/');
  // By its whole name ("Q1.final"), else without what reads as an extension.
  const std::string last = slash == std::string::npos ? t : t.substr(slash + 1);
  auto it = by_name_.find(last);
  if (it == by_name_.end()) it = by_name_.find(TargetStem(last));
  if (it == by_name_.end()) return std::nullopt;
  std::vector<const Entry*> matches;
  const std::string prefix = slash == std::string::npos ? "" : t.substr(0, slash);
  for (const Entry& e : it->second) {
    if (prefix.empty() || e.folder == prefix || util::EndsWith(e.folder, "/" + prefix)) {
      matches.push_back(&e);
    }
  }
  if (matches.size() == 1) return matches[0]->id;
  for (const Entry* e : matches) {
    if (e->folder == source_folder) return e->id;  // Ambiguous: the linking note's folder wins.
  }
  return std::nullopt;
}

}  // namespace notestore::resolve
