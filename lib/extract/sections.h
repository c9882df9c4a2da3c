// What a section of a note is for, judged from its heading: "Key Decisions" holds
// decisions, "Current Blockers" holds facts of kind blocker, "Collaborators" holds people.
#ifndef NOTESTORE_LIB_EXTRACT_SECTIONS_H_
#define NOTESTORE_LIB_EXTRACT_SECTIONS_H_

#include <string>
#include <string_view>

#include "parse/parsed_note.h"

namespace notestore::extract {

enum class SectionRole { kNone, kDecisions, kFacts, kPeople, kTasks, kRelated, kStatus };

struct SectionInfo {
  SectionRole role = SectionRole::kNone;
  std::string fact_kind;  // For kFacts: fact, blocker, opportunity, risk, question, requirement.
};

// Classifies one heading's text.
SectionInfo ClassifyHeading(std::string_view heading);

// The role of the section holding heading `index`: its own, or if it has none, that of
// the nearest enclosing heading of a higher level ("## Decisions / ### Technical").
SectionInfo SectionOf(const parse::ParsedNote& note, int heading_index, int* role_heading);

}  // namespace notestore::extract

#endif  // NOTESTORE_LIB_EXTRACT_SECTIONS_H_
