#include "dataview/store_pages.h"

#include <SQLiteCpp/Statement.h>

#include <ctime>
#include <regex>
#include <set>

#include "notestore/error.h"
#include "util/text.h"

namespace notestore::dataview {
namespace {

Value FileLink(const std::string& path) { return Value::Link(LinkValue{path, "", "", false}); }

DateTime LocalTime(int64_t ns) {
  const std::time_t secs = static_cast<std::time_t>(ns / 1000000000);
  std::tm tm{};
  localtime_r(&secs, &tm);
  CivilTime c{tm.tm_year + 1900,
              tm.tm_mon + 1,
              tm.tm_mday,
              tm.tm_hour,
              tm.tm_min,
              tm.tm_sec,
              static_cast<int>(ns / 1000000 % 1000)};
  return FromCivil(c, true);
}

DateTime DayOf(const DateTime& d) {
  CivilTime c = ToCivil(d);
  c.hour = c.minute = c.second = c.millisecond = 0;
  return FromCivil(c, false);
}

// -12, 3.5: the whole text a number (checked by hand: a field may be long).
bool IsNumber(const std::string& text) {
  size_t i = text[0] == '-' ? 1 : 0;
  const size_t digits = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == digits) return false;
  if (i < text.size() && text[i] == '.') {
    const size_t fraction = ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == fraction) return false;
  }
  return i == text.size();
}

Value MakeDayValue(const std::string& text) {
  const std::optional<DateTime> d = ParseDate(text.substr(0, 10));
  return d ? Value::Date(DayOf(*d)) : Value();
}

// The text of a task line after its list marker and checkbox: "- [ ] Call Ana 📅 ...".
std::string TaskText(const std::string& raw) {
  size_t pos = 0;
  while (pos < raw.size() && (raw[pos] == ' ' || raw[pos] == '\t' || raw[pos] == '>')) ++pos;
  while (pos < raw.size() &&
         (std::isdigit(static_cast<unsigned char>(raw[pos])) || raw[pos] == '-' ||
          raw[pos] == '*' || raw[pos] == '+' || raw[pos] == '.' || raw[pos] == ')')) {
    ++pos;
  }
  while (pos < raw.size() && raw[pos] == ' ') ++pos;
  if (raw.compare(pos, 1, "[") == 0 && pos + 2 < raw.size() && raw[pos + 2] == ']') pos += 3;
  return std::string(util::Trim(std::string_view(raw).substr(pos)));
}

Value DateOrNull(const SQLite::Column& c) {
  if (c.isNull()) return Value();
  if (auto d = ParseDate(c.getString())) return Value::Date(*d);
  return Value();
}

// Fields of one note: key -> values in order, then folded into a list when several.
struct FieldList {
  std::vector<std::string> order;
  std::map<std::string, std::pair<List, bool>> values;  // key -> (values, written as a list)
  void Add(const std::string& key, Value v, bool list) {
    auto [it, inserted] = values.try_emplace(key);
    if (inserted) order.push_back(key);
    it->second.first.push_back(std::move(v));
    it->second.second = it->second.second || list;
  }
  Object Fold() const {
    Object out;
    for (const std::string& key : order) {
      const auto& [items, list] = values.at(key);
      out.emplace_back(key, list || items.size() > 1 ? Value::Array(items) : items[0]);
    }
    return out;
  }
};

}  // namespace

Value TypedValue(const std::string& raw, StorePages* pages) {
  const std::string text(util::Trim(raw));
  if (text.empty()) return Value();
  if (util::EqualsIgnoreCase(text, "true") || util::EqualsIgnoreCase(text, "false")) {
    return Value::Boolean(util::EqualsIgnoreCase(text, "true"));
  }
  if (IsNumber(text)) return Value::Number(std::atof(text.c_str()));
  if (auto d = ParseDate(text)) return Value::Date(*d);
  if (text.size() > 4 && util::StartsWith(text, "[[") && util::EndsWith(text, "]]") &&
      text.find("]]") == text.size() - 2) {
    LinkValue l;
    std::string inner = text.substr(2, text.size() - 4);
    const size_t bar = inner.find('|');
    if (bar != std::string::npos) {
      l.display = inner.substr(bar + 1);
      inner.resize(bar);
    }
    const size_t hash = inner.find('#');
    if (hash != std::string::npos) {
      l.subpath = inner.substr(hash + 1);
      inner.resize(hash);
    }
    l.path = inner;
    return Value::Link(pages ? pages->Resolve(l) : l);
  }
  return Value::String(text);
}

