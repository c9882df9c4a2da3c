#include "parse/frontmatter.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <set>

#include "parse/inline_syntax.h"
#include "util/text.h"

namespace notestore::parse {
namespace {

bool IsFence(std::string_view line, bool closing) {
  line = util::TrimRight(line);
  return line == "---" || (closing && line == "...");
}

bool IsKey(const std::string& key, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (util::EqualsIgnoreCase(key, n)) return true;
  }
  return false;
}

// Turns a YAML value into JSON for list elements that are maps or lists themselves.
// `budget` bounds the nodes visited, since aliases can make a small document expand
// exponentially ("billion laughs").
nlohmann::json ToJson(const YAML::Node& node, int depth, int64_t* budget) {
  if (depth <= 0 || --*budget < 0) return nullptr;
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return node.Scalar();
    case YAML::NodeType::Sequence: {
      nlohmann::json arr = nlohmann::json::array();
      for (const YAML::Node& child : node) {
        if (*budget < 0) break;
        arr.push_back(ToJson(child, depth - 1, budget));
      }
      return arr;
    }
    case YAML::NodeType::Map: {
      nlohmann::json obj = nlohmann::json::object();
      for (const auto& kv : node) {
        if (*budget < 0) break;
        obj[kv.first.IsScalar() ? kv.first.Scalar() : "?"] = ToJson(kv.second, depth - 1, budget);
      }
      return obj;
    }
    default:
      return nullptr;
  }
}

class Flattener {
 public:
  Flattener(int first_line, const FrontmatterLimits& limits, ParsedNote* note)
      : first_line_(first_line), limits_(limits), note_(note) {}

  void Root(const YAML::Node& root) {
    if (root.IsNull()) return;  // Empty frontmatter.
    if (!root.IsMap()) {
      AddDiagnostic(&note_->diagnostics, Severity::kWarning, "frontmatter-not-a-map",
                    "frontmatter is YAML but not a list of key: value pairs", first_line_ - 1);
      return;
    }
    std::set<std::string> seen;
    for (const auto& kv : root) {
      const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const int line = LineOf(kv.first, first_line_);
      if (!seen.insert(util::ToLowerAscii(key)).second) {
        AddDiagnostic(&note_->diagnostics, Severity::kWarning, "duplicate-key",
                      "frontmatter key '" + key + "' appears more than once; all values are kept",
                      line);
      }
      Value(key, kv.second, line, limits_.max_depth);
    }
  }

 private:
  int LineOf(const YAML::Node& node, int fallback) const {
    const int l = node.Mark().line;
    return l >= 0 ? first_line_ + l : fallback;
  }

  void Value(const std::string& key, const YAML::Node& node, int line, int depth) {
    if (depth <= 0) {
      Problem("frontmatter-too-deep", "frontmatter nesting under '" + key + "' is cut off", line);
      return;
    }
    switch (node.Type()) {
      case YAML::NodeType::Sequence: {
        int idx = 0;
        for (const YAML::Node& child : node) {
          const int child_line = LineOf(child, line);
          if (child.IsScalar()) {
            Emit(key, child.Scalar(), idx, child_line);
          } else if (child.IsNull()) {
            Emit(key, std::nullopt, idx, child_line);
          } else {
            Emit(key, ToJson(child, depth, &json_budget_).dump(), idx, child_line);
          }
          ++idx;
          if (Full()) return;
        }
        return;
      }
      case YAML::NodeType::Map:
        for (const auto& kv : node) {
          const std::string sub = kv.first.IsScalar() ? kv.first.Scalar() : "?";
          Value(key + "." + sub, kv.second, LineOf(kv.first, line), depth - 1);
          if (Full()) return;
        }
        return;
      case YAML::NodeType::Scalar:
        Emit(key, node.Scalar(), -1, line);
        return;
      default:
        Emit(key, std::nullopt, -1, line);
        return;
    }
  }

  bool Full() const {
    return static_cast<int>(note_->properties.size()) >= limits_.max_properties || json_budget_ < 0;
  }

