// query 'DQL' [--note PATH] [--json]: run a Dataview query on the store ('-': from stdin).
// render PATH: print a note with its dataview blocks replaced by their results.
#include <iostream>
#include <iterator>
#include <memory>

#include "commands.h"
#include "query_common.h"

namespace notestore::cli {
namespace {

struct QueryArgs : CommonArgs {
  std::string query;
  std::string note;
};

const char* TypeName(DataviewResult::Type type) {
  switch (type) {
    case DataviewResult::Type::kList:
      return "list";
    case DataviewResult::Type::kTable:
      return "table";
    case DataviewResult::Type::kTask:
      return "task";
  }
  return "";
}

Json ResultJson(const DataviewResult& r) {
  Json j = Json::object();
  j["type"] = TypeName(r.type);
  j["columns"] = r.columns;
  j["rows"] = r.rows;
  Json groups = Json::array();
  for (const DataviewTaskGroup& g : r.task_groups) {
    Json tasks = Json::array();
    for (const DataviewTask& t : g.tasks) {
      tasks.push_back({{"path", t.path}, {"line", t.line}, {"status", t.status}, {"text", t.text}});
    }
    groups.push_back({{"heading", g.heading}, {"tasks", tasks}});
  }
  j["task_groups"] = groups;
  j["markdown"] = r.markdown;
  j["from_sql"] = r.from_sql;
  return j;
}

void RunQuery(const QueryArgs& a) {
  std::string query = a.query;
  if (query == "-") {  // A query too long for the command line, from standard input.
    query.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  const DataviewResult result = OpenForReading(a).dataview(query, a.note);
  if (a.json) {
    std::cout << ResultJson(result).dump(2) << "\n";
  } else {
    std::cout << result.markdown;
  }
}

}  // namespace

void AddDataviewCommands(CLI::App& app) {
  auto q = std::make_shared<QueryArgs>();
  CLI::App* query = app.add_subcommand(
      "query", "Run a Dataview query (LIST, TABLE, TASK; see docs/dataview.md) on the store");
  query
      ->add_option("dql", q->query,
                   "The query, e.g. 'TASK FROM \"\" WHERE !completed'; - reads it from stdin")
      ->required();
  AddCommonOptions(query, q.get());
  query->add_option("--note", q->note, "The note the query belongs to (this, [[]])");
  query->callback([q] { RunQuery(*q); });

  auto r = std::make_shared<QueryArgs>();
  CLI::App* render = app.add_subcommand(
      "render", "Print a note with each dataview block replaced by its result, in Markdown");
  render->add_option("note", r->note, "The note: its path or name")->required();
  AddCommonOptions(render, r.get());
  render->callback([r] {
    const std::string text = OpenForReading(*r).render(r->note);
    if (r->json) {
      std::cout << Json({{"path", r->note}, {"markdown", text}}).dump(2) << "\n";
    } else {
      std::cout << text;
    }
  });
}

}  // namespace notestore::cli
