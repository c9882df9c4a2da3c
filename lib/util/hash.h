// A fast, stable 64-bit content hash (the XXH64 algorithm), used to tell whether a
// file whose modification time changed still has the same content. Stable across
// platforms and releases, since hashes are kept in the database.
#ifndef NOTESTORE_LIB_UTIL_HASH_H_
#define NOTESTORE_LIB_UTIL_HASH_H_

#include <cstdint>
#include <string_view>

namespace notestore::util {

uint64_t Hash64(std::string_view data, uint64_t seed = 0);

}  // namespace notestore::util

#endif  // NOTESTORE_LIB_UTIL_HASH_H_
