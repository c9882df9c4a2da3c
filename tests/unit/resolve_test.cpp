#include <gtest/gtest.h>

#include "resolve/link_index.h"
#include "resolve/people_directory.h"

namespace notestore::resolve {
namespace {

using Outcome = PeopleDirectory::Outcome;

PeopleDirectory Directory() {
  PeopleDirectory d;
  d.SetMe("Jason Vallery");
  d.AddPersonNote(7, "Priya Raman", {"PR", "Priya R."});
  d.AddKnownName("Jack Kabat");
  d.AddKnownName("Jack Smith");
  d.AddKnownName("Sam Hopewell");
  return d;
}

TEST(PeopleDirectory, ResolvesEachKindOfName) {
  const PeopleDirectory d = Directory();
  EXPECT_EQ(d.Resolve("Myself", {}).key, "jasonvallery");
  EXPECT_EQ(d.Resolve("@me", {}).key, "jasonvallery");
  EXPECT_EQ(d.Resolve("TBD", {}).outcome, Outcome::kPlaceholder);
  EXPECT_EQ(d.Resolve("sam hopewell", {}).key, "samhopewell");
  EXPECT_EQ(d.Resolve("PR", {}).key, "priyaraman");
  EXPECT_EQ(d.Resolve("Priya R.", {}).key, "priyaraman");
  // A first name: the note's own people first, then the whole vault.
  EXPECT_EQ(d.Resolve("Jack", {"jackkabat", "jasonvallery"}).key, "jackkabat");
  const auto ambiguous = d.Resolve("Jack", {});
  EXPECT_EQ(ambiguous.outcome, Outcome::kAmbiguous);
  EXPECT_EQ(ambiguous.candidates, (std::vector<std::string>{"Jack Kabat", "Jack Smith"}));
  EXPECT_EQ(d.Resolve("Sam", {}).key, "samhopewell");
  EXPECT_EQ(d.Resolve("Vlad", {}).key, "vlad");  // New, but a name.
  EXPECT_EQ(d.Resolve("the team lead", {}).outcome, Outcome::kNotAName);
}

TEST(PeopleDirectory, SelfWithoutMeAndNoteTitlesWin) {
  PeopleDirectory d;
  d.AddKnownName("priya raman");
  d.AddPersonNote(3, "Priya Raman", {});
  EXPECT_EQ(d.Resolve("Myself", {}).outcome, Outcome::kSelfWithoutMe);
  ASSERT_NE(d.Find("priyaraman"), nullptr);
  EXPECT_EQ(d.Find("priyaraman")->name, "Priya Raman");
  EXPECT_EQ(d.Find("priyaraman")->note_id, 3);
}

// As the pass builds it: person notes first, then every full name met. One that is a
// person note's alias is that person; it neither becomes a person of its own nor makes
// the first name ambiguous.
TEST(PeopleDirectory, AFullNameThatIsAnAliasIsThatPerson) {
  PeopleDirectory d;
  d.AddPersonNote(7, "Priya Raman", {"PR", "Priya R."});
  d.AddPersonNote(8, "Sam Hopewell", {"S. H."});
  d.AddPersonNote(9, "Sara Hill", {"S. H."});
  for (const char* name : {"Priya R.", "Priya Raman", "S. H.", "Ken Ito"}) d.AddKnownName(name);
  EXPECT_EQ(d.Resolve("Priya R.", {}).key, "priyaraman");
  EXPECT_EQ(d.Find("priyar"), nullptr);
  EXPECT_EQ(d.Resolve("Priya", {}).key, "priyaraman");
  // An alias two notes share means neither: the name is a person of its own, as before.
  EXPECT_EQ(d.Resolve("S. H.", {}).key, "sh");
  EXPECT_EQ(d.Resolve("Ken Ito", {}).key, "kenito");
}

TEST(PeopleDirectory, AmbiguousAliasesAreDropped) {
  PeopleDirectory d;
  d.AddPersonNote(1, "Sam Hopewell", {"SH"});
  d.AddPersonNote(2, "Sara Hill", {"SH"});
  EXPECT_EQ(d.ambiguous_aliases().count("sh"), 1u);
  EXPECT_EQ(d.Resolve("SH", {}).key, "sh");  // Falls through to a new name.
}

TEST(LinkIndex, ObsidianResolution) {
  LinkIndex index;
  index.AddNote(1, "People/Sam Hopewell.md");
  index.AddNote(2, "Projects/Apollo.md");
  index.AddNote(3, "Archive/Apollo.md");
  index.AddNote(4, "Work/Clients/Acme.md");
  index.AddNote(5, "Notes/Today.md");
  EXPECT_EQ(index.Resolve("Sam Hopewell", "Notes/Today.md", false), 1);
  EXPECT_EQ(index.Resolve("sam hopewell.md", "Notes/Today.md", false), 1);
  EXPECT_EQ(index.Resolve("People/Sam Hopewell", "x.md", false), 1);
  EXPECT_EQ(index.Resolve("Apollo", "Notes/Today.md", false), std::nullopt);  // Ambiguous.
  EXPECT_EQ(index.Resolve("Apollo", "Projects/Plan.md", false), 2);           // Same folder wins.
  EXPECT_EQ(index.Resolve("Archive/Apollo", "Notes/Today.md", false), 3);
  EXPECT_EQ(index.Resolve("Clients/Acme", "x.md", false), 4);  // Partial path.
  EXPECT_EQ(index.Resolve("../Projects/Apollo.md", "Notes/Today.md", true), 2);
  EXPECT_EQ(index.Resolve("", "Notes/Today.md", false), 5);  // [[#heading]]
  EXPECT_EQ(index.Resolve("Missing", "x.md", false), std::nullopt);
  EXPECT_EQ(index.Resolve("image.png", "x.md", false), std::nullopt);
  // A dot in a name is not an extension unless it reads like one.
  index.AddNote(6, "Projects/v1.2 plan.md");
  index.AddNote(7, "Reports/Q1.final.md");
  EXPECT_EQ(index.Resolve("v1.2 plan", "x.md", false), 6);
  EXPECT_EQ(index.Resolve("Q1.final", "x.md", false), 7);
  EXPECT_EQ(index.Resolve("Reports/Q1.final", "x.md", false), 7);
  EXPECT_EQ(index.Resolve("Today.pdf", "x.md", false), 5);  // As before: "today" + ".pdf".
  EXPECT_EQ(LinkIndex::NameOf("Projects/v1.2 Plan.md"), "v1.2 plan");
  EXPECT_EQ(LinkIndex::TargetNames("Reports/Q1.final"),
            (std::vector<std::string>{"q1.final", "q1"}));
}

}  // namespace
}  // namespace notestore::resolve
