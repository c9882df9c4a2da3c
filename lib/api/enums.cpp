// Names of the public enums, both ways.
#include <string>

#include "notestore/search.h"
#include "notestore/task.h"
#include "util/text.h"

namespace notestore {

const char* TaskStatusName(TaskStatus status) {
  switch (status) {
    case TaskStatus::kOpen:
      return "open";
    case TaskStatus::kDone:
      return "done";
    case TaskStatus::kCancelled:
      return "cancelled";
    case TaskStatus::kInProgress:
      return "in_progress";
  }
  return "open";
}

std::optional<TaskStatus> ParseTaskStatus(std::string_view name) {
  std::string n = util::ToLowerAscii(util::Trim(name));
  if (n == "in-progress" || n == "inprogress") n = "in_progress";
  if (n == "canceled") n = "cancelled";
  for (TaskStatus s :
       {TaskStatus::kOpen, TaskStatus::kDone, TaskStatus::kCancelled, TaskStatus::kInProgress}) {
    if (n == TaskStatusName(s)) return s;
  }
  return std::nullopt;
}

const char* PriorityName(Priority priority) {
  switch (priority) {
    case Priority::kLowest:
      return "lowest";
    case Priority::kLow:
      return "low";
    case Priority::kMedium:
      return "medium";
    case Priority::kHigh:
      return "high";
    case Priority::kHighest:
      return "highest";
  }
  return "medium";
}

std::optional<Priority> ParsePriority(std::string_view name) {
  const std::string n = util::ToLowerAscii(util::Trim(name));
  for (Priority p : {Priority::kLowest, Priority::kLow, Priority::kMedium, Priority::kHigh,
                     Priority::kHighest}) {
    if (n == PriorityName(p)) return p;
  }
  return std::nullopt;
}

const char* SearchKindName(SearchKind kind) {
  switch (kind) {
    case SearchKind::kNote:
      return "note";
    case SearchKind::kTask:
      return "task";
    case SearchKind::kDecision:
      return "decision";
  }
  return "note";
}

std::optional<SearchKind> ParseSearchKind(const std::string& name) {
  std::string n = util::ToLowerAscii(util::Trim(name));
  if (!n.empty() && n.back() == 's') n.pop_back();  // "notes", "tasks", "decisions"
  for (SearchKind k : {SearchKind::kNote, SearchKind::kTask, SearchKind::kDecision}) {
    if (n == SearchKindName(k)) return k;
  }
  return std::nullopt;
}

}  // namespace notestore
