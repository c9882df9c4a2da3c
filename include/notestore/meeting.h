// Meetings: notes with a date and attendees (or a meeting type), and how to ask for them.
#ifndef NOTESTORE_MEETING_H_
#define NOTESTORE_MEETING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "notestore/date.h"

namespace notestore {

struct Attendee {
  std::optional<int64_t> person_id;  // Nothing when the name did not resolve.
  std::string name;                  // The person's name, else as written.
};

struct Meeting {
  int64_t id = 0;  // Equal to note_id.
  int64_t note_id = 0;
  std::string path;
  std::optional<Date> date;
  std::string title;
  std::optional<int64_t> account_id;
  std::string account;
  std::string source;  // e.g. "transcript"
  std::vector<Attendee> attendees;
  std::optional<int64_t> duplicate_of;
};

// Which meetings to return, oldest first. Defaults select all but duplicates.
struct MeetingQuery {
  // A person's name or alias who attended; unknown names throw Error(kNotFound).
  std::string person;
  // An account's name.
  std::string account;
  // Dates, inclusive. Meetings without a date never match a range.
  std::optional<Date> from;
  std::optional<Date> to;
  bool include_duplicates = false;
  int limit = 0;  // 0 for no limit.
};

}  // namespace notestore

#endif  // NOTESTORE_MEETING_H_
