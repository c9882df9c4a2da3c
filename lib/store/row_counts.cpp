#include "store/row_counts.h"

#include <SQLiteCpp/Statement.h>

#include <cstdlib>
#include <iterator>
#include <string_view>

#include "store/schema.h"
#include "util/text.h"

namespace notestore::store {
namespace {

constexpr const char* kKey = "row_counts";
constexpr std::string_view kSeverity = "severity.";

constexpr const char* kTables[] = {
    "notes",    "properties",        "headings", "tags",      "links", "people",     "accounts",
    "meetings", "meeting_attendees", "tasks",    "decisions", "facts", "table_rows", "diagnostics"};

constexpr const char* kSeverities[] = {"error", "warning", "info"};

std::map<std::string, int64_t> DiagnosticsBySeverity(SQLite::Database& db) {
  std::map<std::string, int64_t> out;
  for (const char* severity : kSeverities) out[severity] = 0;
  SQLite::Statement q(db, "SELECT severity, count(*) FROM diagnostics GROUP BY severity");
  while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
  return out;
}

}  // namespace

const std::vector<std::string>& CountedTables() {
  static const std::vector<std::string> kAll(std::begin(kTables), std::end(kTables));
  return kAll;
}

RowCounts CountRows(SQLite::Database& db) {
  RowCounts counts;
  for (const char* table : kTables) {
    counts.tables[table] = db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
  }
  counts.diagnostics = DiagnosticsBySeverity(db);
  return counts;
}

std::optional<RowCounts> StoredRowCounts(SQLite::Database& db) {
  // "notes=12 properties=40 ... severity.warning=3": every table, or none are trusted.
  const std::string stored = GetMeta(db, kKey);
  RowCounts counts;
  for (std::string_view field : util::Split(stored, ' ')) {
    const size_t eq = field.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string number(field.substr(eq + 1));
    char* end = nullptr;
    const long long n = std::strtoll(number.c_str(), &end, 10);
    if (number.empty() || *end != '\0' || n < 0) return std::nullopt;
    const std::string_view name = field.substr(0, eq);
    if (name.substr(0, kSeverity.size()) == kSeverity) {
      counts.diagnostics[std::string(name.substr(kSeverity.size()))] = n;
    } else {
      counts.tables[std::string(name)] = n;
    }
  }
  for (const char* table : kTables) {
    if (!counts.tables.count(table)) return std::nullopt;
  }
  for (const char* severity : kSeverities) {
    if (!counts.diagnostics.count(severity)) return std::nullopt;
  }
  return counts;
}

void StoreRowCounts(SQLite::Database& db, const RowCounts& counts) {
  std::string value;
  for (const char* table : kTables) {
    auto it = counts.tables.find(table);
    if (it == counts.tables.end()) return;  // Incomplete: store nothing.
    value += (value.empty() ? "" : " ") + std::string(table) + "=" + std::to_string(it->second);
  }
  for (const auto& [severity, n] : counts.diagnostics) {
    value += " " + std::string(kSeverity) + severity + "=" + std::to_string(n);
  }
  SetMeta(db, kKey, value);
}

void ForgetRowCounts(SQLite::Database& db) { SetMeta(db, kKey, ""); }

}  // namespace notestore::store
