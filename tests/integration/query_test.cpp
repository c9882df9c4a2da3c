// Every option of the typed query API, against the fixture vault, with exact results.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <functional>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

class Queries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    db_ = testing::IngestFixtureVault(*dir_);
    OpenOptions options;
    options.read_only = true;
    store_ = new Store(Store::open(db_, options));
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }

  static std::vector<std::string> Texts(const std::vector<Task>& tasks) {
    std::vector<std::string> out;
    for (const Task& t : tasks) out.push_back(t.text);
    return out;
  }
  static std::vector<std::string> Texts(const TaskQuery& q) { return Texts(store_->tasks(q)); }

  static testing::TempDir* dir_;
  static std::string db_;
  static Store* store_;
};
testing::TempDir* Queries::dir_ = nullptr;
std::string Queries::db_;
Store* Queries::store_ = nullptr;

ErrorCode CodeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::kInternal;
}

using Strings = std::vector<std::string>;

TEST_F(Queries, TasksDefaultOrderIsByDueDate) {
  const std::vector<Task> all = store_->tasks();
  ASSERT_EQ(all.size(), 24u);
  EXPECT_EQ(Texts({all.begin(), all.begin() + 7}),
            (Strings{"Book the follow-up call", "Ask legal about retention", "Chase the signed NDA",
                     "Send the pilot scope to Harborline", "Share the volume forecast",
                     "Review the forecast", "Collect the shipping volumes"}));
  const Task& t = all[3];
  EXPECT_EQ(t.path, "Meetings/2024-03-05 Harbor kickoff.md");
  EXPECT_EQ(t.line, 18);
  EXPECT_EQ(t.status, TaskStatus::kOpen);
  EXPECT_EQ(t.owner, "Priya Raman");
  EXPECT_EQ(t.owner_name, "Priya");
  EXPECT_EQ(t.due, Date::FromYmd(2024, 3, 15));
  EXPECT_EQ(t.priority, Priority::kHigh);
  EXPECT_EQ(t.account, "Harborline");
  EXPECT_EQ(t.section, "Action Items");
  EXPECT_EQ(t.tags, Strings{"followup"});
  EXPECT_FALSE(t.parent_id.has_value());
}

TEST_F(Queries, TasksByStatus) {
  TaskQuery q;
  q.statuses = {TaskStatus::kDone};
  EXPECT_EQ(Texts(q), (Strings{"Book the follow-up call", "Child done task", "Quoted child"}));
  q.statuses = {TaskStatus::kCancelled, TaskStatus::kInProgress};
  EXPECT_EQ(Texts(q), (Strings{"Draft the data-sharing agreement", "Prepare a slide deck"}));
}

TEST_F(Queries, TasksByOwnerNameAliasFirstNameAndMe) {
  const Strings priya = {"Chase the signed NDA", "Send the pilot scope to Harborline",
                         "Confirm the terminal list"};
  for (const char* name : {"Priya Raman", "priya raman", "PR", "Priya R.", "Priya", "@Priya"}) {
    TaskQuery q;
    q.owner = name;
    EXPECT_EQ(Texts(q), priya) << name;
  }
  TaskQuery me;
  me.owner = "me";
  EXPECT_EQ(Texts(me), (Strings{"Book the follow-up call", "Review the forecast",
                                "Send Lena the onboarding guide"}));
  TaskQuery unowned;
  unowned.unowned = true;
  unowned.statuses = {TaskStatus::kCancelled};
  EXPECT_EQ(Texts(unowned), Strings{"Prepare a slide deck"});
  TaskQuery nobody;
  nobody.owner = "Nobody Here";
  EXPECT_EQ(CodeOf([&] { store_->tasks(nobody); }), ErrorCode::kNotFound);
}

