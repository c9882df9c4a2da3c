#include "dataview/executor.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>

#include "dataview/evaluator.h"
#include "dataview/parser.h"
#include "dataview/store_pages.h"
#include "notestore/error.h"
#include "query/name_lookup.h"
#include "util/text.h"

namespace notestore::dataview {
namespace {

// A row on its way through the commands: a page or a task, or a group of rows.
struct Row {
  Value id;                  // The note's link, or the group's key.
  Value data;                // The object expressions see.
  std::vector<Row> members;  // For a group: its rows.
  bool group = false;
};

DateTime Now() {
  const auto now = std::chrono::system_clock::now();
  const int64_t ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  localtime_r(&secs, &tm);
  return FromCivil(CivilTime{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                             tm.tm_sec, static_cast<int>(ms % 1000)},
                   true);
}

// Whether the query names `word` as a field anywhere (to read link lists and tasks only
// when needed).
bool Mentions(const Expr* e, const char* word) {
  if (e == nullptr) return false;
  if ((e->kind == Expr::Kind::kField || e->kind == Expr::Kind::kVariable) && e->name == word)
    return true;
  for (const ExprPtr& a : e->args) {
    if (Mentions(a.get(), word)) return true;
  }
  return false;
}

bool QueryMentions(const Query& q, const char* word) {
  if (q.list_value && Mentions(q.list_value->expr.get(), word)) return true;
  for (const Column& c : q.columns) {
    if (Mentions(c.expr.get(), word)) return true;
  }
  for (const Command& c : q.commands) {
    if (Mentions(c.expr.get(), word)) return true;
    for (const SortKey& k : c.keys) {
      if (Mentions(k.expr.get(), word)) return true;
    }
  }
  return false;
}

Value WithField(const Value& object, const std::string& name, Value v) {
  Object fields{{name, std::move(v)}};
  if (object.type() == Value::Type::kObject) {
    for (const auto& [k, value] : object.object()) {
      if (k != name) fields.emplace_back(k, value);
    }
  }
  return Value::Obj(std::move(fields));
}

void ApplyCommands(const Query& q, const Environment& env, std::vector<Row>* rows) {
  for (const Command& c : q.commands) {
    switch (c.kind) {
      case Command::Kind::kWhere: {
        std::vector<Row> kept;
        for (Row& r : *rows) {
          if (Truthy(Evaluate(*c.expr, r.data, env))) kept.push_back(std::move(r));
        }
        *rows = std::move(kept);
        break;
      }
      case Command::Kind::kSort: {
        std::vector<std::pair<std::vector<Value>, size_t>> keyed;
        for (size_t i = 0; i < rows->size(); ++i) {
          std::vector<Value> keys;
          for (const SortKey& k : c.keys) keys.push_back(Evaluate(*k.expr, (*rows)[i].data, env));
          keyed.emplace_back(std::move(keys), i);
        }
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
          for (size_t k = 0; k < c.keys.size(); ++k) {
            const int cmp = Compare(a.first[k], b.first[k]);
            if (cmp != 0) return c.keys[k].ascending ? cmp < 0 : cmp > 0;
          }
          return false;
        });
        std::vector<Row> sorted;
        for (auto& [keys, i] : keyed) sorted.push_back(std::move((*rows)[i]));
        *rows = std::move(sorted);
        break;
      }
      case Command::Kind::kGroupBy: {
        std::vector<std::pair<Value, Row>> keyed;
        for (Row& r : *rows) keyed.emplace_back(Evaluate(*c.expr, r.data, env), std::move(r));
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
          return Compare(a.first, b.first) < 0;
        });
        std::vector<Row> groups;
        for (auto& [key, row] : keyed) {
          if (groups.empty() || Compare(groups.back().id, key) != 0) {
            Row g;
            g.id = key;
            g.group = true;
            groups.push_back(std::move(g));
          }
          groups.back().members.push_back(std::move(row));
        }
        for (Row& g : groups) {
          List data;
          for (const Row& m : g.members) data.push_back(m.data);
          Object fields{{"key", g.id}, {"rows", Value::Array(std::move(data))}};
          if (c.name != "key" && c.name != "rows") fields.emplace_back(c.name, g.id);
          g.data = Value::Obj(std::move(fields));
        }
        *rows = std::move(groups);
        break;
      }
      case Command::Kind::kFlatten: {
        std::vector<Row> out;
        for (Row& r : *rows) {
          const Value v = Evaluate(*c.expr, r.data, env);
          const List items = v.type() == Value::Type::kArray ? v.array() : List{v};
          for (const Value& item : items) {
            Row copy = r;
            copy.data = WithField(r.data, c.name, item);
            out.push_back(std::move(copy));
          }
        }
        *rows = std::move(out);
        break;
      }
      case Command::Kind::kLimit:
        if (static_cast<int64_t>(rows->size()) > c.limit)
          rows->resize(static_cast<size_t>(c.limit));
        break;
    }
  }
}

