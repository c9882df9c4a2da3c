#include "extract/mentions.h"

#include <cstring>

#include "extract/names.h"
#include "extract/sections.h"
#include "parse/inline_syntax.h"
#include "util/text.h"

namespace notestore::extract {
namespace {

using parse::ParsedNote;
using parse::Property;
using parse::PropertySource;

bool KeyIn(std::string_view key, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (util::EqualsIgnoreCase(util::Trim(key), k)) return true;
  }
  return false;
}

// Values of frontmatter keys and inline fields named in `keys`, with their lines.
std::vector<std::pair<std::string, int>> FieldValues(const ParsedNote& note,
                                                     std::initializer_list<const char*> keys,
                                                     bool include_tables = false) {
  std::vector<std::pair<std::string, int>> out;
  for (const Property& p : note.properties) {
    if (!p.value || !KeyIn(p.key, keys)) continue;
    if (p.source == PropertySource::kTable && !include_tables) continue;
    // A list element is one name; a single string may hold several.
    if (p.idx >= 0) {
      out.emplace_back(*p.value, p.line);
    } else {
      for (std::string& name : SplitNameList(*p.value)) out.emplace_back(name, p.line);
    }
  }
  return out;
}

void AddPerson(std::vector<PersonMention>* out, std::string name, const char* source, int line,
               std::string role = {}, std::string company = {}) {
  name = ExtractName(name);
  if (name.empty() || IsPlaceholderName(name) || !LooksLikePersonName(name)) return;
  out->push_back(PersonMention{std::move(name), source, line, std::move(role), std::move(company)});
}

// "[[Rick Haselton]] - Tech lead" -> name and role; plain bullets must read as a name.
void PersonFromBullet(const parse::ListItem& item, std::vector<PersonMention>* out) {
  const std::string_view text = util::Trim(item.text);
  const std::vector<parse::LinkMatch> links = parse::FindWikilinks(text);
  std::string name;
  std::string_view rest;
  if (!links.empty()) {
    name = ExtractName(text.substr(links[0].span.begin, links[0].span.end - links[0].span.begin));
    rest = text.substr(links[0].span.end);
  } else {
    size_t cut = text.size();
    for (const char* sep : {" - ", " – ", " — ", " (", ": ", ", "}) {
      cut = std::min(cut, text.find(sep));
    }
    name = ExtractName(text.substr(0, cut));
    rest = cut < text.size() ? text.substr(cut) : std::string_view();
  }
  rest = util::Trim(rest);
  while (!rest.empty() && (rest.front() == '-' || rest.front() == ':' || rest.front() == ',' ||
                           rest.front() == '(')) {
    rest = util::Trim(rest.substr(1));
  }
  if (!rest.empty() && rest.back() == ')') rest.remove_suffix(1);
  AddPerson(out, name, "contact", item.line, parse::PlainText(rest));
}

const std::string* Cell(const parse::TableRow& row, std::initializer_list<const char*> headers) {
  for (const auto& [header, value] : row.cells) {
    if (KeyIn(header, headers)) return &value;
  }
  return nullptr;
}

void PeopleFromTables(const ParsedNote& note, std::vector<PersonMention>* out) {
  for (const parse::TableRow& row : note.table_rows) {
    const std::string* role = Cell(row, {"role", "title", "position", "responsibility"});
    const std::string* company =
        Cell(row, {"company", "organization", "organisation", "org", "employer", "affiliation"});
    const std::string* name =
        Cell(row, {"person", "people", "attendee", "contact", "collaborator", "stakeholder"});
    if (!name) {
      // A "Name" column is a person only in a people section or beside a role.
      const bool people_section =
          SectionOf(note, row.heading, nullptr).role == SectionRole::kPeople;
      if (people_section || role || company) name = Cell(row, {"name", "full name"});
    }
    if (!name) continue;
    AddPerson(out, *name, "table", row.line, role && !IsPlaceholderValue(*role) ? *role : "",
              company && !IsPlaceholderValue(*company) ? *company : "");
  }
}

}  // namespace

std::vector<PersonMention> FindAttendees(const ParsedNote& note) {
  std::vector<PersonMention> found;
  for (const auto& [name, line] :
       FieldValues(note, {"participants", "attendees", "attendee", "with", "person", "people"})) {
    AddPerson(&found, name, "attendee", line);
  }
  std::vector<PersonMention> out;
  std::set<std::string> seen;
  for (PersonMention& m : found) {
    if (seen.insert(util::NameKey(m.name)).second) out.push_back(std::move(m));
  }
  return out;
}

std::vector<PersonMention> FindPeople(const ParsedNote& note,
                                      const std::vector<PersonMention>& attendees) {
  std::vector<PersonMention> out;
  for (const auto& [name, line] : FieldValues(note, {"person", "people", "contact", "contacts"})) {
    AddPerson(&out, name, "person", line);
  }
  for (const PersonMention& a : attendees) {
    out.push_back(a);
    out.back().source = "attendee";
  }
  for (const auto& [name, line] : FieldValues(note, {"owner", "lead", "organizer", "host"}, true)) {
    AddPerson(&out, name, "owner", line);
  }
  for (const parse::ListItem& item : note.items) {
    if (item.depth > 0 || item.status_char) continue;
    if (SectionOf(note, item.heading, nullptr).role == SectionRole::kPeople) {
      PersonFromBullet(item, &out);
    }
  }
  PeopleFromTables(note, &out);
  return out;
}

std::vector<AccountMention> FindAccounts(const ParsedNote& note,
                                         const std::set<std::string>& person_keys,
                                         Diagnostics* diagnostics) {
  std::vector<AccountMention> found;
  for (const Property& p : note.properties) {
    if (!p.value || !KeyIn(p.key, {"account", "accounts", "customer", "customers", "client"})) {
      continue;
    }
    if (p.source == PropertySource::kTable) continue;
    const char* source = p.source == PropertySource::kFrontmatter ? "frontmatter" : "field";
    std::string name = ExtractName(*p.value);
    if (!name.empty() && !IsPlaceholderValue(name)) found.push_back({name, source, p.line});
  }
  for (const parse::Tag& tag : note.tags) {
    for (const char* prefix : {"account/", "customer/", "client/"}) {
      if (util::StartsWithIgnoreCase(tag.name, prefix) && tag.name.size() > std::strlen(prefix)) {
        found.push_back({tag.name.substr(std::strlen(prefix)), "tag", tag.line});
      }
    }
  }
  std::vector<AccountMention> out;
  std::set<std::string> reported;
  for (AccountMention& m : found) {
    const std::string key = util::NameKey(m.name);
    if (person_keys.count(key)) {
      if (reported.insert(key).second) {
        AddDiagnostic(diagnostics, Severity::kInfo, "account-is-person",
                      "'" + m.name +
                          "' is named as an account but this note declares it a "
                          "person, so it is not taken as an account",
                      m.line);
      }
      continue;
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace notestore::extract
