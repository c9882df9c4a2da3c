#include "resolve/duplicate_meetings.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "resolve/similarity.h"
#include "store/search_rowid.h"
#include "store/statement_binding.h"

namespace notestore::resolve {
namespace {

struct Meeting {
  int64_t id = 0;
  int64_t note_id = 0;
  std::string date;
  std::vector<int64_t> attendees;              // Resolved people, sorted and distinct.
  std::optional<int64_t> current;              // duplicate_of as stored.
  std::optional<std::vector<uint32_t>> words;  // Of the body, hashed; read when compared.
  std::optional<size_t> bits;                  // Its words' index in its date's WordBitsets.
  std::optional<WordMask> mask;                // Of its words, when rechecked without bitsets.
  std::optional<int64_t> richness;             // Read when a group is formed.
  std::optional<std::string> path;             // Likewise.
  bool recheck = true;  // Compared again; otherwise it keeps its stored group.
};

// Reads what only candidates need: content words and richness, one note at a time.
class LazyDetails {
 public:
  explicit LazyDetails(SQLite::Database& db)
      : words_(db, "SELECT words FROM note_words WHERE note_id = ?"),
        body_(db, "SELECT body FROM notes WHERE id = ?"),
        save_words_(db, "INSERT OR REPLACE INTO note_words(note_id, words) VALUES(?, ?)"),
        richness_(db,
                  "SELECT (SELECT count(*) FROM tasks WHERE note_id = ?1) + "
                  "(SELECT count(*) FROM decisions WHERE note_id = ?1) + "
                  "(SELECT count(*) FROM facts WHERE note_id = ?1), "
                  "(SELECT length(body) FROM notes WHERE id = ?1), "
                  "(SELECT path FROM notes WHERE id = ?1)") {}

  // Content words as hashes (many pairs of long bodies are compared, and integers
  // compare faster than strings), as the ingest stored them in note_words. A database
  // upgraded from schema 2 has none yet: they are computed from the body and kept.
  const std::vector<uint32_t>& Words(Meeting& m) {
    if (m.words) return *m.words;
    words_.bind(1, m.note_id);
    if (words_.executeStep()) {
      const SQLite::Column blob = words_.getColumn(0);
      std::vector<uint32_t> words =
          UnpackWordHashes(blob.getBlob(), static_cast<size_t>(blob.getBytes()));
      // Sorted and distinct, or not ours: a row of schema 6's 64-bit hashes (written by
      // an older notestore still ingesting after this one upgraded the store) reads as
      // pairs out of order, and is computed again below.
      if (blob.getBytes() % 4 == 0 &&
          std::adjacent_find(words.begin(), words.end(), std::greater_equal<uint32_t>()) ==
              words.end()) {
        m.words = std::move(words);
      }
    }
    words_.reset();
    if (!m.words) {
      body_.bind(1, m.note_id);
      m.words = ContentWordHashes(
          body_.executeStep() && !body_.getColumn(0).isNull() ? body_.getColumn(0).getText() : "");
      body_.reset();
      const std::string packed = PackWordHashes(*m.words);
      save_words_.bind(1, m.note_id);
      save_words_.bind(2, packed.data(), static_cast<int>(packed.size()));
      save_words_.exec();
      save_words_.reset();
    }
    return *m.words;
  }

  // Most tasks, decisions and facts, then the longest body.
  int64_t Richness(Meeting& m) {
    if (!m.richness) {
      richness_.bind(1, m.note_id);
      richness_.executeStep();
      m.richness = richness_.getColumn(0).getInt64() * 1000000 + richness_.getColumn(1).getInt64();
      m.path = richness_.getColumn(2).getString();
      richness_.reset();
    }
    return *m.richness;
  }
  // Its note's path, which breaks ties of richness.
  const std::string& Path(Meeting& m) {
    Richness(m);
    return *m.path;
  }