// A table cell: one line, with '|' escaped so links with a display keep their cell.
std::string Cell(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|') {
      out += "\\|";
    } else if (ch == '\n') {
      out += "<br>";
    } else {
      out += ch;
    }
  }
  return out;
}

void Flatten(const Row& r, std::vector<const Row*>* out) {
  if (!r.group) return out->push_back(&r);
  for (const Row& m : r.members) Flatten(m, out);
}

void BuildTasks(const std::vector<Row>& rows, DataviewResult* result) {
  auto task_of = [](const Row& r) {
    DataviewTask t;
    t.path = ToText(r.data.Field("path"));
    t.line = static_cast<int>(
        r.data.Field("line").type() == Value::Type::kNumber ? r.data.Field("line").number() : 0);
    t.status = ToText(r.data.Field("status"));
    t.text = ToText(r.data.Field("text"));
    return t;
  };
  const bool grouped = !rows.empty() && rows.front().group;
  if (grouped) {
    for (const Row& g : rows) {
      DataviewTaskGroup group{ToMarkdown(g.id), {}};
      std::vector<const Row*> members;
      Flatten(g, &members);
      for (const Row* m : members) group.tasks.push_back(task_of(*m));
      result->task_groups.push_back(std::move(group));
    }
  } else {
    // By note, in the order each note first appears.
    std::map<std::string, size_t> by_path;
    for (const Row& r : rows) {
      DataviewTask t = task_of(r);
      auto [it, inserted] = by_path.emplace(t.path, result->task_groups.size());
      if (inserted) result->task_groups.push_back(DataviewTaskGroup{ToMarkdown(r.id), {}});
      result->task_groups[it->second].tasks.push_back(std::move(t));
    }
  }
  std::string md;
  for (const DataviewTaskGroup& g : result->task_groups) {
    md += "#### " + g.heading + " (" + std::to_string(g.tasks.size()) + ")\n\n";
    for (const DataviewTask& t : g.tasks) md += "- [" + t.status + "] " + t.text + "\n";
    md += "\n";
  }
  result->markdown = md.empty() ? "Dataview: no results.\n" : md;
}

void BuildList(const Query& q, const Environment& env, const std::vector<Row>& rows,
               DataviewResult* result) {
  std::string md;
  for (const Row& r : rows) {
    std::vector<std::string> cells;
    if (!q.without_id) cells.push_back(ToMarkdown(r.id));
    if (q.list_value) cells.push_back(ToMarkdown(Evaluate(*q.list_value->expr, r.data, env)));
    if (r.group && !q.list_value) {
      std::vector<const Row*> members;
      Flatten(r, &members);
      std::vector<std::string> names;
      for (const Row* m : members) names.push_back(ToMarkdown(m->id));
      md += "- " + (cells.empty() ? std::string() : cells[0]) + "\n";
      for (const std::string& n : names) md += "    - " + n + "\n";
      cells.push_back(util::Join(names, ", "));
    } else {
      md += "- " + util::Join(cells, ": ") + "\n";
    }
    result->rows.push_back(std::move(cells));
  }
  if (!q.without_id)
    result->columns.push_back(rows.empty() || !rows.front().group ? "File" : "Group");
  if (q.list_value) result->columns.push_back(q.list_value->heading);
  result->markdown = md.empty() ? "Dataview: no results.\n" : md;
}

