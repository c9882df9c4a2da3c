// The Store. Every database call runs with the GIL released, so other Python threads go
// on meanwhile; a per-store mutex keeps two threads from using one connection at once
// (a Store is not thread-safe in C++).
#include <memory>
#include <mutex>

#include "bindings.h"
#include "convert.h"

namespace notestore::python {
namespace {

class PyStore {
 public:
  PyStore(const std::string& path, bool read_only, bool create, int busy_timeout_ms) {
    OpenOptions options;
    options.read_only = read_only;
    options.create_if_missing = create;
    options.busy_timeout_ms = busy_timeout_ms;
    py::gil_scoped_release release;
    store_ = std::make_unique<Store>(Store::open(path, options));
  }

  // Runs `f(store)` without the GIL.
  template <typename F>
  auto Run(F f) -> decltype(f(std::declval<Store&>())) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    if (!store_) throw Error(ErrorCode::kInvalidArgument, "the store is closed");
    return f(*store_);
  }

  void Close() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    store_.reset();
  }
  bool closed() {
    std::lock_guard<std::mutex> lock(mu_);
    return !store_;
  }

 private:
  std::mutex mu_;
  std::unique_ptr<Store> store_;
};

IngestReport Ingest(PyStore& self, const std::string& vault, const std::string& me, bool force,
                    const std::vector<std::string>& extensions, const py::object& progress,
                    int threads, int parser_niceness, bool count_rows) {
  IngestOptions options;
  options.count_rows = count_rows;
  options.me = me;
  options.force = force;
  options.threads = threads;
  options.parser_niceness = parser_niceness;
  if (!extensions.empty()) options.extensions = extensions;
  if (!progress.is_none()) {
    // Called from the ingesting thread, which does not hold the GIL.
    options.on_progress = [progress](const IngestProgress& p) {
      static const char* const kPhases[] = {"scanning", "parsing", "resolving", "done"};
      py::gil_scoped_acquire acquire;
      progress(kPhases[static_cast<int>(p.phase)], p.files_done, p.files_total);
    };
  }
  return self.Run([&](Store& s) { return s.ingest(vault, options); });
}

// A Dataview result as plain Python values (dicts and lists), built with the GIL held.
py::dict DataviewDict(const DataviewResult& r) {
  static const char* const kTypes[] = {"list", "table", "task"};
  py::list groups;
  for (const DataviewTaskGroup& g : r.task_groups) {
    py::list tasks;
    for (const DataviewTask& t : g.tasks) {
      tasks.append(py::dict(py::arg("path") = t.path, py::arg("line") = t.line,
                            py::arg("status") = t.status, py::arg("text") = t.text));
    }
    groups.append(py::dict(py::arg("heading") = g.heading, py::arg("tasks") = tasks));
  }
  return py::dict(py::arg("type") = kTypes[static_cast<int>(r.type)],
                  py::arg("columns") = r.columns, py::arg("rows") = r.rows,
                  py::arg("task_groups") = groups, py::arg("markdown") = r.markdown,
                  py::arg("from_sql") = r.from_sql);
}

}  // namespace

void BindStore(py::module_& m) {
  py::class_<PyStore>(m, "_Store")
      .def(py::init<const std::string&, bool, bool, int>(), py::arg("path"),
           py::arg("read_only") = false, py::arg("create") = true,
           py::arg("busy_timeout_ms") = 5000)
      .def("close", &PyStore::Close)
      .def_property_readonly("closed", &PyStore::closed)
      .def("path", [](PyStore& s) { return s.Run([](Store& st) { return st.path(); }); })
      .def("schema_version",
           [](PyStore& s) { return s.Run([](Store& st) { return st.schema_version(); }); })
      .def("open_message",
           [](PyStore& s) { return s.Run([](Store& st) { return st.open_message(); }); })
      .def("ingest", &Ingest, py::arg("vault"), py::arg("me"), py::arg("force"),
           py::arg("extensions"), py::arg("progress"), py::arg("threads") = 0,
           py::arg("parser_niceness") = IngestOptions().parser_niceness,
           py::arg("count_rows") = IngestOptions().count_rows)
      .def("tasks",
           [](PyStore& s, const TaskQuery& q) {
             return s.Run([&](Store& st) { return st.tasks(q); });
           })
      .def("meetings",
           [](PyStore& s, const MeetingQuery& q) {
             return s.Run([&](Store& st) { return st.meetings(q); });
           })
      .def("decisions",
           [](PyStore& s, const DecisionQuery& q) {
             return s.Run([&](Store& st) { return st.decisions(q); });
           })
      .def("facts",
           [](PyStore& s, const std::string& kind) {
             return s.Run([&](Store& st) { return st.facts(kind); });
           })
      .def("people", [](PyStore& s) { return s.Run([](Store& st) { return st.people(); }); })
      .def("accounts", [](PyStore& s) { return s.Run([](Store& st) { return st.accounts(); }); })
      .def("duplicates",
           [](PyStore& s, const std::string& kind) {
             return s.Run([&](Store& st) { return st.duplicates(kind); });
           })
      .def("diagnostics",
           [](PyStore& s, const std::string& severity) {
             const Severity min = ParseSeverity(severity).value_or(Severity::kInfo);
             return s.Run([&](Store& st) { return st.diagnostics(min); });
           })
      .def("person",
           [](PyStore& s, const std::string& name, int limit) {
             return s.Run([&](Store& st) { return st.person(name, ProfileOptions{limit}); });
           })
      .def("account",
           [](PyStore& s, const std::string& name, int limit) {
             return s.Run([&](Store& st) { return st.account(name, ProfileOptions{limit}); });
           })
      .def("note",
           [](PyStore& s, const std::string& path) {
             return s.Run([&](Store& st) { return st.note(path); });
           })
      .def("links_from",
           [](PyStore& s, const std::string& path) {
             return s.Run([&](Store& st) { return st.links_from(path); });
           })
      .def("backlinks",
           [](PyStore& s, const std::string& path) {
             return s.Run([&](Store& st) { return st.backlinks(path); });
           })
      .def("search",
           [](PyStore& s, const std::string& query, const SearchOptions& o) {
             return s.Run([&](Store& st) { return st.search(query, o); });
           })
      .def("dataview",
           [](PyStore& s, const std::string& query, const std::string& note) {
             return DataviewDict(s.Run([&](Store& st) { return st.dataview(query, note); }));
           })
      .def("render", [](PyStore& s, const std::string& path) {
        return s.Run([&](Store& st) { return st.render(path); });
      });
}

}  // namespace notestore::python
