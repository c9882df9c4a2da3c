// Tasks: list items with a [c] checkbox, and how to ask for them.
#ifndef NOTESTORE_TASK_H_
#define NOTESTORE_TASK_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notestore/date.h"

namespace notestore {

enum class TaskStatus { kOpen, kDone, kCancelled, kInProgress };
// "open", "done", "cancelled", "in_progress".
const char* TaskStatusName(TaskStatus status);
// Accepts the names above (also "in-progress") case-insensitively; nothing otherwise.
std::optional<TaskStatus> ParseTaskStatus(std::string_view name);

// Ordered: a higher value is more urgent.
enum class Priority { kLowest, kLow, kMedium, kHigh, kHighest };
// "lowest" ... "highest".
const char* PriorityName(Priority priority);
std::optional<Priority> ParsePriority(std::string_view name);

struct Task {
  int64_t id = 0;
  int64_t note_id = 0;
  std::string path;  // The note's path.
  int line = 0;
  TaskStatus status = TaskStatus::kOpen;
  std::string status_char;  // As written between the brackets.
  std::string text;
  std::optional<int64_t> owner_id;  // The resolved person.
  std::string owner;                // Their name; empty when unowned.
  std::string owner_name;           // The @name as written; empty when none.
  std::optional<Date> due, scheduled, start, created, done, cancelled;
  std::optional<Priority> priority;
  std::string recurrence;
  std::string section;  // The heading the task sits under.
  std::optional<int64_t> parent_id;
  std::optional<int64_t> duplicate_of;
  std::optional<int64_t> account_id;  // The account of the task's note.
  std::string account;
  std::vector<std::string> tags;
};

enum class TaskOrder {
  kDue,       // Soonest due first, undated last; then path and line.
  kPriority,  // Most urgent first; then due.
  kPath,      // By note path and line: the order of the vault.
};

// Which tasks to return. Every field narrows the result; defaults select all tasks
// except duplicates.
struct TaskQuery {
  // Statuses to include; empty for any. Default: any.
  std::vector<TaskStatus> statuses;
  // A person's name or alias (case-insensitive); empty for anyone. An unknown name
  // makes tasks() throw Error(kNotFound). Default: empty.
  std::string owner;
  // Only tasks without an owner. Default: false.
  bool unowned = false;
  // An account's name (case-insensitive): tasks in notes about it. Default: empty.
  std::string account;
  // A note path: only tasks in that note. Default: empty.
  std::string note;
  // A tag without '#' (case-insensitive); nested tags match their parents' name
  // ("area" matches "area/sub"). Default: empty.
  std::string tag;
  // Due strictly before / on or after the date. Undated tasks never match. Default: none.
  std::optional<Date> due_before;
  std::optional<Date> due_after;
  // Priority at least this. Tasks without a priority never match. Default: none.
  std::optional<Priority> min_priority;
  // Case-insensitive substring of the text. Default: empty.
  std::string text_contains;
  // Open or in-progress tasks due before this day. Default: none.
  std::optional<Date> overdue_as_of;
  // Whether to return tasks marked as repeats of another. Default: false.
  bool include_duplicates = false;
  TaskOrder order = TaskOrder::kDue;
  // At most this many (0 for no limit), after skipping `offset`. Default: 0, 0.
  int limit = 0;
  int offset = 0;
};

}  // namespace notestore

#endif  // NOTESTORE_TASK_H_