 private:
  SQLite::Statement words_;
  SQLite::Statement body_;
  SQLite::Statement save_words_;
  SQLite::Statement richness_;
};

// Reads dated meetings, by date: all of them, or those of one date at a time. (Their
// order within a date decides nothing: groups are a partition, and each one's canonical
// member is chosen by richness and path. So the notes, whose rows are large, are not
// read here.) A scoped pass reads hundreds of dates: the statements are prepared once.
class MeetingLoader {
 public:
  MeetingLoader(SQLite::Database& db, bool by_date)
      : meetings_(db, std::string("SELECT m.id, m.note_id, m.date, m.duplicate_of "
                                  "FROM meetings m ") +
                          (by_date ? "WHERE m.date = ?" : "WHERE m.date IS NOT NULL") +
                          " ORDER BY m.date, m.id"),
        attendees_(db, by_date ? "SELECT ma.meeting_id, ma.person_id FROM meetings m "
                                 "JOIN meeting_attendees ma ON ma.meeting_id = m.id "
                                 "WHERE m.date = ? AND ma.person_id IS NOT NULL"
                               : "SELECT meeting_id, person_id FROM meeting_attendees "
                                 "WHERE person_id IS NOT NULL") {}

  // Those of `date`, or all (null) when not made by_date.
  std::vector<Meeting> Load(const std::string* date) {
    std::vector<Meeting> meetings;
    if (date) meetings_.bind(1, *date);
    while (meetings_.executeStep()) {
      Meeting m;
      m.id = meetings_.getColumn(0).getInt64();
      m.note_id = meetings_.getColumn(1).getInt64();
      m.date = meetings_.getColumn(2).getString();
      if (!meetings_.getColumn(3).isNull()) m.current = meetings_.getColumn(3).getInt64();
      meetings.push_back(std::move(m));
    }
    meetings_.reset();
    std::unordered_map<int64_t, size_t> by_id;
    for (size_t i = 0; i < meetings.size(); ++i) by_id[meetings[i].id] = i;
    if (date) attendees_.bind(1, *date);
    while (attendees_.executeStep()) {
      auto it = by_id.find(attendees_.getColumn(0).getInt64());
      if (it != by_id.end()) {
        meetings[it->second].attendees.push_back(attendees_.getColumn(1).getInt64());
      }
    }
    attendees_.reset();
    // Sorted vectors rather than sets: a scoped pass loads hundreds of dates, and each
    // set's nodes were allocated one by one and then walked pair by pair.
    for (Meeting& m : meetings) {
      std::sort(m.attendees.begin(), m.attendees.end());
      m.attendees.erase(std::unique(m.attendees.begin(), m.attendees.end()), m.attendees.end());
    }
    return meetings;
  }

