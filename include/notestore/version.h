#ifndef NOTESTORE_VERSION_H_
#define NOTESTORE_VERSION_H_

#define NOTESTORE_VERSION_MAJOR 0
#define NOTESTORE_VERSION_MINOR 1
#define NOTESTORE_VERSION_PATCH 0
#define NOTESTORE_VERSION_STRING "0.1.0"

namespace notestore {

// The database schema this library reads and writes, kept in PRAGMA user_version.
// A database with a larger number is refused; one with a smaller number is upgraded
// when opened for writing. See docs/schema.md.
inline constexpr int kSchemaVersion = 10;

}  // namespace notestore

#endif  // NOTESTORE_VERSION_H_