  void Emit(const std::string& key, std::optional<std::string> value, int idx, int line) {
    if (Full()) {
      if (!reported_full_) {
        Problem("frontmatter-too-large", "frontmatter has too many values; the rest are ignored",
                line);
        reported_full_ = true;
      }
      return;
    }
    if (value) Interpret(key, *value, line);
    note_->properties.push_back(
        Property{key, std::move(value), idx, line, PropertySource::kFrontmatter});
  }

  // Tags, aliases and links are read from the values as they are flattened.
  void Interpret(const std::string& key, const std::string& value, int line) {
    if (IsKey(key, {"tags", "tag"})) {
      for (std::string_view piece : util::Split(value, ',')) {
        for (std::string_view word : util::Split(util::Trim(piece), ' ')) {
          word = util::Trim(word);
          while (!word.empty() && word.front() == '#') word.remove_prefix(1);
          if (!word.empty()) note_->tags.push_back(Tag{std::string(word), line, true});
        }
      }
    } else if (IsKey(key, {"aliases", "alias"})) {
      for (std::string_view piece : util::Split(value, ',')) {
        piece = util::Trim(piece);
        if (!piece.empty()) note_->aliases.emplace_back(piece);
      }
    }
    for (LinkMatch& m : FindWikilinks(value)) {
      note_->links.push_back(Link{std::move(m.target), std::move(m.display), std::move(m.subpath),
                                  m.embed, line, LinkStyle::kFrontmatter});
    }
  }

  void Problem(const char* code, std::string message, int line) {
    AddDiagnostic(&note_->diagnostics, Severity::kWarning, code, std::move(message), line);
  }

  int first_line_;
  const FrontmatterLimits& limits_;
  ParsedNote* note_;
  bool reported_full_ = false;
  int64_t json_budget_ = int64_t{limits_.max_properties} * 10;
};

}  // namespace

FrontmatterSplit SplitFrontmatter(std::string_view text, Diagnostics* diagnostics) {
  FrontmatterSplit split;
  split.body = text;
  const size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos || !IsFence(text.substr(0, first_end), false)) {
    return split;
  }
  size_t pos = first_end + 1;
  int line = 2;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    if (IsFence(text.substr(pos, end - pos), true)) {
      split.found = true;
      split.yaml = text.substr(first_end + 1, pos - first_end - 1);
      split.yaml_first_line = 2;
      split.body = last ? std::string_view() : text.substr(end + 1);
      split.body_first_line = line + 1;
      return split;
    }
    if (last) break;
    pos = end + 1;
    ++line;
  }
  AddDiagnostic(diagnostics, Severity::kWarning, "unterminated-frontmatter",
                "the note starts with '---' but the frontmatter is never closed; read as body", 1);
  return split;
}

void ParseFrontmatter(std::string_view yaml, int first_line, const FrontmatterLimits& limits,
                      ParsedNote* note) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp stops at 2,000 levels but reports it as "bad file"; say what happened.
    note->frontmatter_valid = false;
    AddDiagnostic(&note->diagnostics, Severity::kError, "frontmatter-too-deep",
                  "frontmatter nests lists or maps too deeply to read (the YAML reader stops "
                  "at a recursion depth of " +
                      std::to_string(e.depth()) + "); not read",
                  e.mark.line >= 0 ? first_line + e.mark.line : first_line);
    return;
  } catch (const YAML::Exception& e) {
    note->frontmatter_valid = false;
    const int line = e.mark.line >= 0 ? first_line + e.mark.line : first_line;
    AddDiagnostic(&note->diagnostics, Severity::kError, "invalid-yaml",
                  "frontmatter is not valid YAML: " + e.msg, line);
    return;
  }
  try {
    Flattener(first_line, limits, note).Root(root);
  } catch (const YAML::Exception& e) {
    note->frontmatter_valid = false;
    AddDiagnostic(&note->diagnostics, Severity::kError, "invalid-yaml",
                  "frontmatter could not be read: " + e.msg, first_line);
  }
}

}  // namespace notestore::parse
