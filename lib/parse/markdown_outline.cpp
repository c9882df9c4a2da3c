#include "parse/markdown_outline.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "parse/inline_syntax.h"
#include "util/text.h"

namespace notestore::parse {
namespace {

// RAII owners for cmark-gfm handles.
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct IterDeleter {
  void operator()(cmark_iter* it) const { cmark_iter_free(it); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

void EnsureExtensionsRegistered() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

NodePtr ParseDocument(std::string_view body) {
  EnsureExtensionsRegistered();
  ParserPtr parser(cmark_parser_new(CMARK_OPT_SOURCEPOS));
  for (const char* name : {"table", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), body.data(), body.size());
  return NodePtr(cmark_parser_finish(parser.get()));
}

std::string_view TypeName(cmark_node* n) { return cmark_node_get_type_string(n); }

bool IsItem(cmark_node* n) {
  const std::string_view t = TypeName(n);
  return t == "item" || t == "tasklist";
}

// A node's last line; cmark reports "line N+1, column 0" for blocks that end with the
// document's final newline.
int EndLine(cmark_node* n) {
  const int end = cmark_node_get_end_line(n);
  return cmark_node_get_end_column(n) == 0 && end > cmark_node_get_start_line(n) ? end - 1 : end;
}

// Plain text of an inline subtree (a table cell): literals joined, markup dropped.
void AppendInlineText(cmark_node* node, std::string* out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    const std::string_view t = TypeName(c);
    if (t == "softbreak" || t == "linebreak") {
      out->push_back(' ');
    } else if (const char* lit = cmark_node_get_literal(c); lit && t != "html_inline") {
      out->append(lit);
    } else {
      AppendInlineText(c, out);
    }
  }
}

std::string CellText(cmark_node* cell) {
  std::string raw;
  AppendInlineText(cell, &raw);
  return PlainText(raw);
}

class OutlineBuilder {
 public:
  explicit OutlineBuilder(int line_offset) : offset_(line_offset) {}

  Outline Build(cmark_node* doc) {
    IterPtr it(cmark_iter_new(doc));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(it.get());
      const std::string_view type = TypeName(node);
      if (ev == CMARK_EVENT_EXIT) {
        if (type == "block_quote") --quote_depth_;
        continue;
      }
      if (type == "block_quote") {
        ++quote_depth_;
      } else if (type == "heading") {
        Heading(node);
      } else if (IsItem(node)) {
        Item(node);
      } else if (type == "code_block") {
        out_.code_lines.emplace_back(Line(cmark_node_get_start_line(node)), Line(EndLine(node)));
      } else if (type == "table") {
        Table(node);
      }
    }
    return std::move(out_);
  }

 private:
  int Line(int cmark_line) const { return cmark_line + offset_; }

  void Heading(cmark_node* node) {
    OutlineHeading h;
    h.level = cmark_node_get_heading_level(node);
    h.line = Line(cmark_node_get_start_line(node));
    h.end_line = Line(EndLine(node));
    out_.headings.push_back(h);
  }

  void Item(cmark_node* node) {
    OutlineItem item;
    item.line = Line(cmark_node_get_start_line(node));
    item.column = cmark_node_get_start_column(node);
    item.end_line = Line(EndLine(node));
    item.in_quote = quote_depth_ > 0;
    // Items are met parent first, so the nearest enclosing item is already indexed and
    // its depth known: constant work per item, even 5,000 levels down.
    for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
      if (!IsItem(p)) continue;
      auto found = index_.find(p);
      if (found == index_.end()) continue;
      item.parent = found->second;
      item.depth = out_.items[static_cast<size_t>(item.parent)].depth + 1;
      break;
    }
    cmark_node* first = cmark_node_first_child(node);
    if (first && TypeName(first) == "paragraph") {
      item.para_first = Line(cmark_node_get_start_line(first));
      item.para_last = Line(EndLine(first));
    }
    index_[node] = static_cast<int>(out_.items.size());
    out_.items.push_back(item);
  }

  void Table(cmark_node* node) {
    OutlineTable table;
    table.line = Line(cmark_node_get_start_line(node));
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
      std::vector<std::string> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        cells.push_back(CellText(cell));
      }
      if (TypeName(row) == "table_header") {
        table.header = std::move(cells);
      } else {
        table.rows.emplace_back(Line(cmark_node_get_start_line(row)), std::move(cells));
      }
    }
    out_.tables.push_back(std::move(table));
  }

  int offset_;
  int quote_depth_ = 0;
  Outline out_;
  std::unordered_map<cmark_node*, int> index_;
};

}  // namespace

Outline BuildOutline(std::string_view body, int first_line, const TableLimits& limits,
                     Diagnostics* diagnostics) {
  const std::optional<std::string> guarded = GuardForCmark(body, first_line, limits, diagnostics);
  NodePtr doc = ParseDocument(guarded ? std::string_view(*guarded) : body);
  if (!doc) return Outline{};
  return OutlineBuilder(first_line - 1).Build(doc.get());
}

}  // namespace notestore::parse