void StorePages::SetSourceNote(int64_t note_id) {
  source_path_.clear();
  if (note_id == 0) return;
  Index();
  source_path_ = paths_.at(note_id);
}

const resolve::LinkIndex& StorePages::Index() {
  if (!index_) {
    index_.emplace();
    SQLite::Statement q(db_, "SELECT id, path FROM notes");
    while (q.executeStep()) {
      const int64_t id = q.getColumn(0).getInt64();
      paths_[id] = q.getColumn(1).getString();
      index_->AddNote(id, paths_[id]);
    }
  }
  return *index_;
}

int64_t StorePages::FindNote(const std::string& target) {
  return Index().Resolve(target, source_path_, /*markdown=*/false).value_or(0);
}

LinkValue StorePages::Resolve(const LinkValue& link) {
  LinkValue out = link;
  if (const int64_t id = FindNote(link.path)) out.path = paths_.at(id);
  return out;
}

SourceSql StorePages::Translate(const Source* source, int64_t this_note) {
  SourceSql out;
  if (source == nullptr) {
    out.sql = "SELECT id FROM notes";
    return out;
  }
  auto note_of = [&](const std::string& target) {
    if (target.empty() || target == "#") {
      if (this_note == 0) {
        throw Error(ErrorCode::kQuery,
                    "dataview FROM: [[]] means the note holding the query, and there is none "
                    "(give the note: --note PATH)");
      }
      return this_note;
    }
    return FindNote(target);
  };
  switch (source->kind) {
    case Source::Kind::kAll:
      out.sql = "SELECT id FROM notes";
      break;
    case Source::Kind::kFolder: {
      std::string folder = source->text;
      while (!folder.empty() && folder.back() == '/') folder.pop_back();
      if (folder.empty()) {
        out.sql = "SELECT id FROM notes";
      } else {
        out.sql =
            "SELECT id FROM notes WHERE path = ? OR path = ? || '.md' OR "
            "(path > ? || '/' AND path < ? || '0')";
        out.params = {folder, folder, folder, folder};
      }
      break;
    }
    case Source::Kind::kTag:
      // A nested tag by its prefix, compared exactly (LIKE would read '_' as a wildcard).
      out.sql =
          "SELECT note_id FROM tags WHERE tag = ? COLLATE NOCASE OR "
          "lower(substr(tag, 1, length(?) + 1)) = lower(? || '/')";
      out.params = {source->text, source->text, source->text};
      break;
    case Source::Kind::kIncoming:
      if (const int64_t id = note_of(source->text)) {
        out.sql = "SELECT note_id FROM links WHERE target_note_id = " + std::to_string(id);
      } else {  // No such note: the notes that link to the name anyway.
        out.sql = "SELECT note_id FROM links WHERE target = ? COLLATE NOCASE";
        out.params = {source->text};
      }
      break;
    case Source::Kind::kOutgoing:
      out.sql = "SELECT target_note_id FROM links WHERE target_note_id IS NOT NULL AND note_id = " +
                std::to_string(note_of(source->text));
      break;
    case Source::Kind::kAnd:
    case Source::Kind::kOr: {
      const SourceSql a = Translate(source->parts[0].get(), this_note);
      const SourceSql b = Translate(source->parts[1].get(), this_note);
      out.sql = "SELECT * FROM (" + a.sql + ") " +
                (source->kind == Source::Kind::kAnd ? "INTERSECT" : "UNION") + " SELECT * FROM (" +
                b.sql + ")";
      out.params = a.params;
      out.params.insert(out.params.end(), b.params.begin(), b.params.end());
      break;
    }
    case Source::Kind::kNot: {
      const SourceSql a = Translate(source->parts[0].get(), this_note);
      out.sql = "SELECT id FROM notes EXCEPT SELECT * FROM (" + a.sql + ")";
      out.params = a.params;
      break;
    }
  }
  return out;
}

