// Notes and the links between them.
#ifndef NOTESTORE_NOTE_H_
#define NOTESTORE_NOTE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "notestore/date.h"

namespace notestore {

struct Note {
  int64_t id = 0;
  std::string path;
  std::string title;
  std::string kind;  // meeting, person, account, project, note
  std::string type;  // frontmatter `type` as written; empty when none
  std::optional<Date> date;
  std::string folder;
  std::optional<int64_t> account_id;  // The account the note is about.
  std::string account;
  std::vector<std::string> tags;
  std::vector<std::string> aliases;
  // Frontmatter values and inline fields, in order ("participants" -> "Sam Hopewell").
  std::vector<std::pair<std::string, std::string>> properties;
  std::string body;  // Filled by note(); left empty in lists.
};

struct Link {
  int64_t id = 0;
  int64_t note_id = 0;  // The note the link is in.
  std::string path;     // Its path.
  int line = 0;
  std::string target;  // As written.
  std::string display;
  std::string heading;  // "heading", "heading#sub" or "^block"; empty when none.
  bool embed = false;
  std::string style;  // wiki, markdown, frontmatter
  std::optional<int64_t> target_note_id;
  std::string target_path;  // Empty when the link does not resolve to a note.
};

}  // namespace notestore

#endif  // NOTESTORE_NOTE_H_