TEST_F(Queries, TasksByAccountNoteTagAndText) {
  TaskQuery q;
  q.account = "HARBORLINE";
  EXPECT_EQ(store_->tasks(q).size(), 10u);
  q = TaskQuery();
  q.note = "Projects/Lighthouse.md";
  EXPECT_EQ(Texts(q), (Strings{"Write the pilot runbook", "Pick a launch date"}));
  q.note = "Projects/Lighthouse";  // ".md" optional
  EXPECT_EQ(store_->tasks(q).size(), 2u);
  q = TaskQuery();
  q.tag = "#followup";
  EXPECT_EQ(Texts(q), Strings{"Send the pilot scope to Harborline"});
  q.tag = "area";  // A parent of a nested tag.
  EXPECT_EQ(Texts(q), Strings{"Plus bullet task"});
  q.tag = "are";  // Not a prefix match.
  EXPECT_TRUE(store_->tasks(q).empty());
  q = TaskQuery();
  q.text_contains = "FORECAST";
  EXPECT_EQ(Texts(q), (Strings{"Share the volume forecast", "Review the forecast"}));
  q = TaskQuery();
  q.account = "No Such Account";
  EXPECT_EQ(CodeOf([&] { store_->tasks(q); }), ErrorCode::kNotFound);
}

TEST_F(Queries, TasksByDueDatePriorityAndOverdue) {
  TaskQuery q;
  q.due_before = Date::FromYmd(2024, 3, 14);
  EXPECT_EQ(Texts(q), (Strings{"Book the follow-up call", "Ask legal about retention"}));
  q = TaskQuery();
  q.due_after = Date::FromYmd(2024, 3, 20);
  EXPECT_EQ(Texts(q), (Strings{"Share the volume forecast", "Review the forecast"}));
  q = TaskQuery();
  q.min_priority = Priority::kHigh;
  EXPECT_EQ(Texts(q), (Strings{"Send the pilot scope to Harborline", "Review the forecast"}));
  q.min_priority = Priority::kLowest;
  EXPECT_EQ(store_->tasks(q).size(), 4u);
  q = TaskQuery();
  q.overdue_as_of = Date::FromYmd(2024, 3, 15);  // "Book the follow-up call" is done.
  EXPECT_EQ(Texts(q), (Strings{"Ask legal about retention", "Chase the signed NDA"}));
}

TEST_F(Queries, TasksOrderAndPaging) {
  TaskQuery q;
  q.order = TaskOrder::kPriority;
  q.limit = 4;
  EXPECT_EQ(Texts(q), (Strings{"Send the pilot scope to Harborline", "Review the forecast",
                               "Share the volume forecast", "Collect the shipping volumes"}));
  q = TaskQuery();
  q.order = TaskOrder::kPath;
  q.limit = 2;
  q.offset = 1;
  EXPECT_EQ(Texts(q), (Strings{"Book the follow-up call", "Collect the shipping volumes"}));
}

TEST_F(Queries, TaskParentsAndStatusChars) {
  TaskQuery q;
  q.note = "Notes/Scratch.md";
  q.order = TaskOrder::kPath;
  const std::vector<Task> tasks = store_->tasks(q);
  ASSERT_EQ(tasks.size(), 10u);
  EXPECT_EQ(tasks[1].parent_id, tasks[0].id);
  EXPECT_EQ(tasks[2].parent_id, tasks[1].id);
  EXPECT_EQ(tasks[3].status_char, ">");
  EXPECT_EQ(tasks[0].recurrence, "every week on Monday");
}

TEST_F(Queries, DuplicatesAreLeftOutUnlessAskedFor) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec(
        "UPDATE tasks SET duplicate_of = (SELECT id FROM tasks WHERE text = 'Review the forecast') "
        "WHERE text = 'Share the volume forecast'");
    raw.exec(
        "UPDATE meetings SET duplicate_of = (SELECT min(id) FROM meetings) "
        "WHERE id = (SELECT max(id) FROM meetings)");
    raw.exec(
        "UPDATE decisions SET duplicate_of = (SELECT min(id) FROM decisions) "
        "WHERE id = (SELECT max(id) FROM decisions)");
  }
  Store store = Store::open(db);
  TaskQuery q;
  q.text_contains = "forecast";
  EXPECT_EQ(Texts(store.tasks(q)), Strings{"Review the forecast"});
  q.include_duplicates = true;
  EXPECT_EQ(store.tasks(q).size(), 2u);
  MeetingQuery mq;
  EXPECT_EQ(store.meetings(mq).size(), 2u);
  mq.include_duplicates = true;
  EXPECT_EQ(store.meetings(mq).size(), 3u);
  DecisionQuery dq;
  EXPECT_EQ(store.decisions(dq).size(), 3u);
  dq.include_duplicates = true;
  EXPECT_EQ(store.decisions(dq).size(), 4u);
}