namespace {

// fullyCompleted (done, and so is every subtask) and parent (the parent's line), which
// need a note's tasks all read. Children follow their parent in line order, so one pass
// from the end settles every subtree before its root.
template <typename PendingTask>
std::vector<Value> FinishTasks(std::vector<PendingTask>* tasks, const Value& file) {
  std::map<int64_t, size_t> by_id;
  for (size_t k = 0; k < tasks->size(); ++k) by_id[(*tasks)[k].id] = k;
  std::vector<bool> fully(tasks->size());
  for (size_t k = 0; k < tasks->size(); ++k) fully[k] = (*tasks)[k].completed;
  for (size_t k = tasks->size(); k-- > 0;) {
    auto parent = by_id.find((*tasks)[k].parent_id);
    if (parent != by_id.end() && !fully[k]) fully[parent->second] = false;
  }
  std::vector<Value> out;
  for (size_t k = 0; k < tasks->size(); ++k) {
    Object& fields = (*tasks)[k].fields;
    fields.emplace_back("fullyCompleted", Value::Boolean(fully[k]));
    auto parent = by_id.find((*tasks)[k].parent_id);
    if (parent != by_id.end()) {
      fields.emplace_back("parent", Value::Number((*tasks)[parent->second].line));
    }
    fields.emplace_back("file", file);  // file.name, file.folder, ... of the task's note.
    out.push_back(Value::Obj(std::move(fields)));
  }
  return out;
}

}  // namespace

