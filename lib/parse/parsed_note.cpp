#include "parse/parsed_note.h"

#include "util/text.h"

namespace notestore::parse {

const char* PropertySourceName(PropertySource source) {
  switch (source) {
    case PropertySource::kFrontmatter:
      return "frontmatter";
    case PropertySource::kInline:
      return "inline";
    case PropertySource::kTable:
      return "table";
  }
  return "frontmatter";
}

const char* LinkStyleName(LinkStyle style) {
  switch (style) {
    case LinkStyle::kWiki:
      return "wiki";
    case LinkStyle::kMarkdown:
      return "markdown";
    case LinkStyle::kFrontmatter:
      return "frontmatter";
  }
  return "wiki";
}

TaskStatus StatusFromChar(const std::string& c) {
  if (c == "x" || c == "X") return TaskStatus::kDone;
  if (c == "-") return TaskStatus::kCancelled;
  if (c == "/") return TaskStatus::kInProgress;
  return TaskStatus::kOpen;
}

std::vector<std::string> ParsedNote::FrontmatterValues(const std::string& key) const {
  std::vector<std::string> out;
  for (const Property& p : properties) {
    if (p.source == PropertySource::kFrontmatter && p.value && util::EqualsIgnoreCase(p.key, key)) {
      out.push_back(*p.value);
    }
  }
  return out;
}

std::optional<std::string> ParsedNote::FrontmatterValue(const std::string& key) const {
  for (const Property& p : properties) {
    if (p.source == PropertySource::kFrontmatter && p.value && util::EqualsIgnoreCase(p.key, key)) {
      return p.value;
    }
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, int>> ParsedNote::InlineValues(const std::string& key) const {
  std::vector<std::pair<std::string, int>> out;
  for (const Property& p : properties) {
    if (p.source == PropertySource::kInline && p.value && util::EqualsIgnoreCase(p.key, key)) {
      out.emplace_back(*p.value, p.line);
    }
  }
  return out;
}

}  // namespace notestore::parse
