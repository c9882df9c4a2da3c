// Accounts (customers, prospects, partners), as resolved across the whole vault.
#ifndef NOTESTORE_ACCOUNT_H_
#define NOTESTORE_ACCOUNT_H_

#include <cstdint>
#include <optional>
#include <string>

namespace notestore {

struct Account {
  int64_t id = 0;
  std::string name;
  std::string status;
  std::string industry;
  std::optional<int64_t> note_id;  // The account note.
  std::string note_path;
  int64_t meetings = 0;
  int64_t decisions = 0;
  int64_t open_tasks = 0;
};

}  // namespace notestore

#endif  // NOTESTORE_ACCOUNT_H_
