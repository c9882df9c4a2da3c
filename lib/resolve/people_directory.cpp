#include "resolve/people_directory.h"

#include "extract/names.h"
#include "util/text.h"

namespace notestore::resolve {
namespace {

std::string FirstWordKey(std::string_view name) {
  name = util::Trim(name);
  const size_t space = util::FindSpace(name);
  return util::NameKey(space == std::string_view::npos ? name : name.substr(0, space));
}

}  // namespace

bool IsMultiWordName(std::string_view name) {
  return util::FindSpace(util::Trim(name)) != std::string_view::npos;
}

PersonEntry& PeopleDirectory::Ensure(const std::string& name) {
  const std::string key = util::NameKey(name);
  auto [it, inserted] = people_.try_emplace(key);
  if (inserted) {
    it->second.key = key;
    it->second.name = util::CollapseWhitespace(name);
    IndexFirstName(it->second);
  }
  return it->second;
}

void PeopleDirectory::IndexFirstName(const PersonEntry& entry) {
  if (IsMultiWordName(entry.name)) by_first_name_[FirstWordKey(entry.name)].insert(entry.key);
}

void PeopleDirectory::SetMe(const std::string& full_name) {
  if (util::Trim(full_name).empty()) return;
  me_key_ = Ensure(full_name).key;
}

void PeopleDirectory::AddPersonNote(int64_t note_id, const std::string& title,
                                    const std::vector<std::string>& aliases) {
  if (util::NameKey(title).empty()) return;
  PersonEntry& entry = Ensure(title);
  if (entry.note_id == 0) {
    entry.note_id = note_id;
    entry.name = util::CollapseWhitespace(title);  // A person note's title wins.
  }
  for (const std::string& alias : aliases) {
    const std::string key = util::NameKey(alias);
    if (key.empty() || key == entry.key) continue;
    entry.aliases.push_back(alias);
    auto [it, inserted] = alias_to_key_.emplace(key, entry.key);
    if (!inserted && it->second != entry.key) ambiguous_aliases_.insert(key);
  }
}

void PeopleDirectory::AddKnownName(const std::string& full_name) {
  const std::string key = util::NameKey(full_name);
  if (key.empty()) return;
  // A full name that a person note gives as its alias ("Priya R.") is that person, not
  // another one of that name (which Resolve would find before the alias).
  if (MeansAnAlias(key)) return;
  Ensure(full_name);
}

const std::string& PeopleDirectory::Add(const std::string& name) { return Ensure(name).key; }

bool PeopleDirectory::MeansAnAlias(const std::string& key) const {
  return !people_.count(key) && alias_to_key_.count(key) && !ambiguous_aliases_.count(key);
}

const PersonEntry* PeopleDirectory::Find(const std::string& key) const {
  auto it = people_.find(key);
  return it == people_.end() ? nullptr : &it->second;
}

PeopleDirectory::Resolution PeopleDirectory::Resolve(std::string_view raw,
                                                     const std::set<std::string>& context) const {
  std::string_view name = util::Trim(raw);
  while (!name.empty() && name.front() == '@') name.remove_prefix(1);
  Resolution r;
  const std::string key = util::NameKey(name);
  if (key.empty()) return r;
  if (extract::IsPlaceholderName(name)) {
    r.outcome = Outcome::kPlaceholder;
    return r;
  }
  if (extract::IsSelfName(name)) {
    r.outcome = me_key_.empty() ? Outcome::kSelfWithoutMe : Outcome::kPerson;
    r.key = me_key_;
    return r;
  }
  r.outcome = Outcome::kPerson;
  if (people_.count(key)) {
    r.key = key;
    return r;
  }
  if (auto it = alias_to_key_.find(key);
      it != alias_to_key_.end() && !ambiguous_aliases_.count(key)) {
    r.key = it->second;
    return r;
  }
  if (!IsMultiWordName(name)) {
    // "@Jack": first the people the note itself names, then the whole vault.
    std::vector<std::string> in_context;
    for (const std::string& k : context) {
      const PersonEntry* e = Find(k);
      if (e && IsMultiWordName(e->name) && FirstWordKey(e->name) == key) in_context.push_back(k);
    }
    if (in_context.size() == 1) {
      r.key = in_context[0];
      return r;
    }
    std::vector<std::string> candidates = in_context;
    if (candidates.empty()) {
      if (auto it = by_first_name_.find(key); it != by_first_name_.end()) {
        candidates.assign(it->second.begin(), it->second.end());
      }
    }
    if (candidates.size() == 1) {
      r.key = candidates[0];
      return r;
    }
    if (candidates.size() > 1) {
      r.outcome = Outcome::kAmbiguous;
      for (const std::string& k : candidates) r.candidates.push_back(Find(k)->name);
      return r;
    }
  }
  if (!extract::LooksLikePersonName(name)) {
    r.outcome = Outcome::kNotAName;
    return r;
  }
  r.key = key;  // A new person; the caller adds it.
  return r;
}

}  // namespace notestore::resolve
