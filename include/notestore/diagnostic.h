// A problem found while ingesting (a row of the `diagnostics` table).
#ifndef NOTESTORE_DIAGNOSTIC_H_
#define NOTESTORE_DIAGNOSTIC_H_

#include <cstdint>
#include <optional>
#include <string>

namespace notestore {

enum class Severity { kInfo, kWarning, kError };

// "info", "warning", "error".
const char* SeverityName(Severity severity);
// The reverse of SeverityName; nothing for other text.
std::optional<Severity> ParseSeverity(const std::string& name);

struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string code;                // Stable kebab-case identifier, e.g. "invalid-yaml".
  std::string message;             // One sentence for a person.
  int line = 0;                    // 1-based line in the file; 0 when it concerns the whole file.
  std::string path;                // The note's path in the vault.
  std::string stage;               // "read", "parse" or "resolve".
  std::optional<int64_t> note_id;  // The stored note, if there is one.
};

}  // namespace notestore

#endif  // NOTESTORE_DIAGNOSTIC_H_
