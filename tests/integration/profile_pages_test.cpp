// A profile's page of each list is the head or tail of the whole list, for every person
// and account of a generated vault: the page is chosen from index keys before its rows
// are read whole (store_profiles.cpp), and the two must agree.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "notestore/notestore.h"
#include "support/test_support.h"
#include "support/versioned_vault.h"
#include "vault_generator.h"

namespace notestore {
namespace {

template <typename T>
std::vector<int64_t> Ids(const std::vector<T>& items) {
  std::vector<int64_t> out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(item.id);
  return out;
}

std::vector<int64_t> Head(std::vector<int64_t> ids, int n) {
  if (ids.size() > static_cast<size_t>(n)) ids.resize(n);
  return ids;
}

std::vector<int64_t> Tail(std::vector<int64_t> ids, int n) {
  if (ids.size() > static_cast<size_t>(n)) ids.erase(ids.begin(), ids.end() - n);
  return ids;
}

class ProfilePages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    bench::GeneratorOptions g;
    g.notes = 400;
    g.target_bytes = 1500;
    bench::WriteVault(bench::GenerateVault(g), dir_->Join("vault"));
    IngestOptions o;
    o.me = testing::kGeneratedMe;
    Store::open(dir_->Join("p.db")).ingest(dir_->Join("vault"), o);
  }
  static void TearDownTestSuite() { delete dir_; }

  static testing::TempDir* dir_;
};

testing::TempDir* ProfilePages::dir_ = nullptr;

TEST_F(ProfilePages, EachPersonsPagesAreTheHeadsAndTailsOfTheirLists) {
  Store store = Store::open(dir_->Join("p.db"));
  const std::vector<Person> people = store.people();
  ASSERT_GT(people.size(), 20u);
  size_t cut = 0;  // Lists longer than a page: where choosing the page matters.
  for (const Person& person : people) {
    const PersonProfile all = store.person(person.name);
    for (int limit : {1, 3, 7}) {
      ProfileOptions page;
      page.limit = limit;
      const PersonProfile some = store.person(person.name, page);
      SCOPED_TRACE(person.name + ", limit " + std::to_string(limit));
      EXPECT_EQ(Ids(some.meetings), Tail(Ids(all.meetings), limit));  // The latest.
      EXPECT_EQ(Ids(some.open_tasks), Head(Ids(all.open_tasks), limit));
      EXPECT_EQ(Ids(some.accounts), Head(Ids(all.accounts), limit));
      EXPECT_EQ(Ids(some.notes), Head(Ids(all.notes), limit));
      cut += all.meetings.size() > static_cast<size_t>(limit);
      cut += all.open_tasks.size() > static_cast<size_t>(limit);
    }
  }
  EXPECT_GT(cut, 50u);
}

TEST_F(ProfilePages, EachAccountsPagesAreTheHeadsAndTailsOfTheirLists) {
  Store store = Store::open(dir_->Join("p.db"));
  const std::vector<Account> accounts = store.accounts();
  ASSERT_GE(accounts.size(), 3u);
  size_t cut = 0;
  for (const Account& account : accounts) {
    const AccountProfile all = store.account(account.name);
    for (int limit : {1, 3, 7}) {
      ProfileOptions page;
      page.limit = limit;
      const AccountProfile some = store.account(account.name, page);
      SCOPED_TRACE(account.name + ", limit " + std::to_string(limit));
      EXPECT_EQ(Ids(some.people), Head(Ids(all.people), limit));
      EXPECT_EQ(Ids(some.meetings), Tail(Ids(all.meetings), limit));
      EXPECT_EQ(Ids(some.decisions), Tail(Ids(all.decisions), limit));
      EXPECT_EQ(Ids(some.open_tasks), Head(Ids(all.open_tasks), limit));
      EXPECT_EQ(Ids(some.facts), Head(Ids(all.facts), limit));
      cut += all.decisions.size() > static_cast<size_t>(limit);
      cut += all.facts.size() > static_cast<size_t>(limit);
    }
  }
  EXPECT_GT(cut, 20u);
}

int64_t Count(SQLite::Database& db, const char* sql) { return db.execAndGet(sql).getInt64(); }

// The profiles read attendees and a meeting's account from its note's rows
// (store_profiles.cpp): every attendee is a mention of its note, of the same person, and
// a meeting's account is its note's. Checked on the rows, then on what the profiles give.
void ExpectMentionsHoldAttendees(const std::string& db_path) {
  SCOPED_TRACE(db_path);
  SQLite::Database db(db_path);
  ASSERT_GT(Count(db, "SELECT count(*) FROM meeting_attendees WHERE person_id IS NOT NULL"), 5);
  ASSERT_GT(Count(db, "SELECT count(*) FROM meetings WHERE account_id IS NOT NULL"), 1);
  EXPECT_EQ(Count(db,
                  "SELECT count(*) FROM meeting_attendees ma JOIN meetings m ON m.id = "
                  "ma.meeting_id WHERE NOT EXISTS (SELECT 1 FROM person_mentions pm WHERE "
                  "pm.note_id = m.note_id AND pm.name = ma.name AND pm.person_id IS ma.person_id)"),
            0);
  EXPECT_EQ(Count(db,
                  "SELECT count(*) FROM meetings m JOIN notes n ON n.id = m.note_id "
                  "WHERE m.account_id IS NOT n.account_id"),
            0);

  Store store = Store::open(db_path);
  SQLite::Statement pairs(db,
                          "SELECT DISTINCT p.name, a.name FROM meeting_attendees ma "
                          "JOIN meetings m ON m.id = ma.meeting_id "
                          "JOIN people p ON p.id = ma.person_id "
                          "JOIN accounts a ON a.id = m.account_id");
  int checked = 0;
  while (pairs.executeStep()) {
    const std::string person = pairs.getColumn(0).getString();
    const std::string account = pairs.getColumn(1).getString();
    SCOPED_TRACE(person + " at " + account);
    std::set<std::string> people, accounts;
    for (const Person& p : store.account(account).people) people.insert(p.name);
    for (const Account& a : store.person(person).accounts) accounts.insert(a.name);
    EXPECT_TRUE(people.count(person));
    EXPECT_TRUE(accounts.count(account));
    ++checked;
  }
  EXPECT_GT(checked, 1);
}

TEST_F(ProfilePages, AnAccountsAttendeesAndAPersonsMeetingAccountsAreTheirMentions) {
  ExpectMentionsHoldAttendees(dir_->Join("p.db"));
  testing::TempDir fixture;
  ExpectMentionsHoldAttendees(testing::IngestFixtureVault(fixture));
}

}  // namespace
}  // namespace notestore
