// Stage 5, store: the rows of one kind that a note has, as the writer binds them, so that
// a note written again replaces only the kinds of rows that changed (appending a task to
// a note leaves its properties, headings, links and facts as they were).
#ifndef NOTESTORE_LIB_STORE_ROW_SET_H_
#define NOTESTORE_LIB_STORE_ROW_SET_H_

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "store/statement_binding.h"

namespace notestore::store {

// One column's value: NULL, an integer or text. Text is a string that must outlive the
// RowSet (the parsed note's), or one the RowSet keeps, or a literal.
using Cell = std::variant<std::monostate, int64_t, const std::string*, const char*>;

class RowSet {
 public:
  // Adds a row of the values the writer binds (after the note id), converted as Exec()
  // converts them.
  template <typename... Args>
  void Add(Args&&... args) {
    // Text is kept by address: a temporary string would be gone before the row is used.
    static_assert((!IsTemporaryText<Args>() && ...), "pass strings that outlive the set");
    std::vector<Cell> row;
    row.reserve(sizeof...(Args));
    (row.push_back(CellOf(args)), ...);
    rows_.push_back(std::move(row));
  }
  // Keeps `text` for the set's lifetime and returns it, for values computed here.
  const std::string& Keep(std::string text) { return kept_.emplace_back(std::move(text)); }

  const std::vector<std::vector<Cell>>& rows() const { return rows_; }

  // Whether `select` (bound to `note_id` as ?1; the same columns, in order) returns these
  // rows, in order.
  bool SameAs(SQLite::Statement& select, int64_t note_id) const;
  // How many of these rows, from the first, `select` returns first, as SameAs compares
  // them; `select` has one more column, last, the stored row's id, which goes into
  // `ids` for each of those rows. Sets `*stored` to how many rows `select` returns.
  size_t SamePrefix(SQLite::Statement& select, int64_t note_id, std::vector<int64_t>* ids,
                    size_t* stored) const;
  // Runs `insert` (?1 the note id, then the columns) for each row; with `ids`, parallel
  // to the rows, each row's id (NULL for 0) is bound after its columns (a column written
  // but not compared, such as a person id the writer already knows).
  void InsertInto(SQLite::Statement& insert, int64_t note_id,
                  const std::vector<int64_t>* ids = nullptr) const;

 private:
  template <typename T>
  static constexpr bool IsTemporaryText() {
    using D = std::decay_t<T>;
    return !std::is_lvalue_reference_v<T> &&
           (std::is_same_v<D, std::string> || std::is_same_v<D, std::optional<std::string>>);
  }
  static Cell CellOf(const std::string& v) { return &v; }
  static Cell CellOf(const char* v) { return v; }
  static Cell CellOf(const std::string* v) { return v ? Cell(v) : Cell(std::monostate()); }
  static Cell CellOf(int v) { return int64_t{v}; }
  static Cell CellOf(int64_t v) { return v; }
  static Cell CellOf(std::nullopt_t) { return std::monostate(); }
  static Cell CellOf(const std::optional<std::string>& v) {
    return v ? Cell(&*v) : Cell(std::monostate());
  }
  static Cell CellOf(const NullIfEmpty& v) {
    return v.value.empty() ? Cell(std::monostate()) : Cell(&v.value);
  }
  static Cell CellOf(const NullIfZero& v) {
    return v.value == 0 ? Cell(std::monostate()) : Cell(v.value);
  }
  static Cell CellOf(const NullIfNegative& v) {
    return v.value < 0 ? Cell(std::monostate()) : Cell(v.value);
  }

  std::vector<std::vector<Cell>> rows_;
  std::deque<std::string> kept_;  // A deque: views of its strings stay valid as it grows.
};

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_ROW_SET_H_
