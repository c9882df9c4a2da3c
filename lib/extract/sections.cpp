#include "extract/sections.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "parse/inline_syntax.h"
#include "util/text.h"

namespace notestore::extract {
namespace {

// Lowercase words of a heading, emoji and punctuation dropped: "🚧 Current Blockers:" ->
// " current blockers " (padded so phrases match on word boundaries).
std::string NormalizeHeading(std::string_view heading) {
  const std::string plain = parse::PlainText(heading);
  std::string out = " ";
  for (char c : plain) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
    } else if (out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

// Whether `normalized` (NormalizeHeading's) holds one of `phrases` as whole words. Found
// in place: a string made per phrase and heading was a twentieth of a parsing thread.
bool HasPhrase(std::string_view normalized, std::initializer_list<std::string_view> phrases) {
  for (std::string_view p : phrases) {
    // `normalized` starts and ends with a space, so a match has a byte on either side.
    for (size_t at = normalized.find(p); at != std::string_view::npos;
         at = normalized.find(p, at + 1)) {
      if (normalized[at - 1] == ' ' && normalized[at + p.size()] == ' ') return true;
    }
  }
  return false;
}

}  // namespace

SectionInfo ClassifyHeading(std::string_view heading) {
  const std::string h = NormalizeHeading(heading);
  if (HasPhrase(h, {"decisions", "decision", "decision log", "agreements", "agreed"})) {
    return {SectionRole::kDecisions, ""};
  }
  if (HasPhrase(h, {"action items", "action item", "next steps", "todo", "to do", "todos", "tasks",
                    "open tasks", "follow ups", "follow up", "followups"})) {
    return {SectionRole::kTasks, ""};
  }
  if (HasPhrase(h, {"blockers", "blocker", "blocked", "impediments", "obstacles"})) {
    return {SectionRole::kFacts, "blocker"};
  }
  if (HasPhrase(h, {"opportunities", "opportunity"})) return {SectionRole::kFacts, "opportunity"};
  if (HasPhrase(h, {"risks", "risk", "concerns", "issues", "challenges", "pain points"})) {
    return {SectionRole::kFacts, "risk"};
  }
  if (HasPhrase(h, {"open questions", "questions"})) return {SectionRole::kFacts, "question"};
  if (HasPhrase(h, {"requirements", "requirement"})) return {SectionRole::kFacts, "requirement"};
  if (HasPhrase(h, {"key information", "key facts", "facts", "key points", "key takeaways",
                    "takeaways", "highlights", "insights", "learnings", "key details"})) {
    return {SectionRole::kFacts, "fact"};
  }
  if (HasPhrase(h, {"collaborators", "key contacts", "contacts", "related people", "people",
                    "attendees", "participants", "team", "stakeholders"})) {
    return {SectionRole::kPeople, ""};
  }
  if (HasPhrase(h, {"account status", "status"})) return {SectionRole::kStatus, ""};
  if (HasPhrase(h, {"related"})) return {SectionRole::kRelated, ""};
  return {SectionRole::kNone, ""};
}

SectionInfo SectionOf(const parse::ParsedNote& note, int heading_index, int* role_heading) {
  int level = 1000;
  for (int i = heading_index; i >= 0; --i) {
    const parse::Heading& h = note.headings[i];
    if (h.level >= level) continue;  // A sibling or a deeper heading: not an ancestor.
    level = h.level;
    SectionInfo info = ClassifyHeading(h.text);
    if (info.role != SectionRole::kNone) {
      if (role_heading) *role_heading = i;
      return info;
    }
  }
  if (role_heading) *role_heading = -1;
  return {};
}

}  // namespace notestore::extract
