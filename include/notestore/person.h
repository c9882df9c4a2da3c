// People, as resolved across the whole vault.
#ifndef NOTESTORE_PERSON_H_
#define NOTESTORE_PERSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace notestore {

struct Person {
  int64_t id = 0;
  std::string name;
  std::string role;
  std::string company;
  std::optional<int64_t> note_id;  // Their person note.
  std::string note_path;
  std::vector<std::string> aliases;
  int64_t meetings = 0;    // Meetings attended.
  int64_t open_tasks = 0;  // Open or in-progress tasks owned.
};

}  // namespace notestore

#endif  // NOTESTORE_PERSON_H_
