#include "dataview/value.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "notestore/date.h"
#include "notestore/error.h"
#include "util/dates.h"
#include "util/text.h"

namespace notestore::dataview {
namespace {

constexpr int64_t kMsPerDay = 86400000;

// Calendar arithmetic is notestore::Date's (days since the epoch, and back).
int64_t DaysFromCivil(int y, int m, int d) {
  if (y < 1 || y > 9999) {
    throw Error(ErrorCode::kQuery, "dataview: the year " + std::to_string(y) + " is out of range");
  }
  return Date::FromYmd(y, m, d).DaysSinceEpoch();
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  const Date date = Date::FromDaysSinceEpoch(z);
  *y = date.year();
  *m = date.month();
  *d = date.day();
}

const char* const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};
const char* const kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                 "Friday", "Saturday", "Sunday"};

// Reads exactly `n` digits at `*pos`.
bool Digits(std::string_view s, size_t* pos, size_t n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    const char c = s[*pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

std::string NumberText(double n) {
  if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) {
    return std::to_string(static_cast<int64_t>(n));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", n);
  return buf;
}

std::string DurationText(const Duration& d) {
  // Dataview's renderMinimalDuration: the non-zero units, largest first.
  struct Unit {
    int64_t ms;
    const char* name;
  };
  static const Unit kUnits[] = {{7 * kMsPerDay, "week"}, {kMsPerDay, "day"}, {3600000, "hour"},
                                {60000, "minute"},       {1000, "second"},   {1, "millisecond"}};
  std::vector<std::string> parts;
  auto add = [&](int64_t n, const char* name) {
    if (n != 0) parts.push_back(std::to_string(n) + " " + name + (n == 1 || n == -1 ? "" : "s"));
  };
  add(d.months / 12, "year");
  add(d.months % 12, "month");
  int64_t rest = d.ms;
  for (const Unit& u : kUnits) {
    add(rest / u.ms, u.name);
    rest %= u.ms;
  }
  return parts.empty() ? "0 seconds" : util::Join(parts, ", ");
}

int CompareText(const std::string& a, const std::string& b) {
  // Close to localeCompare: letters compare without case first.
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const int x = std::tolower(static_cast<unsigned char>(a[i]));
    const int y = std::tolower(static_cast<unsigned char>(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

// Whether CanonicalKey(key) == key, without building it: no ASCII capital, blank,
// formatting character or dash (dashes are folded by the full check).
bool IsCanonicalKey(std::string_view key) {
  for (char c : key) {
    if ((c >= 'A' && c <= 'Z') || std::isspace(static_cast<unsigned char>(c)) || c == '-' ||
        c == '*' || c == '_' || c == '`' || c == '~' || c == '[' || c == ']') {
      return false;
    }
  }
  return !key.empty();
}

}  // namespace

Value Value::Boolean(bool b) {
  Value v;
  v.data_ = b;
  return v;
}
Value Value::Number(double n) {
  Value v;
  v.data_ = n;
  return v;
}
Value Value::String(std::string s) {
  Value v;
  v.data_ = std::move(s);
  return v;
}
Value Value::Date(DateTime d) {
  Value v;
  v.data_ = d;
  return v;
}
Value Value::Dur(Duration d) {
  Value v;
  v.data_ = d;
  return v;
}
Value Value::Link(LinkValue l) {
  Value v;
  v.data_ = std::make_shared<const LinkValue>(std::move(l));
  return v;
}
Value Value::Array(List items) {
  Value v;
  v.data_ = std::make_shared<const List>(std::move(items));
  return v;
}
Value Value::Obj(Object fields) {
  Value v;
  v.data_ = std::make_shared<const Object>(std::move(fields));
  return v;
}

Value Value::Field(std::string_view key) const {
  if (type() != Type::kObject) return Value();
  const Object& o = object();
  for (const auto& [k, v] : o) {
    if (k == key) return v;
  }
  // A miss is common (WHERE estimate, on every task without one): keys that are
  // already canonical, most of them, are compared as they are, without a new string.
  const std::string canonical = CanonicalKey(key);
  for (const auto& [k, v] : o) {
    if (IsCanonicalKey(k) ? k == canonical : CanonicalKey(k) == canonical) return v;
  }
  return Value();
}

std::string NoteName(std::string_view path) {
  std::string_view name = path.substr(path.rfind('/') + 1);
  if (util::EndsWithIgnoreCase(name, ".md")) name.remove_suffix(3);
  return std::string(name);
}

const char* TypeName(Value::Type type) {
  switch (type) {
    case Value::Type::kNull:
      return "null";
    case Value::Type::kBoolean:
      return "boolean";
    case Value::Type::kNumber:
      return "number";
    case Value::Type::kString:
      return "string";
    case Value::Type::kDate:
      return "date";
    case Value::Type::kDuration:
      return "duration";
    case Value::Type::kLink:
      return "link";
    case Value::Type::kArray:
      return "array";
    case Value::Type::kObject:
      return "object";
  }
  return "null";
}

std::string CanonicalKey(std::string_view key) {
  std::string out;
  bool dash = false;
  for (char c : util::Trim(key)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isspace(u) || c == '-') {
      dash = !out.empty();
      continue;
    }
    if (c == '*' || c == '_' || c == '`' || c == '~' || c == '[' || c == ']') continue;
    if (dash) out += '-';
    dash = false;
    out += static_cast<char>(std::tolower(u));
  }
  return out;
}

int Compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() == b.is_null() ? 0 : (a.is_null() ? -1 : 1);
  if (a.type() != b.type()) {
    return std::string(TypeName(a.type())) < TypeName(b.type()) ? -1 : 1;
  }
  auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (a.type()) {
    case Value::Type::kNull:
      return 0;
    case Value::Type::kBoolean:
      return sign(a.boolean(), b.boolean());
    case Value::Type::kNumber:
      return sign(a.number(), b.number());
    case Value::Type::kString:
      return CompareText(a.string(), b.string());
    case Value::Type::kDate:
      return sign(a.date().ms, b.date().ms);
    case Value::Type::kDuration: {
      // Months as 30 days, as Luxon compares durations by their length.
      const int64_t x = a.duration().months * 30 * kMsPerDay + a.duration().ms;
      const int64_t y = b.duration().months * 30 * kMsPerDay + b.duration().ms;
      return sign(x, y);
    }
    case Value::Type::kLink: {
      if (int c = CompareText(a.link().path, b.link().path)) return c;
      return CompareText(a.link().subpath, b.link().subpath);
    }
    case Value::Type::kArray: {
      const List &x = a.array(), &y = b.array();
      for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
        if (int c = Compare(x[i], y[i])) return c;
      }
      return sign(x.size(), y.size());
    }
    case Value::Type::kObject: {
      const Object &x = a.object(), &y = b.object();
      if (int c = sign(x.size(), y.size())) return c;
      for (size_t i = 0; i < x.size(); ++i) {
        if (int c = CompareText(x[i].first, y[i].first)) return c;
        if (int c = Compare(x[i].second, y[i].second)) return c;
      }
      return 0;
    }
  }
  return 0;
}

bool Truthy(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull:
      return false;
    case Value::Type::kBoolean:
      return v.boolean();
    case Value::Type::kNumber:
      return v.number() != 0;
    case Value::Type::kString:
      return !v.string().empty();
    case Value::Type::kDate:
      return v.date().ms != 0;
    case Value::Type::kDuration:
      return v.duration().months != 0 || v.duration().ms != 0;
    case Value::Type::kLink:
      return !v.link().path.empty();
    case Value::Type::kArray:
      return !v.array().empty();
    case Value::Type::kObject:
      return !v.object().empty();
  }
  return false;
}

