#include "extract/names.h"

#include "parse/inline_syntax.h"
#include "util/text.h"

namespace notestore::extract {
namespace {

bool InList(std::string_view s, std::initializer_list<const char*> list) {
  for (const char* item : list) {
    if (util::EqualsIgnoreCase(s, item)) return true;
  }
  return false;
}

std::string Basename(std::string_view target) {
  const size_t slash = target.rfind('/');
  if (slash != std::string_view::npos) target = target.substr(slash + 1);
  if (util::EndsWithIgnoreCase(target, ".md")) target.remove_suffix(3);
  return std::string(target);
}

}  // namespace

std::string ExtractName(std::string_view value) {
  const std::vector<parse::LinkMatch> links = parse::FindWikilinks(value);
  if (!links.empty() && !links[0].target.empty()) {
    return util::CollapseWhitespace(Basename(links[0].target));
  }
  std::string_view v = util::Trim(value);
  while (!v.empty() && v.front() == '@') v.remove_prefix(1);
  v = util::StripQuotes(util::Trim(v));
  return parse::PlainText(v);
}

std::vector<std::string> SplitNameList(std::string_view value) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string name = ExtractName(current);
    if (!name.empty()) out.push_back(std::move(name));
    current.clear();
  };
  int link_depth = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 2, "[[") == 0) ++link_depth;
    if (value.compare(i, 2, "]]") == 0 && link_depth > 0) --link_depth;
    const char c = value[i];
    if (link_depth == 0 && (c == ',' || c == ';' || c == '&')) {
      flush();
      continue;
    }
    if (link_depth == 0 && value.compare(i, 5, " and ") == 0) {
      flush();
      i += 4;
      continue;
    }
    current.push_back(c);
  }
  flush();
  return out;
}

bool IsPlaceholderName(std::string_view name) {
  return InList(util::Trim(name),
                {"tbd", "tba", "tbc", "unassigned", "none", "nobody", "n/a", "na", "unknown",
                 "someone", "anyone", "owner", "todo", "?", "-", "team", "all", "everyone"});
}

bool IsSelfName(std::string_view name) {
  return InList(util::Trim(name), {"me", "myself", "i", "self"});
}

std::string KnownPersonKey(std::string_view name, std::string_view me) {
  // As PeopleDirectory::Resolve reads it: trimmed, any leading '@' dropped.
  std::string_view bare = util::Trim(name);
  while (!bare.empty() && bare.front() == '@') bare.remove_prefix(1);
  std::string key = util::NameKey(bare);
  if (key.empty() || IsPlaceholderName(bare)) return "";
  if (IsSelfName(bare)) return util::Trim(me).empty() ? "" : util::NameKey(me);
  // A full name as the pass tells one (resolve::IsMultiWordName): the text as given.
  if (util::FindSpace(util::Trim(name)) == std::string_view::npos) return "";
  return key;
}

bool LooksLikePersonName(std::string_view name) {
  name = util::Trim(name);
  if (name.empty() || name.size() > 80) return false;
  const std::vector<std::string_view> words = util::Split(name, ' ');
  if (words.size() > 5) return false;
  bool has_capital = false;
  for (std::string_view w : words) {
    if (w.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    // Capitalized, or in a script without case (accepted as is).
    if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
      has_capital = true;
    } else if (!InList(w, {"van", "von", "de", "da", "del", "der", "di", "du", "la", "le", "bin",
                           "al", "y"})) {
      return false;
    }
    for (char ch : w) {
      if (ch == ':' || ch == ';' || ch == '!' || ch == '?' || ch == '(' || ch == ')' || ch == '[' ||
          ch == ']' || ch == '#' || ch == '/' || (ch >= '0' && ch <= '9')) {
        return false;
      }
    }
  }
  return has_capital;
}

bool IsPlaceholderValue(std::string_view value) {
  const std::string plain = parse::PlainText(value);
  return plain.empty() || InList(plain, {"unknown", "tbd", "tba", "n/a", "na", "none", "-", "?",
                                         "todo", "unset", "null"});
}

}  // namespace notestore::extract
