// Stage 6, resolve: who a name means. Built from every person the vault names, then
// asked about each task owner, attendee and mention. Pure logic, no database.
#ifndef NOTESTORE_LIB_RESOLVE_PEOPLE_DIRECTORY_H_
#define NOTESTORE_LIB_RESOLVE_PEOPLE_DIRECTORY_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace notestore::resolve {

struct PersonEntry {
  std::string key;      // util::NameKey of the name; the identity of a person.
  std::string name;     // How the person is shown: their note's title, else as first named.
  int64_t note_id = 0;  // Their person note, 0 if none.
  std::vector<std::string> aliases;
};

// Whether a name has more than one word (a full name). Any whitespace parts words, as in
// the shown name (CollapseWhitespace): a name that were one word here but two once shown
// would be a full name only for a later pass.
bool IsMultiWordName(std::string_view name);

class PeopleDirectory {
 public:
  // Registration, before any Resolve(). Call in vault path order: the first name given
  // for a person is the one shown, and a person note's title beats every mention.
  void SetMe(const std::string& full_name);
  void AddPersonNote(int64_t note_id, const std::string& title,
                     const std::vector<std::string>& aliases);
  // A full name met in the vault; one that a person note's alias means is not added.
  // Call after every AddPersonNote.
  void AddKnownName(const std::string& full_name);

  enum class Outcome {
    kPerson,         // `key` names the person.
    kPlaceholder,    // TBD, Unassigned, ...: nobody, on purpose.
    kSelfWithoutMe,  // Me/Myself, but no --me name was ever given.
    kAmbiguous,      // A short name that fits several people; `candidates` lists them.
    kNotAName,       // Text that does not read as a person's name.
  };
  struct Resolution {
    Outcome outcome = Outcome::kNotAName;
    std::string key;
    std::vector<std::string> candidates;
  };

  // Resolves `name` as written in a note whose named people (attendees, person: field)
  // have the keys `context`. Order: placeholder, self, exact name, alias, a first name
  // unique among `context`, a first name unique in the vault; failing those, a name
  // that reads like a person's is a new person with that key (see Add()).
  Resolution Resolve(std::string_view raw, const std::set<std::string>& context) const;

  // Adds the person a kPerson resolution named, if not yet known. Returns its key.
  const std::string& Add(const std::string& name);

  const PersonEntry* Find(const std::string& key) const;
  // Whether a full name of `key` means a person note's person by an alias of theirs (one
  // no other note gives, and no person's own key): AddKnownName adds no person for it.
  bool MeansAnAlias(const std::string& key) const;
  const std::map<std::string, PersonEntry>& entries() const { return people_; }
  // Aliases that point at more than one person and were therefore dropped.
  const std::set<std::string>& ambiguous_aliases() const { return ambiguous_aliases_; }

 private:
  PersonEntry& Ensure(const std::string& name);
  void IndexFirstName(const PersonEntry& entry);

  std::string me_key_;
  std::map<std::string, PersonEntry> people_;
  std::map<std::string, std::string> alias_to_key_;
  std::set<std::string> ambiguous_aliases_;
  std::map<std::string, std::set<std::string>> by_first_name_;
};

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_PEOPLE_DIRECTORY_H_