void BuildTable(const Query& q, const Environment& env, const std::vector<Row>& rows,
                const std::string& group_name, DataviewResult* result) {
  if (!q.without_id) result->columns.push_back(group_name.empty() ? "File" : group_name);
  for (const Column& c : q.columns) result->columns.push_back(c.heading);
  for (const Row& r : rows) {
    std::vector<std::string> cells;
    if (!q.without_id) cells.push_back(ToMarkdown(r.id));
    for (const Column& c : q.columns) cells.push_back(ToMarkdown(Evaluate(*c.expr, r.data, env)));
    result->rows.push_back(std::move(cells));
  }
  std::string md = "|";
  for (size_t i = 0; i < result->columns.size(); ++i) {
    std::string heading = result->columns[i];
    if (i == 0 && !q.without_id) heading += " (" + std::to_string(rows.size()) + ")";
    md += " " + Cell(heading) + " |";
  }
  md += "\n|";
  for (size_t i = 0; i < result->columns.size(); ++i) md += " --- |";
  md += "\n";
  for (const auto& cells : result->rows) {
    md += "|";
    for (const std::string& c : cells) md += " " + Cell(c) + " |";
    md += "\n";
  }
  result->markdown = rows.empty() ? "Dataview: no results.\n" : md;
}

}  // namespace

DataviewResult RunQuery(SQLite::Database& db, std::string_view text,
                        const std::string& context_note) {
  const Query q = ParseQuery(text);
  StorePages pages(db);
  // The note as a user names it (as for `notestore show`): kNotFound, or kInvalidArgument
  // listing the candidates when the name fits several.
  const int64_t this_id = context_note.empty() ? 0 : query::FindNoteId(db, context_note);
  pages.SetSourceNote(this_id);
  Environment env;
  env.now = Now();
  PageNeeds needs;
  needs.links = QueryMentions(q, "inlinks") || QueryMentions(q, "outlinks");
  needs.tasks =
      q.type == Query::Type::kTask || QueryMentions(q, "tasks") || QueryMentions(q, "lists");
  // `this` is read as the rows are, so that `file = this.file` can hold.
  env.this_page = pages.PageOf(this_id, needs);
  env.page_of = [&pages](const LinkValue& l) {
    return pages.PageOf(pages.FindNote(l.path), PageNeeds{true, true});
  };
  env.resolve_link = [&pages](const LinkValue& l) { return pages.Resolve(l); };

  DataviewResult result;
  const SourceSql source = pages.Translate(q.from.get(), this_id);
  result.from_sql = source.sql;
  const std::vector<Page> loaded = pages.Load(source, needs);

  std::vector<Row> rows;
  for (const Page& p : loaded) {
    const Value link = p.object.Field("file").Field("link");
    if (q.type != Query::Type::kTask) {
      rows.push_back(Row{link, p.object, {}, false});
      continue;
    }
    // A task sees its own fields and its note's as `file` (file.name, file.folder):
    // not the page's other fields, which would make `WHERE p` true for every task of a
    // page where one task has [p:: 1].
    for (const Value& task : p.tasks) rows.push_back(Row{link, task, {}, false});
  }
  ApplyCommands(q, env, &rows);
  std::string group_name;
  for (const Command& c : q.commands) {
    if (c.kind == Command::Kind::kGroupBy) group_name = c.name;
  }
  switch (q.type) {
    case Query::Type::kTask:
      result.type = DataviewResult::Type::kTask;
      BuildTasks(rows, &result);
      break;
    case Query::Type::kList:
      result.type = DataviewResult::Type::kList;
      BuildList(q, env, rows, &result);
      break;
    case Query::Type::kTable:
      result.type = DataviewResult::Type::kTable;
      BuildTable(q, env, rows, group_name, &result);
      break;
  }
  return result;
}

std::string RenderNote(SQLite::Database& db, const std::string& path) {
  const int64_t id = query::FindNoteId(db, path);
  SQLite::Statement q(db, "SELECT path, body FROM notes WHERE id = ?");
  q.bind(1, id);
  q.executeStep();
  const std::string note_path = q.getColumn(0).getString();
  const std::string body = q.getColumn(1).getString();
  std::string out;
  std::vector<std::string_view> lines = util::SplitLines(body);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = util::TrimRight(lines[i]);
    if (util::Trim(line) != "```dataview") {
      out += std::string(lines[i]) + "\n";
      continue;
    }
    std::string query;
    size_t end = i + 1;
    while (end < lines.size() && util::Trim(lines[end]) != "```")
      query += std::string(lines[end++]) + "\n";
    // A block that fails shows its error; the rest of the note still renders.
    try {
      out += RunQuery(db, query, note_path).markdown;
    } catch (const Error& e) {
      out += "> [!error] Dataview\n> " + std::string(e.what()) + "\n";
    } catch (const SQLite::Exception& e) {
      out +=
          "> [!error] Dataview\n> the database refused this query: " + std::string(e.what()) + "\n";
    }
    i = end;  // The closing fence.
  }
  return out;
}

}  // namespace notestore::dataview
