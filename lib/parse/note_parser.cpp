#include "parse/note_parser.h"

#include <algorithm>
#include <map>
#include <set>

#include "parse/inline_syntax.h"
#include "parse/markdown_outline.h"
#include "parse/masking.h"
#include "parse/task_line.h"
#include "util/text.h"
#include "util/utf8.h"

namespace notestore::parse {
namespace {

bool IsListMarkerAt(std::string_view line, size_t i) {
  if (i >= line.size()) return false;
  const char c = line[i];
  return c == '-' || c == '*' || c == '+' || (c >= '0' && c <= '9');
}

// Where the text of a list item starts, after its marker; sets *status_char for "[c] ".
size_t ItemTextStart(std::string_view line, size_t marker,
                     std::optional<std::string>* status_char) {
  size_t i = marker;
  if (line[i] >= '0' && line[i] <= '9') {
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  }
  ++i;  // The bullet, or the '.' / ')' after the number.
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i < line.size() && line[i] == '[' && i + 1 < line.size()) {
    size_t k = i + 1;
    util::DecodeUtf8(line, &k);
    if (k < line.size() && line[k] == ']' &&
        (k + 1 == line.size() || line[k + 1] == ' ' || line[k + 1] == '\t')) {
      *status_char = std::string(line.substr(i + 1, k - i - 1));
      i = k + 1;
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    }
  }
  return i;
}

// Continuation lines of a paragraph inside quotes and lists: drop indentation and '>'.
std::string_view StripContainerPrefix(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  return line.substr(i);
}

std::string AtxHeadingText(std::string_view line) {
  std::string_view s = util::Trim(line);
  while (!s.empty() && s.front() == '#') s.remove_prefix(1);
  s = util::Trim(s);
  // An optional closing sequence of #s, when separated by a space.
  size_t end = s.size();
  while (end > 0 && s[end - 1] == '#') --end;
  if (end < s.size() && (end == 0 || s[end - 1] == ' ')) s = util::TrimRight(s.substr(0, end));
  return std::string(s);
}

class NoteParser {
 public:
  explicit NoteParser(const ParseOptions& options) : options_(options) {}

  ParsedNote Parse(std::string_view text) {
    const FrontmatterSplit split = SplitFrontmatter(text, &note_.diagnostics);
    if (split.found) {
      note_.frontmatter = std::string(split.yaml);
      ParseFrontmatter(split.yaml, split.yaml_first_line, options_.frontmatter, &note_);
    }
    note_.body = std::string(split.body);
    first_line_ = split.body_first_line;

    Diagnostics table_diags;
    Outline outline = BuildOutline(note_.body, first_line_, options_.tables, &table_diags);
    work_ = note_.body;
    if (note_.body.find("%%") != std::string::npos ||
        note_.body.find("<!--") != std::string::npos) {
      bool changed = false;
      std::string blanked = BlankComments(note_.body, first_line_, outline.code_lines, &changed);
      if (changed) {
        work_ = std::move(blanked);
        table_diags.clear();  // Commented-out blocks disappear, and so may their tables.
        outline = BuildOutline(work_, first_line_, options_.tables, &table_diags);
      }
    }
    note_.diagnostics.insert(note_.diagnostics.end(), table_diags.begin(), table_diags.end());
    masked_ = MaskCode(work_, first_line_, outline.code_lines);
    work_lines_ = util::Split(work_, '\n');
    masked_lines_ = util::Split(masked_, '\n');

    Headings(outline);
    Items(outline);
    Tables(outline);
    InlineSyntax(outline);
    return std::move(note_);
  }

 private:
  std::string_view WorkLine(int line) const { return LineOf(work_lines_, line); }
  std::string_view MaskedLine(int line) const { return LineOf(masked_lines_, line); }
  std::string_view LineOf(const std::vector<std::string_view>& lines, int line) const {
    const int idx = line - first_line_;
    return idx >= 0 && idx < static_cast<int>(lines.size()) ? lines[idx] : std::string_view();
  }

  int HeadingIndexAt(int line) const {
    auto it = std::upper_bound(heading_lines_.begin(), heading_lines_.end(), line);
    return static_cast<int>(it - heading_lines_.begin()) - 1;
  }

  static bool IsSetextUnderline(std::string_view line) {
    line = util::Trim(line);
    return !line.empty() && (line.find_first_not_of('=') == std::string_view::npos ||
                             line.find_first_not_of('-') == std::string_view::npos);
  }

