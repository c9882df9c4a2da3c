// Dataview's values: what fields hold and expressions compute. The same dynamic types
// as Dataview (null, boolean, number, string, date, duration, link, array, object), the
// same total order (null first; different types ordered by type name), truthiness and
// rendering as text.
#ifndef NOTESTORE_LIB_DATAVIEW_VALUE_H_
#define NOTESTORE_LIB_DATAVIEW_VALUE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace notestore::dataview {

// A local date and time, without a time zone (notes carry none), to the millisecond.
struct DateTime {
  int64_t ms = 0;         // Since 1970-01-01 00:00.
  bool has_time = false;  // Written with a time; shown with it.
};

// A length of time. Months are kept apart because their length depends on the date
// they are added to.
struct Duration {
  int64_t months = 0;
  int64_t ms = 0;
};

// A link to a note (path relative to the vault, with its extension), or to a heading
// or block inside it (subpath).
struct LinkValue {
  std::string path;
  std::string display;
  std::string subpath;
  bool embed = false;
};

class Value;
using List = std::vector<Value>;
using Object = std::vector<std::pair<std::string, Value>>;  // In insertion order.

class Value {
 public:
  enum class Type { kNull, kBoolean, kNumber, kString, kDate, kDuration, kLink, kArray, kObject };

  Value() = default;
  static Value Boolean(bool b);
  static Value Number(double n);
  static Value String(std::string s);
  static Value Date(DateTime d);
  static Value Dur(Duration d);
  static Value Link(LinkValue l);
  static Value Array(List items);
  static Value Obj(Object fields);

  Type type() const { return static_cast<Type>(data_.index()); }
  bool is_null() const { return type() == Type::kNull; }
  bool boolean() const { return std::get<bool>(data_); }
  double number() const { return std::get<double>(data_); }
  const std::string& string() const { return std::get<std::string>(data_); }
  const DateTime& date() const { return std::get<DateTime>(data_); }
  const Duration& duration() const { return std::get<Duration>(data_); }
  const LinkValue& link() const { return *std::get<std::shared_ptr<const LinkValue>>(data_); }
  const List& array() const { return *std::get<std::shared_ptr<const List>>(data_); }
  const Object& object() const { return *std::get<std::shared_ptr<const Object>>(data_); }

  // A field of an object: exact key first, then Dataview's canonical form (lower case,
  // spaces as dashes, formatting dropped), so "Due Date" is also `due-date`.
  // Null when absent or not an object.
  Value Field(std::string_view key) const;

 private:
  // Links (three strings) are held by pointer, so that a Value stays 40 bytes: a task
  // is an object of some twenty of them, and a query may hold 200,000 tasks.
  std::variant<std::monostate, bool, double, std::string, DateTime, Duration,
               std::shared_ptr<const LinkValue>, std::shared_ptr<const List>,
               std::shared_ptr<const Object>>
      data_;
};

// Dataview's name of a type: "null", "boolean", "number", "string", "date", "duration",
// "link", "array", "object".
const char* TypeName(Value::Type type);

// Dataview's canonical field name: "Due Date" -> "due-date", "**Owner**" -> "owner".
std::string CanonicalKey(std::string_view key);

// The name Obsidian shows for the note at `path`: the file name without folder or ".md".
std::string NoteName(std::string_view path);

// Total order over all values (Dataview's compareValue): <0, 0, >0.
int Compare(const Value& a, const Value& b);
// Dataview's truthiness: null, false, 0, "", an empty list or object are false.
bool Truthy(const Value& v);

// Text as Obsidian shows it, in Markdown: null as "-", dates as "October 26, 2025",
// links as [[...]], lists joined with ", ".
std::string ToMarkdown(const Value& v);
// Text for string functions and concatenation: like ToMarkdown, but null is "null".
std::string ToText(const Value& v);

// Parses a date as notes write them: 2025-10-26, 2025-10, 2025, 2025-10-26T14:30[:05],
// "2025-10-26 14:30". Nullopt when `text` is not one.
std::optional<DateTime> ParseDate(std::string_view text);
// Parses a duration: "1 week", "3 days, 2 hours", "1h 30m", "2 months". Nullopt when not.
std::optional<Duration> ParseDuration(std::string_view text);

// Calendar parts of a date (local, proleptic Gregorian).
struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
};
CivilTime ToCivil(const DateTime& d);
DateTime FromCivil(const CivilTime& c, bool has_time);
// `d` plus `n` times `dur` (n = -1 subtracts): months first (clamped to the month's
// last day), then milliseconds.
DateTime AddDuration(const DateTime& d, const Duration& dur, int n);
// Formats with Luxon's tokens (yyyy, yy, MMMM, MMM, MM, M, dd, d, HH, H, hh, h, mm, ss,
// SSS, a, EEEE, EEE, and 'quoted text').
std::string FormatDate(const DateTime& d, std::string_view format);

}  // namespace notestore::dataview

#endif  // NOTESTORE_LIB_DATAVIEW_VALUE_H_