std::string ToText(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull:
      return "null";
    case Value::Type::kBoolean:
      return v.boolean() ? "true" : "false";
    case Value::Type::kNumber:
      return NumberText(v.number());
    case Value::Type::kString:
      return v.string();
    case Value::Type::kDate:
      return FormatDate(v.date(), v.date().has_time ? "h:mm a - MMMM dd, yyyy" : "MMMM dd, yyyy");
    case Value::Type::kDuration:
      return DurationText(v.duration());
    case Value::Type::kLink: {
      const LinkValue& l = v.link();
      std::string target = l.path;
      if (util::EndsWithIgnoreCase(target, ".md")) target.resize(target.size() - 3);
      if (!l.subpath.empty()) target += "#" + l.subpath;
      std::string shown = l.display;
      if (shown.empty()) shown = NoteName(l.path) + (l.subpath.empty() ? "" : " > " + l.subpath);
      return (l.embed ? "![[" : "[[") + target + (shown == target ? "" : "|" + shown) + "]]";
    }
    case Value::Type::kArray: {
      std::vector<std::string> parts;
      for (const Value& item : v.array()) parts.push_back(ToMarkdown(item));
      return util::Join(parts, ", ");
    }
    case Value::Type::kObject: {
      std::vector<std::string> parts;
      for (const auto& [k, item] : v.object()) parts.push_back(k + ": " + ToMarkdown(item));
      return "{ " + util::Join(parts, ", ") + " }";
    }
  }
  return "";
}