  void Headings(const Outline& outline) {
    for (const OutlineHeading& h : outline.headings) {
      std::string text;
      int last = h.line;
      if (util::StartsWith(util::TrimLeft(WorkLine(h.line)), "#")) {
        text = AtxHeadingText(WorkLine(h.line));
      } else {
        // Setext: the text lines up to the underline. (cmark-gfm's end position for
        // these can run past the underline, so the lines are read here.)
        std::vector<std::string> parts;
        for (int l = h.line; l <= h.end_line && !IsSetextUnderline(WorkLine(l)); ++l) {
          parts.emplace_back(util::Trim(StripContainerPrefix(WorkLine(l))));
          last = l + 1;
        }
        text = util::Join(parts, " ");
      }
      note_.headings.push_back(Heading{h.level, std::move(text), h.line});
      heading_lines_.push_back(h.line);
      for (int l = h.line; l <= last; ++l) heading_line_set_.insert(l);
    }
  }

  void Items(const Outline& outline) {
    std::vector<int> task_of_item(outline.items.size(), -1);
    for (size_t idx = 0; idx < outline.items.size(); ++idx) {
      const OutlineItem& o = outline.items[idx];
      const std::string_view line = WorkLine(o.line);
      size_t marker = o.column > 0 ? static_cast<size_t>(o.column - 1) : 0;
      if (!IsListMarkerAt(line, marker)) {
        marker = 0;  // Tabs can shift cmark's column; find the marker by hand.
        while (marker < line.size() && !IsListMarkerAt(line, marker)) ++marker;
        if (marker >= line.size()) marker = 0;
      }
      ListItem item;
      item.line = o.line;
      item.end_line = o.end_line;
      item.parent = o.parent;
      item.depth = o.depth;
      item.in_quote = o.in_quote;
      item.heading = HeadingIndexAt(o.line);
      const size_t start = line.empty() ? 0 : ItemTextStart(line, marker, &item.status_char);
      item.text = ItemText(o, line.substr(std::min(start, line.size())));
      // The nearest task at or above each item, so a task finds its parent task in one step.
      const int parent_task = o.parent >= 0 ? task_of_item[static_cast<size_t>(o.parent)] : -1;
      task_of_item[idx] = parent_task;
      if (item.status_char) {
        task_of_item[idx] = static_cast<int>(note_.tasks.size());
        AddTask(static_cast<int>(idx), item, start, parent_task);
      }
      note_.items.push_back(std::move(item));
    }
  }

  std::string ItemText(const OutlineItem& o, std::string_view first) const {
    std::string text(util::Trim(first));
    for (int l = std::max(o.para_first, o.line) + 1; o.para_last > 0 && l <= o.para_last; ++l) {
      const std::string_view more = util::Trim(StripContainerPrefix(WorkLine(l)));
      if (more.empty()) continue;
      if (!text.empty()) text.push_back(' ');
      text.append(more);
    }
    return text;
  }

  void AddTask(int item_index, const ListItem& item, size_t start, int parent_task) {
    const std::string_view line = WorkLine(item.line);
    const std::string_view masked = MaskedLine(item.line);
    Task task;
    task.item = item_index;
    task.line = item.line;
    task.status_char = *item.status_char;
    task.status = StatusFromChar(task.status_char);
    task.parent_task = parent_task;
    start = std::min(start, line.size());
    task.fields = ParseTaskLine(line.substr(start), masked.substr(std::min(start, masked.size())));
    for (Diagnostic& d : task.fields.diagnostics) {
      d.line = item.line;
      note_.diagnostics.push_back(d);
    }
    task.fields.diagnostics.clear();
    task.raw = std::string(line);
    note_.tasks.push_back(std::move(task));
  }

  // Column names made distinct: a repeated "Name" becomes "Name 2", "Name 3", ...
  static std::vector<std::string> UniqueHeaders(const std::vector<std::string>& header) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    std::map<std::string, int> next_suffix;  // Where to resume, so 5,000 "a"s stay linear.
    for (size_t i = 0; i < header.size(); ++i) {
      std::string name = header[i].empty() ? "column " + std::to_string(i + 1) : header[i];
      std::string unique = name;
      const std::string key = util::ToLowerAscii(name);
      int& n = next_suffix.try_emplace(key, 2).first->second;
      while (!seen.insert(util::ToLowerAscii(unique)).second) {
        unique = name + " " + std::to_string(n++);
      }
      out.push_back(unique);
    }
    return out;
  }

