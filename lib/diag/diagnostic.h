// Diagnostics while ingesting: the public notestore::Diagnostic record, and helpers for
// the stages that produce them (which fill severity, code, message and line; the store
// adds path, stage and note).
#ifndef NOTESTORE_LIB_DIAG_DIAGNOSTIC_H_
#define NOTESTORE_LIB_DIAG_DIAGNOSTIC_H_

#include <string>
#include <vector>

#include "notestore/diagnostic.h"

namespace notestore {

using Diagnostics = std::vector<Diagnostic>;

inline Diagnostic MakeDiagnostic(Severity severity, std::string code, std::string message,
                                 int line = 0) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  d.line = line;
  return d;
}

inline void AddDiagnostic(Diagnostics* out, Severity severity, std::string code,
                          std::string message, int line = 0) {
  out->push_back(MakeDiagnostic(severity, std::move(code), std::move(message), line));
}

}  // namespace notestore

#endif  // NOTESTORE_LIB_DIAG_DIAGNOSTIC_H_