std::string ToMarkdown(const Value& v) { return v.is_null() ? "-" : ToText(v); }

std::optional<DateTime> ParseDate(std::string_view text) {
  text = util::Trim(text);
  size_t pos = 0;
  CivilTime c;
  if (!Digits(text, &pos, 4, &c.year) || c.year < 1) return std::nullopt;
  c.month = c.day = 1;
  bool has_time = false;
  if (pos < text.size() && text[pos] == '-') {
    ++pos;
    if (!Digits(text, &pos, 2, &c.month) || c.month < 1 || c.month > 12) return std::nullopt;
    if (pos < text.size() && text[pos] == '-') {
      ++pos;
      if (!Digits(text, &pos, 2, &c.day) || !util::IsValidDate(c.year, c.month, c.day)) {
        return std::nullopt;
      }
      if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
        ++pos;
        if (!Digits(text, &pos, 2, &c.hour) || pos >= text.size() || text[pos] != ':') {
          return std::nullopt;
        }
        ++pos;
        if (!Digits(text, &pos, 2, &c.minute)) return std::nullopt;
        if (pos < text.size() && text[pos] == ':') {
          ++pos;
          if (!Digits(text, &pos, 2, &c.second)) return std::nullopt;
          if (pos < text.size() && text[pos] == '.') {
            ++pos;
            if (!Digits(text, &pos, 3, &c.millisecond)) return std::nullopt;
          }
        }
        if (c.hour > 23 || c.minute > 59 || c.second > 59) return std::nullopt;
        has_time = true;
        if (pos < text.size() && text[pos] == 'Z') ++pos;  // Zones are not kept.
      }
    }
  }
  if (pos != text.size()) return std::nullopt;
  return FromCivil(c, has_time);
}

std::optional<Duration> ParseDuration(std::string_view text) {
  struct Unit {
    const char* names[4];
    int64_t months, ms;
  };
  static const Unit kUnits[] = {
      {{"years", "year", "yrs", "yr"}, 12, 0},
      {{"months", "month", "mo", ""}, 1, 0},
      {{"weeks", "week", "wks", "w"}, 0, 7 * kMsPerDay},
      {{"days", "day", "d", ""}, 0, kMsPerDay},
      {{"hours", "hour", "hrs", "h"}, 0, 3600000},
      {{"minutes", "minute", "mins", "m"}, 0, 60000},
      {{"seconds", "second", "secs", "s"}, 0, 1000},
      {{"milliseconds", "millisecond", "ms", ""}, 0, 1},
  };
  Duration out;
  bool any = false;
  size_t pos = 0;
  auto skip = [&] {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == ',' || text[pos] == '\t')) ++pos;
  };
  skip();
  while (pos < text.size()) {
    size_t start = pos;
    while (pos < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[pos])) || text[pos] == '.')) {
      ++pos;
    }
    if (start == pos) return std::nullopt;
    const double n = std::atof(std::string(text.substr(start, pos - start)).c_str());
    if (n > 1e6) return std::nullopt;  // Beyond any date; keeps the arithmetic in range.
    while (pos < text.size() && text[pos] == ' ') ++pos;
    start = pos;
    while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
    const std::string unit = util::ToLowerAscii(text.substr(start, pos - start));
    const Unit* found = nullptr;
    for (const Unit& u : kUnits) {
      for (const char* name : u.names) {
        if (*name && unit == name) found = &u;
      }
      if (found) break;
    }
    if (!found) return std::nullopt;
    out.months += static_cast<int64_t>(n * static_cast<double>(found->months));
    out.ms += static_cast<int64_t>(std::llround(n * static_cast<double>(found->ms)));
    any = true;
    skip();
  }
  if (!any) return std::nullopt;
  return out;
}

