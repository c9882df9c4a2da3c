#include "resolve/duplicate_meetings.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "resolve/entity_sync.h"
#include "resolve/similarity.h"
#include "store/search_rowid.h"
#include "store/statement_binding.h"

namespace notestore::resolve {
namespace {

struct Meeting {
  int64_t id = 0;
  int64_t note_id = 0;
  std::string path;
  std::string date;
  std::set<int64_t> attendees;                 // Resolved people.
  std::optional<int64_t> current;              // duplicate_of as stored.
  std::optional<std::vector<uint64_t>> words;  // Of the body, hashed; read when compared.
  std::optional<int64_t> richness;             // Read when a group is formed.
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
                  "(SELECT length(body) FROM notes WHERE id = ?1)") {}

  // Content words as hashes (many pairs of long bodies are compared, and integers
  // compare faster than strings), as the ingest stored them in note_words. A database
  // upgraded from schema 2 has none yet: they are computed from the body and kept.
  const std::vector<uint64_t>& Words(Meeting& m) {
    if (m.words) return *m.words;
    words_.bind(1, m.note_id);
    if (words_.executeStep()) {
      const SQLite::Column blob = words_.getColumn(0);
      m.words = UnpackWordHashes(blob.getBlob(), static_cast<size_t>(blob.getBytes()));
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
      richness_.reset();
    }
    return *m.richness;
  }

 private:
  SQLite::Statement words_;
  SQLite::Statement body_;
  SQLite::Statement save_words_;
  SQLite::Statement richness_;
};

std::vector<Meeting> LoadMeetings(SQLite::Database& db) {
  std::vector<Meeting> meetings;
  SQLite::Statement q(db,
                      "SELECT m.id, m.note_id, n.path, m.date, m.duplicate_of "
                      "FROM meetings m JOIN notes n ON n.id = m.note_id "
                      "WHERE m.date IS NOT NULL ORDER BY m.date, n.path");
  while (q.executeStep()) {
    Meeting m;
    m.id = q.getColumn(0).getInt64();
    m.note_id = q.getColumn(1).getInt64();
    m.path = q.getColumn(2).getString();
    m.date = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) m.current = q.getColumn(4).getInt64();
    meetings.push_back(std::move(m));
  }
  std::unordered_map<int64_t, size_t> by_id;
  for (size_t i = 0; i < meetings.size(); ++i) by_id[meetings[i].id] = i;
  SQLite::Statement a(
      db, "SELECT meeting_id, person_id FROM meeting_attendees WHERE person_id IS NOT NULL");
  while (a.executeStep()) {
    auto it = by_id.find(a.getColumn(0).getInt64());
    if (it != by_id.end()) meetings[it->second].attendees.insert(a.getColumn(1).getInt64());
  }
  return meetings;
}

// Same date, resolved attendees overlapping by at least half of the smaller list; only
// then are the bodies read and compared.
bool SameMeeting(Meeting& a, Meeting& b, LazyDetails& details) {
  if (a.date != b.date || a.attendees.empty() || b.attendees.empty()) return false;
  size_t shared = 0;
  for (int64_t p : a.attendees) shared += b.attendees.count(p);
  if (shared == 0 || shared * 2 < std::min(a.attendees.size(), b.attendees.size())) return false;
  return SameContent(details.Words(a), details.Words(b), kSameMeeting);
}

size_t Find(std::vector<size_t>& parent, size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::map<int64_t, int64_t> LinkMeetings(SQLite::Database& db) {
  std::vector<Meeting> meetings = LoadMeetings(db);
  LazyDetails details(db);
  std::vector<size_t> parent(meetings.size());
  std::iota(parent.begin(), parent.end(), 0);
  // One date at a time (they are sorted by date). Only that date's pairs need its bodies'
  // words, so they are dropped after it: a large vault's would take hundreds of MB.
  for (size_t begin = 0, end = 0; begin < meetings.size(); begin = end) {
    while (end < meetings.size() && meetings[end].date == meetings[begin].date) ++end;
    for (size_t i = begin; i < end; ++i) {
      for (size_t j = i + 1; j < end; ++j) {
        if (SameMeeting(meetings[i], meetings[j], details)) {
          parent[Find(parent, i)] = Find(parent, j);
        }
      }
    }
    for (size_t i = begin; i < end; ++i) meetings[i].words.reset();
  }
  // The canonical member of each group: the richest, then the first by path.
  std::unordered_map<size_t, size_t> canonical;  // root -> member
  std::unordered_map<size_t, size_t> size;       // root -> members
  for (size_t i = 0; i < meetings.size(); ++i) ++size[Find(parent, i)];
  for (size_t i = 0; i < meetings.size(); ++i) {
    const size_t root = Find(parent, i);
    if (size[root] < 2) continue;
    auto it = canonical.find(root);
    if (it == canonical.end()) {
      canonical[root] = i;
      continue;
    }
    Meeting& best = meetings[it->second];
    const int64_t ri = details.Richness(meetings[i]), rb = details.Richness(best);
    if (ri > rb || (ri == rb && meetings[i].path < best.path)) it->second = i;
  }

  std::map<int64_t, int64_t> groups;
  std::vector<Assignment> changes;
  SQLite::Statement insert(
      db,
      "INSERT INTO duplicates(kind, id, canonical_id, similarity, search_rowid, "
      "canonical_search_rowid) VALUES('meeting',?,?,?,?,?)");
  for (size_t i = 0; i < meetings.size(); ++i) {
    Meeting& m = meetings[i];
    std::optional<int64_t> wanted;
    auto it = canonical.find(Find(parent, i));
    if (it != canonical.end() && it->second != i) {
      Meeting& c = meetings[it->second];
      wanted = c.id;
      groups[m.note_id] = c.note_id;
      groups[c.note_id] = c.note_id;
      store::Exec(insert, m.id, c.id, Similarity(details.Words(m), details.Words(c)),
                  store::SearchRowid(m.note_id, store::SearchRowKind::kNote, 0),
                  store::SearchRowid(c.note_id, store::SearchRowKind::kNote, 0));
    }
    if (wanted != m.current) changes.push_back(Assignment{m.id, m.current, wanted});
  }
  ApplyAssignments(db, "UPDATE meetings SET duplicate_of = ?1 WHERE id = ?2", changes);
  // Meetings without a date take part in no group; clear any stale link.
  db.exec(
      "UPDATE meetings SET duplicate_of = NULL WHERE date IS NULL AND duplicate_of IS NOT NULL");
  return groups;
}

}  // namespace notestore::resolve