  static bool IsFieldValueHeader(const std::vector<std::string>& h) {
    auto in = [](const std::string& s, std::initializer_list<const char*> names) {
      for (const char* n : names) {
        if (util::EqualsIgnoreCase(s, n)) return true;
      }
      return false;
    };
    return h.size() == 2 && in(h[0], {"field", "property", "key", "attribute"}) &&
           in(h[1], {"value", "details"});
  }

  void Tables(const Outline& outline) {
    for (size_t t = 0; t < outline.tables.size(); ++t) {
      const OutlineTable& table = outline.tables[t];
      const std::vector<std::string> headers = UniqueHeaders(table.header);
      const bool fields = IsFieldValueHeader(table.header);
      for (const auto& [line, cells] : table.rows) {
        TableRow row;
        row.table = static_cast<int>(t);
        row.line = line;
        row.heading = HeadingIndexAt(line);
        for (size_t c = 0; c < headers.size(); ++c) {
          row.cells.emplace_back(headers[c], c < cells.size() ? cells[c] : std::string());
        }
        if (fields && !row.cells[0].second.empty() && !row.cells[1].second.empty()) {
          note_.properties.push_back(
              Property{row.cells[0].second, row.cells[1].second, -1, line, PropertySource::kTable});
        }
        note_.table_rows.push_back(std::move(row));
      }
    }
  }

  void InlineSyntax(const Outline& outline) {
    std::set<int> table_lines;
    for (const OutlineTable& table : outline.tables) {
      table_lines.insert(table.line);
      table_lines.insert(table.line + 1);  // The delimiter row.
      for (const auto& row : table.rows) table_lines.insert(row.first);
    }
    for (size_t i = 0; i < masked_lines_.size(); ++i) {
      const std::string_view masked = masked_lines_[i];
      if (util::Trim(masked).empty()) continue;
      const std::string_view work = work_lines_[i];
      const int line = first_line_ + static_cast<int>(i);
      for (const TagMatch& t : FindTags(masked)) note_.tags.push_back(Tag{t.name, line, false});
      Links(work, masked, line);
      Fields(work, masked, line, heading_line_set_.count(line) || table_lines.count(line));
    }
  }

  void Links(std::string_view work, std::string_view masked, int line) {
    std::vector<LinkMatch> found = FindWikilinks(masked);
    std::vector<LinkMatch> md = FindMarkdownLinks(masked);
    found.insert(found.end(), md.begin(), md.end());
    std::sort(found.begin(), found.end(),
              [](const LinkMatch& a, const LinkMatch& b) { return a.span.begin < b.span.begin; });
    for (const LinkMatch& m : found) {
      // Re-read from the unmasked text so code spans inside link text survive.
      const std::string_view exact = work.substr(m.span.begin, m.span.end - m.span.begin);
      std::vector<LinkMatch> again = m.wiki ? FindWikilinks(exact) : FindMarkdownLinks(exact);
      const LinkMatch& use = again.empty() ? m : again.front();
      note_.links.push_back(Link{use.target, use.display, use.subpath, use.embed, line,
                                 m.wiki ? LinkStyle::kWiki : LinkStyle::kMarkdown});
    }
  }

  void Fields(std::string_view work, std::string_view masked, int line, bool structural) {
    for (const FieldMatch& f : FindBracketFields(masked)) {
      const auto exact = FindBracketFields(work.substr(f.span.begin, f.span.end - f.span.begin));
      const FieldMatch& use = exact.empty() ? f : exact.front();
      note_.properties.push_back(Property{use.key, use.value, -1, line, PropertySource::kInline});
    }
    if (structural) return;
    const size_t start = LineContentStart(masked);
    FieldMatch m;
    if (!MatchLineField(masked.substr(start), &m)) return;
    FieldMatch exact;
    const FieldMatch& use = MatchLineField(work.substr(start), &exact) ? exact : m;
    note_.properties.push_back(Property{use.key, use.value, -1, line, PropertySource::kInline});
  }

  const ParseOptions& options_;
  ParsedNote note_;
  int first_line_ = 1;
  std::string work_;    // Body with comments blanked.
  std::string masked_;  // work_ with code blanked too.
  std::vector<std::string_view> work_lines_;
  std::vector<std::string_view> masked_lines_;
  std::vector<int> heading_lines_;
  std::set<int> heading_line_set_;
};

}  // namespace

ParsedNote ParseNote(std::string_view text, const ParseOptions& options) {
  return NoteParser(options).Parse(text);
}

}  // namespace notestore::parse
