// A problem found while ingesting, kept in the `diagnostics` table. Shared by every
// stage, so it lives on its own.
#ifndef NOTESTORE_LIB_DIAG_DIAGNOSTIC_H_
#define NOTESTORE_LIB_DIAG_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace notestore {

enum class Severity { kInfo, kWarning, kError };

const char* SeverityName(Severity s);

struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string code;     // Stable kebab-case identifier, e.g. "invalid-yaml".
  std::string message;  // One sentence for a person.
  int line = 0;         // 1-based line in the file, 0 when it applies to the whole file.
};

using Diagnostics = std::vector<Diagnostic>;

inline void AddDiagnostic(Diagnostics* out, Severity severity, std::string code,
                          std::string message, int line = 0) {
  out->push_back(Diagnostic{severity, std::move(code), std::move(message), line});
}

}  // namespace notestore

#endif  // NOTESTORE_LIB_DIAG_DIAGNOSTIC_H_
