// Decisions (bullets under Decisions headings) and facts (Key Facts, Blockers, ...).
#ifndef NOTESTORE_DECISION_H_
#define NOTESTORE_DECISION_H_

#include <cstdint>
#include <optional>
#include <string>

#include "notestore/date.h"

namespace notestore {

struct Decision {
  int64_t id = 0;
  int64_t note_id = 0;
  std::string path;
  int line = 0;
  std::string text;
  std::string section;
  std::optional<Date> date;  // The note's date.
  std::optional<int64_t> account_id;
  std::string account;
  std::optional<int64_t> duplicate_of;
};

// Which decisions to return, oldest first (undated last). Defaults: all but duplicates.
struct DecisionQuery {
  // An account's name (case-insensitive); unknown names throw Error(kNotFound).
  std::string account;
  // A person's name or alias: decisions of meetings they attended or notes naming them.
  std::string person;
  // Dates, inclusive; undated decisions never match a range.
  std::optional<Date> from;
  std::optional<Date> to;
  bool include_duplicates = false;
  int limit = 0;  // 0 for no limit.
};

}  // namespace notestore

#endif  // NOTESTORE_DECISION_H_