TEST_F(Queries, Meetings) {
  std::vector<Meeting> all = store_->meetings();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].title, "Harborline kickoff");
  EXPECT_EQ(all[0].account, "Harborline");
  EXPECT_EQ(all[0].source, "transcript");
  ASSERT_EQ(all[0].attendees.size(), 3u);
  EXPECT_EQ(all[0].attendees[2].name, "Tomasz Wojcik");
  EXPECT_TRUE(all[0].attendees[2].person_id.has_value());
  auto titles = [](const std::vector<Meeting>& ms) {
    Strings out;
    for (const Meeting& m : ms) out.push_back(m.title);
    return out;
  };
  MeetingQuery q;
  q.person = "Lena";
  EXPECT_EQ(titles(store_->meetings(q)), (Strings{"Harbor weekly sync", "1-1 Lena"}));
  q = MeetingQuery();
  q.account = "harborline";
  EXPECT_EQ(titles(store_->meetings(q)), (Strings{"Harborline kickoff", "Harbor weekly sync"}));
  q = MeetingQuery();
  q.from = Date::FromYmd(2024, 3, 10);
  EXPECT_EQ(titles(store_->meetings(q)), (Strings{"Harbor weekly sync", "1-1 Lena"}));
  q.to = Date::FromYmd(2024, 3, 12);
  EXPECT_EQ(titles(store_->meetings(q)), Strings{"Harbor weekly sync"});
  q = MeetingQuery();
  q.limit = 1;
  EXPECT_EQ(titles(store_->meetings(q)), Strings{"Harborline kickoff"});
}

TEST_F(Queries, Decisions) {
  auto texts = [](const std::vector<Decision>& ds) {
    Strings out;
    for (const Decision& d : ds) out.push_back(d.text);
    return out;
  };
  DecisionQuery q;
  q.account = "Harborline";
  EXPECT_EQ(texts(store_->decisions(q)),
            (Strings{"Start with the Rotterdam terminal only.",
                     "Use weekly syncs until the pilot starts.",
                     "Keep the Rotterdam scope for the pilot.", "Price the pilot per terminal."}));
  q = DecisionQuery();
  q.person = "Tomasz Wojcik";
  EXPECT_EQ(texts(store_->decisions(q)), (Strings{"Start with the Rotterdam terminal only.",
                                                  "Use weekly syncs until the pilot starts."}));
  q = DecisionQuery();
  q.from = Date::FromYmd(2024, 3, 6);
  q.to = Date::FromYmd(2024, 3, 31);
  const std::vector<Decision> ds = store_->decisions(q);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].date, Date::FromYmd(2024, 3, 12));
  EXPECT_EQ(ds[0].line, 28);
  EXPECT_EQ(ds[0].section, "Decisions");
}

TEST_F(Queries, FactsPeopleAccountsDiagnostics) {
  ASSERT_EQ(store_->facts().size(), 5u);
  const std::vector<Fact> blockers = store_->facts("blocker");
  ASSERT_EQ(blockers.size(), 1u);
  EXPECT_EQ(blockers[0].text, "Budget approval is pending.");
  const std::vector<Person> people = store_->people();
  ASSERT_EQ(people.size(), 5u);
  EXPECT_EQ(people[3].name, "Priya Raman");
  EXPECT_EQ(people[3].aliases, (Strings{"PR", "Priya R."}));
  EXPECT_EQ(people[3].meetings, 2);
  EXPECT_EQ(people[3].open_tasks, 3);
  EXPECT_EQ(people[3].note_path, "People/Priya Raman.md");
  const std::vector<Account> accounts = store_->accounts();
  ASSERT_EQ(accounts.size(), 1u);
  EXPECT_EQ(accounts[0].status, "Prospect");
  EXPECT_EQ(accounts[0].industry, "Logistics");
  EXPECT_EQ(accounts[0].meetings, 2);
  EXPECT_EQ(accounts[0].decisions, 4);
  EXPECT_EQ(accounts[0].open_tasks, 8);
  EXPECT_EQ(store_->diagnostics().size(), 3u);
  EXPECT_EQ(store_->diagnostics(Severity::kWarning).size(), 2u);
  const std::vector<Diagnostic> errors = store_->diagnostics(Severity::kError);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "invalid-yaml");
  EXPECT_EQ(errors[0].path, "Notes/Broken yaml.md");
  EXPECT_EQ(errors[0].stage, "parse");
}