std::vector<Page> StorePages::Load(const SourceSql& source, const PageNeeds& needs) {
  const std::string in = " IN (" + source.sql + ")";
  auto bind = [&](SQLite::Statement& q) {
    for (size_t i = 0; i < source.params.size(); ++i)
      q.bind(static_cast<int>(i + 1), source.params[i]);
  };
  std::vector<Page> pages;
  std::map<int64_t, size_t> index;
  struct Raw {
    std::string path, folder, date;
    int64_t size = 0, mtime_ns = 0;
    FieldList fields, frontmatter;
    std::map<int, FieldList> line_fields;  // Inline fields by line, for tasks.
    List tags, etags, aliases, inlinks, outlinks;
    // Tasks, in line order, finished once all are read (fullyCompleted, parent lines).
    struct PendingTask {
      Object fields;
      int64_t id = 0, parent_id = 0;
      int line = 0;
      bool completed = false;
    };
    std::vector<PendingTask> tasks;
  };
  std::vector<Raw> raw;
  {
    SQLite::Statement q(
        db_, "SELECT id, path, folder, file_size, file_mtime_ns, date FROM notes WHERE id" + in +
                 " ORDER BY path");
    bind(q);
    while (q.executeStep()) {
      index[q.getColumn(0).getInt64()] = pages.size();
      pages.push_back(Page{q.getColumn(0).getInt64(), Value(), {}});
      Raw r;
      r.path = q.getColumn(1).getString();
      r.folder = q.getColumn(2).getString();
      r.size = q.getColumn(3).getInt64();
      r.mtime_ns = q.getColumn(4).getInt64();
      r.date = q.getColumn(5).isNull() ? "" : q.getColumn(5).getString();
      raw.push_back(std::move(r));
    }
  }
  if (pages.empty()) return pages;
  {
    SQLite::Statement q(
        db_,
        "SELECT note_id, key, value, idx, line, source FROM properties WHERE source IN "
        "('frontmatter', 'inline') AND note_id" +
            in + " ORDER BY note_id, rowid");
    bind(q);
    while (q.executeStep()) {
      Raw& r = raw[index.at(q.getColumn(0).getInt64())];
      const std::string key = q.getColumn(1).getString();
      const Value v =
          q.getColumn(2).isNull() ? Value() : TypedValue(q.getColumn(2).getString(), this);
      const bool list = !q.getColumn(3).isNull();
      r.fields.Add(key, v, list);
      if (q.getColumn(5).getString() == "frontmatter") {
        r.frontmatter.Add(key, v, list);
      } else if (!q.getColumn(4).isNull()) {
        r.line_fields[q.getColumn(4).getInt()].Add(key, v, false);
      }
    }
  }
  {
    SQLite::Statement q(db_, "SELECT note_id, tag, source FROM tags WHERE note_id" + in +
                                 " ORDER BY note_id, rowid");
    bind(q);
    std::map<int64_t, std::set<std::string>> seen;
    while (q.executeStep()) {
      Raw& r = raw[index.at(q.getColumn(0).getInt64())];
      const std::string tag = "#" + q.getColumn(1).getString();
      std::set<std::string>& done = seen[q.getColumn(0).getInt64()];
      if (!done.insert("e" + tag).second) continue;
      r.etags.push_back(Value::String(tag));
      // file.tags also holds every parent of a nested tag: #a/b gives #a and #a/b.
      for (size_t slash = tag.find('/');; slash = tag.find('/', slash + 1)) {
        const std::string part = tag.substr(0, slash);
        if (done.insert(part).second) r.tags.push_back(Value::String(part));
        if (slash == std::string::npos) break;
      }
    }
  }
  {
    SQLite::Statement q(db_, "SELECT note_id, alias FROM note_aliases WHERE note_id" + in +
                                 " ORDER BY note_id, rowid");
    bind(q);
    while (q.executeStep()) {
      raw[index.at(q.getColumn(0).getInt64())].aliases.push_back(
          Value::String(q.getColumn(1).getString()));
    }
  }
  if (needs.links) {
    SQLite::Statement out(db_,
                          "SELECT l.note_id, coalesce(t.path, l.target), l.heading FROM links l "
                          "LEFT JOIN notes t ON t.id = l.target_note_id WHERE l.note_id" +
                              in + " ORDER BY l.note_id, l.id");
    bind(out);
    while (out.executeStep()) {
      raw[index.at(out.getColumn(0).getInt64())].outlinks.push_back(Value::Link(
          LinkValue{out.getColumn(1).getString(), "",
                    out.getColumn(2).isNull() ? "" : out.getColumn(2).getString(), false}));
    }
    SQLite::Statement back(db_,
                           "SELECT DISTINCT l.target_note_id, s.path FROM links l JOIN notes s ON "
                           "s.id = l.note_id WHERE l.target_note_id" +
                               in + " ORDER BY l.target_note_id, s.path");
    bind(back);
    while (back.executeStep()) {
      raw[index.at(back.getColumn(0).getInt64())].inlinks.push_back(
          FileLink(back.getColumn(1).getString()));
    }
  }
  if (needs.tasks) {
    SQLite::Statement q(
        db_,
        "SELECT t.note_id, t.line, t.status_char, t.raw, t.due, t.scheduled, t.start, "
        "t.created, t.done, t.priority, t.section, p.name, t.parent_id, t.id, "
        "(SELECT group_concat('#' || tag, ' ') FROM task_tags WHERE task_id = t.id) "
        "FROM tasks t LEFT JOIN people p ON p.id = t.owner_id WHERE t.note_id" +
            in + " ORDER BY t.note_id, t.line");
    bind(q);
    while (q.executeStep()) {
      const size_t i = index.at(q.getColumn(0).getInt64());
      Raw& r = raw[i];
      const int line = q.getColumn(1).getInt();
      const std::string status = q.getColumn(2).getString();
      const bool completed = status == "x" || status == "X";
      Object t;
      t.reserve(24);
      auto put = [&](const char* key, Value v) {
        if (!v.is_null()) t.emplace_back(key, std::move(v));
      };
      put("text", Value::String(TaskText(q.getColumn(3).getString())));
      put("status", Value::String(status));
      put("completed", Value::Boolean(completed));
      put("checked", Value::Boolean(status != " "));
      put("due", DateOrNull(q.getColumn(4)));
      put("scheduled", DateOrNull(q.getColumn(5)));
      put("start", DateOrNull(q.getColumn(6)));
      put("created", DateOrNull(q.getColumn(7)));
      put("completion", DateOrNull(q.getColumn(8)));
      if (!q.getColumn(9).isNull()) put("priority", Value::String(q.getColumn(9).getString()));
      const std::string section = q.getColumn(10).isNull() ? "" : q.getColumn(10).getString();
      const Value section_link = Value::Link(LinkValue{r.path, "", section, false});
      put("section", section_link);
      if (!q.getColumn(11).isNull()) put("owner", Value::String(q.getColumn(11).getString()));
      put("line", Value::Number(line));
      put("path", Value::String(r.path));
      put("link", section_link);  // The same link, shared.
      List tags;
      if (!q.getColumn(14).isNull()) {
        const std::string joined = q.getColumn(14).getString();  // Outlives the views.
        for (std::string_view tag : util::Split(joined, ' ')) {
          tags.push_back(Value::String(std::string(tag)));
        }
      }
      put("tags", Value::Array(std::move(tags)));
      put("task", Value::Boolean(true));
      put("real", Value::Boolean(true));
      auto inline_fields = r.line_fields.find(line);
      const bool annotated = inline_fields != r.line_fields.end();
      put("annotated", Value::Boolean(annotated));
      if (annotated) {
        for (auto& [key, value] : inline_fields->second.Fold()) {
          if (Value(Value::Obj(t)).Field(key).is_null()) t.emplace_back(key, value);
        }
      }
      r.tasks.push_back(Raw::PendingTask{std::move(t), q.getColumn(13).getInt64(),
                                         q.getColumn(12).isNull() ? 0 : q.getColumn(12).getInt64(),
                                         line, completed});
    }
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    Raw& r = raw[i];
    const DateTime mtime = LocalTime(r.mtime_ns);
    Value day;
    static const std::regex kDay(R"((\d{4}-\d{2}-\d{2}))");
    std::smatch m;
    const std::string name = NoteName(r.path);
    if (std::regex_search(name, m, kDay)) day = MakeDayValue(m.str(1));
    if (day.is_null() && !r.date.empty()) day = MakeDayValue(r.date);
    Object file{{"name", Value::String(name)},
                {"path", Value::String(r.path)},
                {"folder", Value::String(r.folder)},
                {"ext", Value::String("md")},
                {"link", FileLink(r.path)},
                {"size", Value::Number(static_cast<double>(r.size))},
                {"ctime", Value::Date(mtime)},
                {"cday", Value::Date(DayOf(mtime))},
                {"mtime", Value::Date(mtime)},
                {"mday", Value::Date(DayOf(mtime))},
                {"day", day},
                {"tags", Value::Array(r.tags)},
                {"etags", Value::Array(r.etags)},
                {"aliases", Value::Array(r.aliases)},
                {"frontmatter", Value::Obj(r.frontmatter.Fold())}};
    if (needs.links) {
      file.emplace_back("inlinks", Value::Array(r.inlinks));
      file.emplace_back("outlinks", Value::Array(r.outlinks));
    }
    if (needs.tasks) {
      // A task's own file is this object without the task lists (which would hold the
      // task itself: a cycle of shared pointers).
      pages[i].tasks = FinishTasks(&r.tasks, Value::Obj(file));
      file.emplace_back("tasks", Value::Array(pages[i].tasks));
      file.emplace_back("lists", Value::Array(pages[i].tasks));
    }
    // The implicit file comes first, so a frontmatter key `file` cannot hide it.
    Object fields{{"file", Value::Obj(std::move(file))}};
    for (auto& field : r.fields.Fold()) fields.push_back(std::move(field));
    pages[i].object = Value::Obj(std::move(fields));
  }
  return pages;
}

Value StorePages::PageOf(int64_t note_id, const PageNeeds& needs) {
  if (note_id == 0) return Value();
  const auto key = std::make_tuple(note_id, needs.links, needs.tasks);
  if (auto it = pages_.find(key); it != pages_.end()) return it->second;
  std::vector<Page> one = Load(SourceSql{"SELECT " + std::to_string(note_id), {}}, needs);
  Value v = one.empty() ? Value() : one[0].object;
  pages_[key] = v;
  return v;
}

}  // namespace notestore::dataview
