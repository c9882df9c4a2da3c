// Person ids the writer sets on a first ingest: only where the name alone tells who it
// is, and then the one the vault-wide pass would choose.
#include "store/known_people.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/names.h"
#include "extract/note_extractor.h"
#include "parse/note_parser.h"
#include "resolve/people_directory.h"
#include "store/note_writer.h"
#include "store/schema.h"
#include "support/test_support.h"

namespace notestore::store {
namespace {

using extract::KnownPersonKey;

TEST(KnownPersonKey, FullNamesAndMeOnly) {
  EXPECT_EQ(KnownPersonKey("Priya Raman", ""), "priyaraman");
  EXPECT_EQ(KnownPersonKey("@Priya  Raman ", ""), "priyaraman");
  EXPECT_EQ(KnownPersonKey("Myself", "Dana Whitfield"), "danawhitfield");
  EXPECT_EQ(KnownPersonKey("@me", "Dana Whitfield"), "danawhitfield");
  EXPECT_EQ(KnownPersonKey("Myself", ""), "");  // Nobody said who Me is.
  EXPECT_EQ(KnownPersonKey("@ me", "Dana Whitfield"), "danawhitfield");
  EXPECT_EQ(KnownPersonKey("TBD", "Dana Whitfield"), "");
  EXPECT_EQ(KnownPersonKey("Jack", ""), "");  // Context and the vault decide.
  EXPECT_EQ(KnownPersonKey("--- ...", ""), "");
}

// Every key it gives is the one the pass resolves the name to (but for aliases), with the
// directory built as the pass builds it: person notes with aliases, then every full name.
TEST(KnownPersonKey, AgreesWithThePass) {
  const std::vector<std::string> names = {
      "Priya Raman", "@Priya Raman", "priya raman", "Jack Kabat",   "Jack",          "Myself",
      "@ me",        "TBD",          "PR",          "Zoë Ångström", "Dr. Ada Byron", "N/A"};
  const std::string me = "Dana Whitfield";
  resolve::PeopleDirectory dir;
  dir.SetMe(me);
  dir.AddPersonNote(7, "Priya Raman", {"PR", "Priya R."});
  for (const std::string& n : names) {
    if (resolve::IsMultiWordName(n)) dir.AddKnownName(n);
  }
  dir.AddKnownName("Priya R.");
  // The one guess the pass corrects: a full name that a person note gives as its alias.
  EXPECT_EQ(KnownPersonKey("Priya R.", me), "priyar");
  EXPECT_EQ(dir.Resolve("Priya R.", {}).key, "priyaraman");
  int known = 0;
  for (const std::string& n : names) {
    const std::string key = KnownPersonKey(n, me);
    if (key.empty()) continue;
    ++known;
    const resolve::PeopleDirectory::Resolution r = dir.Resolve(n, {});
    EXPECT_EQ(r.outcome, resolve::PeopleDirectory::Outcome::kPerson) << n;
    EXPECT_EQ(r.key, key) << n;
  }
  EXPECT_EQ(known, 8);
}

class KnownPeopleTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = OpenDatabase(dir_.path() + "/store.db", ConnectionOptions()); }

  int64_t Write(NoteWriter& writer, const std::string& path, const std::string& text) {
    const parse::ParsedNote note = parse::ParseNote(text, parse::ParseOptions());
    const extract::NoteRecord record = extract::ExtractNote(path, note);
    return writer.Write(FileState{path, 1, 1, 1, 0}, note, record, {}, "");
  }
  // "owner_name=person name_key" for each task, attendee and mention, in row order.
  std::string Assigned() {
    std::string out;
    SQLite::Statement q(*db_,
                        "SELECT t.owner_name, p.name_key FROM tasks t LEFT JOIN people p ON "
                        "p.id = t.owner_id WHERE t.owner_name IS NOT NULL UNION ALL "
                        "SELECT a.name, p.name_key FROM meeting_attendees a LEFT JOIN people p "
                        "ON p.id = a.person_id");
    while (q.executeStep()) {
      out += q.getColumn(0).getString() + "=" + q.getColumn(1).getString() + ";";
    }
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<SQLite::Database> db_;
};

constexpr const char* kMeeting =
    "---\ntype: meeting\ndate: 2026-03-02\nattendees: [Priya Raman, Ken]\n---\n# Crane sync\n\n"
    "- [ ] Book the berth @Priya Raman\n- [ ] Send the minutes @Myself\n"
    "- [ ] Call the yard @Ken\n";

TEST_F(KnownPeopleTest, TheWriterSetsTheIdsANameAloneTells) {
  NoteWriter writer(*db_);
  writer.AssignKnownPeople("Dana Whitfield");
  Write(writer, "Meetings/a.md", kMeeting);
  Write(writer, "Meetings/b.md", kMeeting);
  const std::string tasks = "Priya Raman=priyaraman;Myself=danawhitfield;Ken=;";
  const std::string attendees = "Priya Raman=priyaraman;Ken=;";
  EXPECT_EQ(Assigned(), tasks + tasks + attendees + attendees);
  // One row per person, however often named; Me shown by the --me name.
  EXPECT_EQ(testing::QueryValue(dir_.path() + "/store.db",
                                "SELECT group_concat(name, '|') FROM (SELECT name FROM people "
                                "ORDER BY name)"),
            "Dana Whitfield|Priya Raman");
}

TEST_F(KnownPeopleTest, OtherwiseThePassSetsThemAll) {
  NoteWriter writer(*db_);
  Write(writer, "Meetings/a.md", kMeeting);
  EXPECT_EQ(Assigned(), "Priya Raman=;Myself=;Ken=;Priya Raman=;Ken=;");
  EXPECT_EQ(db_->execAndGet("SELECT count(*) FROM people").getInt(), 0);
}

}  // namespace
}  // namespace notestore::store
