// open_tasks DB [QUERY]: the open tasks of a notestore database by owner, and the top
// search hits for QUERY. A small client of the installed notestore package.
#include <notestore/notestore.h>

#include <iostream>
#include <map>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: open_tasks DB [QUERY]\n";
    return 2;
  }
  try {
    notestore::OpenOptions options;
    options.read_only = true;
    const notestore::Store store = notestore::Store::open(argv[1], options);

    notestore::TaskQuery open;
    open.statuses = {notestore::TaskStatus::kOpen, notestore::TaskStatus::kInProgress};
    std::map<std::string, std::vector<notestore::Task>> by_owner;
    for (notestore::Task& t : store.tasks(open)) {
      by_owner[t.owner.empty() ? "(unowned)" : t.owner].push_back(std::move(t));
    }
    for (const auto& [owner, tasks] : by_owner) {
      std::cout << owner << " (" << tasks.size() << ")\n";
      for (const notestore::Task& t : tasks) {
        std::cout << "  - " << t.text;
        if (t.due) std::cout << "  [due " << t.due->ToString() << "]";
        std::cout << "\n";
      }
    }

    if (argc > 2) {
      notestore::SearchOptions search;
      search.limit = 5;
      std::cout << "\nTop hits for \"" << argv[2] << "\":\n";
      for (const notestore::SearchHit& h : store.search(argv[2], search)) {
        std::cout << "  " << notestore::SearchKindName(h.kind) << "  " << h.title << "  (" << h.path
                  << ")\n";
      }
    }
  } catch (const notestore::Error& e) {
    std::cerr << "open_tasks: " << e.what() << " [" << notestore::ErrorCodeName(e.code()) << "]\n";
    return 1;
  }
  return 0;
}
