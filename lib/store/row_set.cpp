#include "store/row_set.h"

#include <SQLiteCpp/Column.h>

#include <string_view>
#include <vector>

namespace notestore::store {
namespace {

std::string_view TextOf(const Cell& cell) {
  if (const auto* s = std::get_if<const std::string*>(&cell)) return **s;
  return std::get<const char*>(cell);
}

bool SameCell(const Cell& cell, const SQLite::Column& stored) {
  if (stored.isNull()) return std::holds_alternative<std::monostate>(cell);
  if (stored.isInteger()) {
    return std::holds_alternative<int64_t>(cell) && std::get<int64_t>(cell) == stored.getInt64();
  }
  if (stored.isText()) {
    return (std::holds_alternative<const std::string*>(cell) ||
            std::holds_alternative<const char*>(cell)) &&
           TextOf(cell) ==
               std::string_view(stored.getText(), static_cast<size_t>(stored.getBytes()));
  }
  return false;  // Written again: never worse than kept.
}

// Whether the current row of `select` holds `row` in its first columns, and exactly
// `extra` columns more.
bool SameRow(const std::vector<Cell>& row, SQLite::Statement& select, size_t extra) {
  if (static_cast<size_t>(select.getColumnCount()) != row.size() + extra) return false;
  for (size_t c = 0; c < row.size(); ++c) {
    if (!SameCell(row[c], select.getColumn(static_cast<int>(c)))) return false;
  }
  return true;
}

}  // namespace

bool RowSet::SameAs(SQLite::Statement& select, int64_t note_id) const {
  select.bind(1, note_id);
  size_t i = 0;
  bool same = true;
  while (same && select.executeStep()) {
    same = i < rows_.size() && SameRow(rows_[i], select, 0);
    ++i;
  }
  select.reset();
  return same && i == rows_.size();
}

size_t RowSet::SamePrefix(SQLite::Statement& select, int64_t note_id, std::vector<int64_t>* ids,
                          size_t* stored) const {
  select.bind(1, note_id);
  size_t same = 0, count = 0;
  for (; select.executeStep(); ++count) {
    if (same != count || same == rows_.size()) continue;  // Counted only.
    if (!SameRow(rows_[same], select, 1)) continue;
    ids->push_back(select.getColumn(static_cast<int>(rows_[same].size())).getInt64());
    ++same;
  }
  select.reset();
  *stored = count;
  return same;
}

void RowSet::InsertInto(SQLite::Statement& insert, int64_t note_id,
                        const std::vector<int64_t>* ids) const {
  for (size_t r = 0; r < rows_.size(); ++r) {
    const std::vector<Cell>& row = rows_[r];
    insert.bind(1, note_id);
    if (ids) {
      const int index = static_cast<int>(row.size()) + 2;
      if ((*ids)[r] == 0) {
        insert.bind(index);
      } else {
        insert.bind(index, (*ids)[r]);
      }
    }
    for (size_t c = 0; c < row.size(); ++c) {
      const int index = static_cast<int>(c) + 2;
      // Text outlives the statement's run: bound without a copy.
      if (const auto* v = std::get_if<int64_t>(&row[c])) {
        insert.bind(index, *v);
      } else if (const auto* s = std::get_if<const std::string*>(&row[c])) {
        insert.bindNoCopy(index, **s);
      } else if (const auto* p = std::get_if<const char*>(&row[c])) {
        insert.bindNoCopy(index, *p);
      } else {
        insert.bind(index);
      }
    }
    insert.exec();
    insert.reset();
  }
}

}  // namespace notestore::store