 private:
  SQLite::Statement meetings_;
  SQLite::Statement attendees_;
};

// The statements that write meeting groups, likewise prepared once for every date.
struct GroupWriter {
  explicit GroupWriter(SQLite::Database& db)
      : remove(db, "DELETE FROM duplicates WHERE kind = 'meeting' AND id = ?"),
        insert(db,
               "INSERT INTO duplicates(kind, id, canonical_id, similarity, search_rowid, "
               "canonical_search_rowid) VALUES('meeting',?,?,?,?,?)"),
        link(db, "UPDATE meetings SET duplicate_of = ? WHERE id = ?") {}
  SQLite::Statement remove;
  SQLite::Statement insert;
  SQLite::Statement link;
};

// Same date, resolved attendees overlapping by at least half of the smaller list; only
// then are the bodies read and compared: by SameContent, or through `date_words` (that
// date's bitsets, when given) with the same answers.
bool SameMeeting(Meeting& a, Meeting& b, LazyDetails& details, WordBitsets* date_words) {
  if (a.date != b.date || a.attendees.empty() || b.attendees.empty()) return false;
  size_t shared = 0;
  for (auto x = a.attendees.begin(), y = b.attendees.begin();
       x != a.attendees.end() && y != b.attendees.end();) {
    if (*x < *y) {
      ++x;
    } else if (*y < *x) {
      ++y;
    } else {
      ++shared, ++x, ++y;
    }
  }
  if (shared == 0 || shared * 2 < std::min(a.attendees.size(), b.attendees.size())) return false;
  if (!date_words) {
    // A rechecked meeting is compared with most of its date's (the user attends them
    // all): its mask turns most of them away before their lists are merged.
    Meeting& rechecked = a.recheck ? a : b;
    Meeting& other = &rechecked == &a ? b : a;
    if (!rechecked.mask) rechecked.mask.emplace(details.Words(rechecked));
    if (!rechecked.mask->MaySameContent(details.Words(other), kSameMeeting)) return false;
    return SameContent(details.Words(a), details.Words(b), kSameMeeting);
  }
  for (Meeting* m : {&a, &b}) {
    if (!m->bits) m->bits = date_words->Add(details.Words(*m));
  }
  return SameContentOfCounts(date_words->Size(*a.bits), date_words->Size(*b.bits),
                             date_words->Shared(*a.bits, *b.bits), kSameMeeting);
}

// Rechecked meetings of a date from which its pairs are compared as bitsets.
constexpr std::ptrdiff_t kBitsetsFromRechecked = 8;

size_t Find(std::vector<size_t>& parent, size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

// Groups `meetings` (by date): a meeting not rechecked keeps its stored group, and
// pairs are compared where at least one side is rechecked. Rewrites the groups that
// hold a rechecked meeting (every group when all are; `replace_rows`: their members'
// duplicates rows are there to be replaced).
void GroupMeetings(std::vector<Meeting>& meetings, LazyDetails& details, GroupWriter& writer,
                   bool replace_rows, Scope& scope) {
  std::vector<size_t> parent(meetings.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < meetings.size(); ++i) index[meetings[i].id] = i;
  for (size_t i = 0; i < meetings.size(); ++i) {
    if (meetings[i].recheck || !meetings[i].current) continue;
    auto it = index.find(*meetings[i].current);
    if (it != index.end()) parent[Find(parent, i)] = Find(parent, it->second);
  }
  // One date at a time (they are sorted by date). Only that date's pairs need its bodies'
  // words, so they are dropped after it: a large vault's would take hundreds of MB.
  for (size_t begin = 0, end = 0; begin < meetings.size(); begin = end) {
    while (end < meetings.size() && meetings[end].date == meetings[begin].date) ++end;
    // Bitsets pay for their dictionary when each meeting is compared with several others,
    // that is when several of the date's meetings are rechecked (every one in a pass
    // over the whole vault); a scoped pass mostly rechecks one or two.
    const auto rechecked = std::count_if(meetings.begin() + static_cast<std::ptrdiff_t>(begin),
                                         meetings.begin() + static_cast<std::ptrdiff_t>(end),
                                         [](const Meeting& m) { return m.recheck; });
    std::optional<WordBitsets> date_words;
    if (rechecked >= kBitsetsFromRechecked) date_words.emplace();
    for (size_t i = begin; i < end; ++i) {
      for (size_t j = i + 1; j < end; ++j) {
        if (!meetings[i].recheck && !meetings[j].recheck) continue;
        if (SameMeeting(meetings[i], meetings[j], details, date_words ? &*date_words : nullptr)) {
          parent[Find(parent, i)] = Find(parent, j);
        }
      }
    }
    for (size_t i = begin; i < end; ++i) {
      meetings[i].words.reset();
      meetings[i].bits.reset();
      meetings[i].mask.reset();
    }
  }
  // The groups rewritten: those holding a rechecked meeting. The canonical member of
  // each: the richest, then the first by path.
  std::unordered_map<size_t, size_t> size;  // root -> members
  std::set<size_t> rewritten;               // roots
  for (size_t i = 0; i < meetings.size(); ++i) {
    const size_t root = Find(parent, i);
    ++size[root];
    if (meetings[i].recheck) rewritten.insert(root);
  }
  std::unordered_map<size_t, size_t> canonical;  // root -> member
  for (size_t i = 0; i < meetings.size(); ++i) {
    const size_t root = Find(parent, i);
    if (size[root] < 2 || !rewritten.count(root)) continue;
    auto it = canonical.find(root);
    if (it == canonical.end()) {
      canonical[root] = i;
      continue;
    }
    Meeting& best = meetings[it->second];
    const int64_t ri = details.Richness(meetings[i]), rb = details.Richness(best);
    if (ri > rb || (ri == rb && details.Path(meetings[i]) < details.Path(best))) it->second = i;
  }

  for (size_t i = 0; i < meetings.size(); ++i) {
    if (!rewritten.count(Find(parent, i))) continue;
    Meeting& m = meetings[i];
    if (replace_rows) store::Exec(writer.remove, m.id);
    std::optional<int64_t> wanted;
    auto it = canonical.find(Find(parent, i));
    if (it != canonical.end() && it->second != i) {
      Meeting& c = meetings[it->second];
      wanted = c.id;
      store::Exec(writer.insert, m.id, c.id, Similarity(details.Words(m), details.Words(c)),
                  store::SearchRowid(m.note_id, store::SearchRowKind::kNote, 0),
                  store::SearchRowid(c.note_id, store::SearchRowKind::kNote, 0));
    }
    if (wanted != m.current) {
      store::Exec(writer.link, store::NullIfZero(wanted.value_or(0)), m.id);
      scope.notes_touched.insert(m.note_id);
    }
  }
}

// Old groups as the duplicates table holds them until this pass: meeting -> canonical.
std::unordered_map<int64_t, int64_t> StoredGroups(SQLite::Database& db) {
  std::unordered_map<int64_t, int64_t> out;
  SQLite::Statement q(db, "SELECT id, canonical_id FROM duplicates WHERE kind = 'meeting'");
  while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
  return out;
}

// The scoped pass: meetings to compare again are those of changed notes, those whose
// attendees resolve differently, and every member of a stored group that held one of
// them (the group may fall apart without it). Other meetings keep their groups: what
// decides whether two of them are the same did not change. Only the dates of the
// rechecked meetings are read.
void LinkScopedMeetings(SQLite::Database& db, Scope& scope,
                        const std::unordered_map<int64_t, int64_t>& stored) {
  std::set<int64_t> changed = scope.notes();
  changed.insert(scope.attendees_changed.begin(), scope.attendees_changed.end());
  std::unordered_map<int64_t, std::vector<int64_t>> members;  // canonical -> all members
  for (const auto& [id, canonical] : stored) members[canonical].push_back(id);
  for (auto& [canonical, list] : members) list.push_back(canonical);
  std::set<int64_t> recheck = changed;
  for (int64_t id : changed) {
    auto it = stored.find(id);
    const int64_t canonical = it == stored.end() ? id : it->second;
    auto group = members.find(canonical);
    if (group != members.end()) recheck.insert(group->second.begin(), group->second.end());
  }
  std::set<std::string> dates;
  {
    SQLite::Statement q(db, "SELECT date FROM meetings WHERE id = ? AND date IS NOT NULL");
    for (int64_t id : recheck) {
      q.bind(1, id);
      if (q.executeStep()) dates.insert(q.getColumn(0).getString());
      q.reset();
    }
  }
  // Rows of rechecked meetings that are no meetings now (or have no date) go too.
  GroupWriter writer(db);
  for (int64_t id : recheck) store::Exec(writer.remove, id);
  LazyDetails details(db);
  MeetingLoader loader(db, true);
  for (const std::string& date : dates) {
    std::vector<Meeting> meetings = loader.Load(&date);
    for (Meeting& m : meetings) m.recheck = recheck.count(m.id) > 0;
    GroupMeetings(meetings, details, writer, true, scope);
  }
}

}  // namespace

std::map<int64_t, int64_t> LinkMeetings(SQLite::Database& db, Scope& scope) {
  if (scope.full()) {
    std::vector<Meeting> meetings = MeetingLoader(db, false).Load(nullptr);
    LazyDetails details(db);
    GroupWriter writer(db);
    GroupMeetings(meetings, details, writer, false, scope);
  } else {
    LinkScopedMeetings(db, scope, StoredGroups(db));
  }
  // Meetings without a date take part in no group; clear any stale link.
  db.exec(
      "UPDATE meetings SET duplicate_of = NULL WHERE date IS NULL AND duplicate_of IS NOT NULL");
  std::map<int64_t, int64_t> groups;
  SQLite::Statement q(db,
                      "SELECT note_id, duplicate_of FROM meetings WHERE duplicate_of IS NOT NULL");
  while (q.executeStep()) {
    const int64_t canonical = q.getColumn(1).getInt64();  // A meeting's id is its note's.
    groups[q.getColumn(0).getInt64()] = canonical;
    groups[canonical] = canonical;
  }
  return groups;
}

}  // namespace notestore::resolve
