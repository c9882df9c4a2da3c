// A profile's page of each list is the head or tail of the whole list, for every person
// and account of a generated vault: the page is chosen from index keys before its rows
// are read whole (store_profiles.cpp), and the two must agree.
#include <gtest/gtest.h>

#include <cstdint>
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

}  // namespace
}  // namespace notestore