CivilTime ToCivil(const DateTime& d) {
  int64_t days = d.ms / kMsPerDay;
  int64_t rest = d.ms % kMsPerDay;
  if (rest < 0) {
    rest += kMsPerDay;
    --days;
  }
  CivilTime c;
  CivilFromDays(days, &c.year, &c.month, &c.day);
  c.hour = static_cast<int>(rest / 3600000);
  c.minute = static_cast<int>(rest / 60000 % 60);
  c.second = static_cast<int>(rest / 1000 % 60);
  c.millisecond = static_cast<int>(rest % 1000);
  return c;
}

DateTime FromCivil(const CivilTime& c, bool has_time) {
  const int64_t days = DaysFromCivil(c.year, c.month, c.day);
  return DateTime{days * kMsPerDay + c.hour * 3600000LL + c.minute * 60000LL + c.second * 1000LL +
                      c.millisecond,
                  has_time};
}

DateTime AddDuration(const DateTime& d, const Duration& dur, int n) {
  DateTime out = d;
  if (dur.months != 0) {
    CivilTime c = ToCivil(d);
    const int64_t total = c.year * 12LL + (c.month - 1) + dur.months * n;
    c.year = static_cast<int>(total / 12 - (total % 12 < 0));
    c.month = static_cast<int>((total % 12 + 12) % 12 + 1);
    c.day = std::min(c.day, util::DaysInMonth(c.year, c.month));
    out = FromCivil(c, d.has_time);
  }
  out.ms += dur.ms * n;
  out.has_time = d.has_time || dur.ms % kMsPerDay != 0;
  return out;
}

std::string FormatDate(const DateTime& d, std::string_view format) {
  const CivilTime c = ToCivil(d);
  auto pad = [](int v, int width) {
    std::string s = std::to_string(v);
    return s.size() < static_cast<size_t>(width) ? std::string(width - s.size(), '0') + s : s;
  };
  const int64_t days = DaysFromCivil(c.year, c.month, c.day);
  const int weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday.
  std::string out;
  for (size_t i = 0; i < format.size();) {
    const char ch = format[i];
    if (ch == '\'') {  // 'literal text'
      const size_t end = format.find('\'', i + 1);
      out += format.substr(i + 1, (end == std::string_view::npos ? format.size() : end) - i - 1);
      i = end == std::string_view::npos ? format.size() : end + 1;
      continue;
    }
    size_t run = 1;
    while (i + run < format.size() && format[i + run] == ch) ++run;
    switch (ch) {
      case 'y':
        out += run == 2 ? pad(c.year % 100, 2)
                        : pad(c.year, static_cast<int>(std::max<size_t>(run, 1)));
        break;
      case 'M':
        out += run >= 4   ? kMonths[c.month - 1]
               : run == 3 ? std::string(kMonths[c.month - 1]).substr(0, 3)
                          : pad(c.month, static_cast<int>(run));
        break;
      case 'd':
        out += pad(c.day, static_cast<int>(run));
        break;
      case 'E':
        out += run >= 4 ? kWeekdays[weekday] : std::string(kWeekdays[weekday]).substr(0, 3);
        break;
      case 'H':
        out += pad(c.hour, static_cast<int>(run));
        break;
      case 'h':
        out += pad(c.hour % 12 == 0 ? 12 : c.hour % 12, static_cast<int>(run));
        break;
      case 'm':
        out += pad(c.minute, static_cast<int>(run));
        break;
      case 's':
        out += pad(c.second, static_cast<int>(run));
        break;
      case 'S':
        out += pad(c.millisecond, 3);
        break;
      case 'a':
        out += c.hour < 12 ? "AM" : "PM";
        break;
      default:
        out.append(run, ch);
    }
    i += run;
  }
  return out;
}

}  // namespace notestore::dataview