TEST_F(Queries, PersonProfile) {
  const PersonProfile p = store_->person("pr");
  EXPECT_EQ(p.person.name, "Priya Raman");
  EXPECT_EQ(p.person.role, "Head of Operations");
  EXPECT_EQ(p.meetings.size(), 2u);
  EXPECT_EQ(Texts(p.open_tasks),
            (Strings{"Chase the signed NDA", "Send the pilot scope to Harborline",
                     "Confirm the terminal list"}));
  ASSERT_EQ(p.accounts.size(), 1u);
  EXPECT_EQ(p.accounts[0].name, "Harborline");
  Strings notes;
  for (const Note& n : p.notes) notes.push_back(n.path);
  EXPECT_EQ(notes, (Strings{"Meetings/2024-03-12 - Harbor weekly.md",
                            "Meetings/2024-03-05 Harbor kickoff.md", "Customers/Harborline.md",
                            "People/Priya Raman.md"}));
  EXPECT_EQ(CodeOf([&] { store_->person("Zed"); }), ErrorCode::kNotFound);
}

TEST_F(Queries, AmbiguousFirstNameIsAnError) {
  testing::TempDir dir;
  const std::string db = testing::IngestFixtureVault(dir);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("INSERT INTO people(name, name_key) VALUES('Priya Patel', 'priyapatel')");
  }
  Store store = Store::open(db);
  try {
    store.person("Priya");
    FAIL() << "an ambiguous name must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_STREQ(e.what(), "person 'Priya' is ambiguous: Priya Raman, Priya Patel");
  }
  EXPECT_EQ(store.person("Priya Raman").person.name, "Priya Raman");
}

TEST_F(Queries, AccountProfile) {
  const AccountProfile a = store_->account("harborline");
  EXPECT_EQ(a.account.name, "Harborline");
  Strings people;
  for (const Person& p : a.people) people.push_back(p.name);
  EXPECT_EQ(people, (Strings{"Dana Whitfield", "Lena Ortiz", "Omar Haddad", "Priya Raman",
                             "Tomasz Wojcik"}));
  EXPECT_EQ(a.meetings.size(), 2u);
  EXPECT_EQ(a.decisions.size(), 4u);
  EXPECT_EQ(a.open_tasks.size(), 8u);
  Strings facts;
  for (const Fact& f : a.facts) facts.push_back(f.kind);
  EXPECT_EQ(facts, (Strings{"blocker", "fact", "fact", "opportunity", "risk"}));
}

