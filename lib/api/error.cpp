#include "notestore/error.h"

namespace notestore {

const char* ErrorCodeName(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kSchemaMismatch:
      return "schema_mismatch";
    case ErrorCode::kReadOnly:
      return "read_only";
    case ErrorCode::kBusy:
      return "busy";
    case ErrorCode::kCorrupt:
      return "corrupt";
    case ErrorCode::kQuery:
      return "query";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

Error::Error(ErrorCode code, const std::string& message)
    : std::runtime_error(message), code_(code) {}

}  // namespace notestore
