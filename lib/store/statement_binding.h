// Binding a row of values to a prepared statement in one call:
//   Exec(insert, note_id, key, optional_value, NullIfEmpty(display));
// Every store and resolve module writes rows this way, so NULL handling is uniform.
#ifndef NOTESTORE_LIB_STORE_STATEMENT_BINDING_H_
#define NOTESTORE_LIB_STORE_STATEMENT_BINDING_H_

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>

namespace notestore::store {

// An empty string stored as NULL.
struct NullIfEmpty {
  explicit NullIfEmpty(const std::string& v) : value(v) {}
  const std::string& value;
};
// An id of 0 stored as NULL.
struct NullIfZero {
  explicit NullIfZero(int64_t v) : value(v) {}
  int64_t value;
};

inline void BindOne(SQLite::Statement& s, int i, const std::string& v) { s.bind(i, v); }
inline void BindOne(SQLite::Statement& s, int i, const char* v) { s.bind(i, v); }
inline void BindOne(SQLite::Statement& s, int i, int v) { s.bind(i, v); }
inline void BindOne(SQLite::Statement& s, int i, int64_t v) { s.bind(i, v); }
inline void BindOne(SQLite::Statement& s, int i, double v) { s.bind(i, v); }
inline void BindOne(SQLite::Statement& s, int i, std::nullopt_t) { s.bind(i); }
inline void BindOne(SQLite::Statement& s, int i, const std::optional<std::string>& v) {
  v ? s.bind(i, *v) : s.bind(i);
}
// A list position (or other count) below 0 stored as NULL.
struct NullIfNegative {
  explicit NullIfNegative(int64_t v) : value(v) {}
  int64_t value;
};
inline void BindOne(SQLite::Statement& s, int i, const NullIfEmpty& v) {
  v.value.empty() ? s.bind(i) : s.bind(i, v.value);
}
inline void BindOne(SQLite::Statement& s, int i, const NullIfZero& v) {
  v.value == 0 ? s.bind(i) : s.bind(i, v.value);
}
inline void BindOne(SQLite::Statement& s, int i, const NullIfNegative& v) {
  v.value < 0 ? s.bind(i) : s.bind(i, v.value);
}

// Binds `args` to parameters 1..N, runs the statement and resets it for reuse. Returns
// the number of rows changed.
template <typename... Args>
int Exec(SQLite::Statement& statement, const Args&... args) {
  int index = 0;
  (BindOne(statement, ++index, args), ...);
  const int changed = statement.exec();
  statement.reset();
  return changed;
}

}  // namespace notestore::store

#endif  // NOTESTORE_LIB_STORE_STATEMENT_BINDING_H_
