// The query option structs, as plain mutable objects the Python layer fills from keyword
// arguments (see notestore/__init__.py). Enum-valued options accept the enum or its value.
#include "bindings.h"
#include "convert.h"

namespace notestore::python {
namespace {

template <typename E>
E ParseOrThrow(const py::handle& value, std::optional<E> (*parse)(std::string_view),
               const char* what, const char* allowed) {
  const std::string text = EnumValue(value);
  if (std::optional<E> e = parse(text)) return *e;
  throw Error(ErrorCode::kInvalidArgument,
              std::string(what) + " must be one of " + allowed + ", not '" + text + "'");
}

TaskStatus ToStatus(const py::handle& v) {
  return ParseOrThrow<TaskStatus>(v, ParseTaskStatus, "status",
                                  "open, done, cancelled, in_progress");
}
Priority ToPriority(const py::handle& v) {
  return ParseOrThrow<Priority>(v, ParsePriority, "priority", "lowest, low, medium, high, highest");
}
SearchKind ToKind(const py::handle& v) {
  const std::string text = EnumValue(v);
  if (std::optional<SearchKind> k = ParseSearchKind(text)) return *k;
  throw Error(ErrorCode::kInvalidArgument,
              "kind must be note, task or decision, not '" + text + "'");
}

}  // namespace

void BindQueries(py::module_& m) {
  py::class_<TaskQuery>(m, "_TaskQuery")
      .def(py::init<>())
      .def_property(
          "statuses",
          [](const TaskQuery& q) {
            py::list out;
            for (TaskStatus s : q.statuses) out.append(TaskStatusName(s));
            return out;
          },
          [](TaskQuery& q, const py::iterable& values) {
            q.statuses.clear();
            for (const py::handle& v : values) q.statuses.push_back(ToStatus(v));
          })
      .def_readwrite("owner", &TaskQuery::owner)
      .def_readwrite("unowned", &TaskQuery::unowned)
      .def_readwrite("account", &TaskQuery::account)
      .def_readwrite("note", &TaskQuery::note)
      .def_readwrite("tag", &TaskQuery::tag)
      .def_readwrite("due_before", &TaskQuery::due_before)
      .def_readwrite("due_after", &TaskQuery::due_after)
      .def_property(
          "min_priority",
          [](const TaskQuery& q) {
            return q.min_priority ? py::object(py::str(PriorityName(*q.min_priority))) : py::none();
          },
          [](TaskQuery& q, const py::object& v) {
            q.min_priority = v.is_none() ? std::nullopt : std::optional<Priority>(ToPriority(v));
          })
      .def_readwrite("text_contains", &TaskQuery::text_contains)
      .def_readwrite("overdue_as_of", &TaskQuery::overdue_as_of)
      .def_readwrite("include_duplicates", &TaskQuery::include_duplicates)
      .def_property(
          "order", [](const TaskQuery& q) { return static_cast<int>(q.order); },
          [](TaskQuery& q, const std::string& order) {
            if (order == "due") {
              q.order = TaskOrder::kDue;
            } else if (order == "priority") {
              q.order = TaskOrder::kPriority;
            } else if (order == "path") {
              q.order = TaskOrder::kPath;
            } else {
              throw Error(ErrorCode::kInvalidArgument,
                          "order must be due, priority or path, not '" + order + "'");
            }
          })
      .def_readwrite("limit", &TaskQuery::limit)
      .def_readwrite("offset", &TaskQuery::offset);

  py::class_<MeetingQuery>(m, "_MeetingQuery")
      .def(py::init<>())
      .def_readwrite("person", &MeetingQuery::person)
      .def_readwrite("account", &MeetingQuery::account)
      .def_readwrite("from_", &MeetingQuery::from)
      .def_readwrite("to", &MeetingQuery::to)
      .def_readwrite("include_duplicates", &MeetingQuery::include_duplicates)
      .def_readwrite("limit", &MeetingQuery::limit);

  py::class_<DecisionQuery>(m, "_DecisionQuery")
      .def(py::init<>())
      .def_readwrite("account", &DecisionQuery::account)
      .def_readwrite("person", &DecisionQuery::person)
      .def_readwrite("from_", &DecisionQuery::from)
      .def_readwrite("to", &DecisionQuery::to)
      .def_readwrite("include_duplicates", &DecisionQuery::include_duplicates)
      .def_readwrite("limit", &DecisionQuery::limit);

  py::class_<SearchOptions>(m, "_SearchOptions")
      .def(py::init<>())
      .def_property(
          "kinds",
          [](const SearchOptions& o) {
            py::list out;
            for (SearchKind k : o.kinds) out.append(SearchKindName(k));
            return out;
          },
          [](SearchOptions& o, const py::iterable& values) {
            o.kinds.clear();
            for (const py::handle& v : values) o.kinds.push_back(ToKind(v));
          })
      .def_readwrite("from_", &SearchOptions::from)
      .def_readwrite("to", &SearchOptions::to)
      .def_readwrite("account", &SearchOptions::account)
      .def_readwrite("limit", &SearchOptions::limit)
      .def_readwrite("offset", &SearchOptions::offset)
      .def_readwrite("title_weight", &SearchOptions::title_weight)
      .def_readwrite("group_by_note", &SearchOptions::group_by_note)
      .def_readwrite("highlight_open", &SearchOptions::highlight_open)
      .def_readwrite("highlight_close", &SearchOptions::highlight_close)
      .def_readwrite("raw", &SearchOptions::raw)
      .def_readwrite("max_ranked", &SearchOptions::max_ranked)
      .def_readwrite("include_duplicates", &SearchOptions::include_duplicates);
}

}  // namespace notestore::python
