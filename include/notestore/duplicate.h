// Groups of repeats: one meeting written up twice, an action item listed twice in other
// words, a decision copied between notes. Nothing is deleted; queries leave the repeats
// out unless asked (include_duplicates).
#ifndef NOTESTORE_DUPLICATE_H_
#define NOTESTORE_DUPLICATE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace notestore {

struct DuplicateMember {
  int64_t id = 0;  // In the kind's table (meetings, tasks, decisions).
  std::string path;
  int line = 0;           // 0 for meetings.
  std::string text;       // The task's or decision's text, or the meeting's title.
  double similarity = 1;  // Content-word similarity to the canonical member, 0 to 1.
};

struct DuplicateGroup {
  std::string kind;  // "meeting", "task" or "decision".
  DuplicateMember canonical;
  std::vector<DuplicateMember> duplicates;  // Most similar first.
};

}  // namespace notestore

#endif  // NOTESTORE_DUPLICATE_H_