// A limited profile keeps the latest meetings and decisions, the soonest tasks, the
// newest notes and the first people and facts: each list's head or tail, in its order.
TEST_F(Queries, LimitedProfilesKeepTheHeadOrTailOfEachList) {
  auto titles = [](const auto& items) {
    Strings out;
    for (const auto& i : items) out.push_back(i.title);
    return out;
  };
  ProfileOptions two;
  two.limit = 2;
  const AccountProfile all = store_->account("harborline");
  const AccountProfile some = store_->account("harborline", two);
  ASSERT_GE(all.decisions.size(), 3u);
  EXPECT_EQ(titles(some.meetings), titles(all.meetings));  // Two of two.
  Strings last_decisions, first_tasks, first_facts, first_people;
  for (size_t i = all.decisions.size() - 2; i < all.decisions.size(); ++i) {
    last_decisions.push_back(all.decisions[i].text);
  }
  Strings decisions;
  for (const Decision& d : some.decisions) decisions.push_back(d.text);
  EXPECT_EQ(decisions, last_decisions);
  EXPECT_EQ(Texts(some.open_tasks), (Strings{Texts(all.open_tasks)[0], Texts(all.open_tasks)[1]}));
  ASSERT_EQ(some.people.size(), 2u);
  EXPECT_EQ(some.people[1].name, all.people[1].name);
  ASSERT_EQ(some.facts.size(), 2u);
  EXPECT_EQ(some.facts[1].text, all.facts[1].text);
  EXPECT_EQ(some.account.open_tasks, all.account.open_tasks);  // The count is of all.

  ProfileOptions one;
  one.limit = 1;
  const PersonProfile p = store_->person("pr", one);
  ASSERT_EQ(p.meetings.size(), 1u);
  EXPECT_EQ(p.meetings[0].title, store_->person("pr").meetings.back().title);  // The latest.
  EXPECT_EQ(Texts(p.open_tasks), Strings{"Chase the signed NDA"});
  ASSERT_EQ(p.notes.size(), 1u);
  EXPECT_EQ(p.notes[0].path, "Meetings/2024-03-12 - Harbor weekly.md");  // The newest.
  ProfileOptions negative;
  negative.limit = -1;
  EXPECT_EQ(CodeOf([&] { store_->person("pr", negative); }), ErrorCode::kInvalidArgument);
}

TEST_F(Queries, NoteDetailLinksAndBacklinks) {
  const NoteDetail d = store_->note("Customers/Harborline.md");
  EXPECT_EQ(d.note.title, "Harborline");
  EXPECT_EQ(d.note.kind, "account");
  EXPECT_EQ(d.note.account, "Harborline");
  EXPECT_EQ(d.note.tags, Strings{"type/customer"});
  EXPECT_NE(d.note.body.find("## Account Status"), std::string::npos);
  ASSERT_FALSE(d.note.properties.empty());
  EXPECT_EQ(d.note.properties[0], (std::pair<std::string, std::string>{"type", "customer"}));
  EXPECT_EQ(d.decisions.size(), 1u);
  EXPECT_EQ(d.facts.size(), 2u);
  EXPECT_EQ(d.links.size(), 4u);
  Strings from;
  for (const Link& l : d.backlinks) from.push_back(l.path + ":" + std::to_string(l.line));
  EXPECT_EQ(from, (Strings{"Meetings/2024-03-12 - Harbor weekly.md:9", "Notes/Scratch.md:11",
                           "People/Priya Raman.md:5", "People/Priya Raman.md:11"}));
  EXPECT_EQ(store_->backlinks("Harborline").size(), 4u);  // By unique file name.
  const std::vector<Link> out = store_->links_from("Notes/Scratch.md");
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[1].target_path, "Projects/Lighthouse.md");
  EXPECT_EQ(out[1].heading, "Status");
  EXPECT_EQ(out[1].display, "the project");
  EXPECT_EQ(out[3].embed, true);
  EXPECT_EQ(CodeOf([&] { store_->note("Lighthouse"); }), ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] { store_->note("Nope"); }), ErrorCode::kNotFound);
}

TEST(DateType, ParsesFormatsAndCounts) {
  EXPECT_EQ(Date::Parse("2024-02-29")->ToString(), "2024-02-29");
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("2024/02/28"));
  EXPECT_EQ(Date().ToString(), "1970-01-01");
  EXPECT_EQ(Date::FromYmd(2000, 3, 1).DaysSinceEpoch(), 11017);
  EXPECT_EQ(Date::FromDaysSinceEpoch(11017), Date::FromYmd(2000, 3, 1));
  EXPECT_EQ(Date::FromYmd(2024, 12, 31).AddDays(1), Date::FromYmd(2025, 1, 1));
  EXPECT_LT(Date::FromYmd(2024, 1, 9), Date::FromYmd(2024, 1, 10));
  EXPECT_THROW(Date::FromYmd(2024, 2, 30), Error);
}

}  // namespace
}  // namespace notestore
