// Facts: bullets under Key Facts / Key Information, Current Blockers, Opportunities, ...
#ifndef NOTESTORE_FACT_H_
#define NOTESTORE_FACT_H_

#include <cstdint>
#include <string>

namespace notestore {

// A fact: a bullet under Key Facts / Key Information (kind "fact"), Current Blockers
// ("blocker"), Opportunities ("opportunity"), Risks ("risk"), Open Questions
// ("question") or Requirements ("requirement").
struct Fact {
  int64_t id = 0;
  int64_t note_id = 0;
  std::string path;
  int line = 0;
  std::string kind;
  std::string text;
  std::string section;
};

}  // namespace notestore

#endif  // NOTESTORE_FACT_H_
