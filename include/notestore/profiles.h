// Everything about one person, account or note, gathered in one call.
#ifndef NOTESTORE_PROFILES_H_
#define NOTESTORE_PROFILES_H_

#include <vector>

#include "notestore/account.h"
#include "notestore/decision.h"
#include "notestore/fact.h"
#include "notestore/meeting.h"
#include "notestore/note.h"
#include "notestore/person.h"
#include "notestore/task.h"

namespace notestore {

// What a person or account profile holds.
struct ProfileOptions {
  // The most items of each list: the latest meetings and decisions, the soonest due open
  // tasks, the newest notes, the first people, accounts and facts (each list keeps its
  // order). A profile for a page to show, quick whatever the vault's size; the person's
  // and account's counts say how many there are in all. 0 for every item. Default: 0.
  int limit = 0;
};

struct PersonProfile {
  Person person;
  std::vector<Meeting> meetings;  // Attended, oldest first.
  std::vector<Task> open_tasks;   // Owned, open or in progress, soonest due first.
  std::vector<Account> accounts;  // Met with, or named as a contact of.
  std::vector<Note> notes;        // Notes that name them or link to their note.
};

struct AccountProfile {
  Account account;
  std::vector<Person> people;  // Contacts and meeting attendees.
  std::vector<Meeting> meetings;
  std::vector<Decision> decisions;
  std::vector<Task> open_tasks;
  std::vector<Fact> facts;  // Blockers, opportunities, risks, facts.
};

struct NoteDetail {
  Note note;
  std::vector<Task> tasks;
  std::vector<Decision> decisions;
  std::vector<Fact> facts;
  std::vector<Link> links;      // Outgoing.
  std::vector<Link> backlinks;  // Links from other notes to this one.
};

}  // namespace notestore

#endif  // NOTESTORE_PROFILES_H_
