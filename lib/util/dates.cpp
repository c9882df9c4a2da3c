#include "util/dates.h"

#include <cstdio>

#include "util/text.h"

namespace notestore::util {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int ParseDigits(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string Format(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Matches DDDD?DD?DD with one separator kind; returns the length consumed or 0.
size_t MatchDate(std::string_view s, int* y, int* m, int* d) {
  if (s.size() < 10) return 0;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[static_cast<size_t>(i)])) return 0;
  }
  const char sep = s[4];
  if ((sep != '-' && sep != '/' && sep != '.') || s[7] != sep) return 0;
  *y = ParseDigits(s.substr(0, 4));
  *m = ParseDigits(s.substr(5, 2));
  *d = ParseDigits(s.substr(8, 2));
  return 10;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return (month == 2 && leap) ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= DaysInMonth(year, month);
}

std::optional<std::string> NormalizeDate(std::string_view text) {
  text = Trim(text);
  int y, m, d;
  const size_t n = MatchDate(text, &y, &m, &d);
  if (n == 0 || !IsValidDate(y, m, d)) return std::nullopt;
  // Whatever follows must be a time, not more digits ("2025-10-221").
  if (text.size() > n && text[n] != 'T' && text[n] != ' ') return std::nullopt;
  return Format(y, m, d);
}

std::optional<std::string> LeadingIsoDate(std::string_view text) {
  int y, m, d;
  if (MatchDate(text, &y, &m, &d) == 0 || text[4] != '-' || !IsValidDate(y, m, d)) {
    return std::nullopt;
  }
  if (text.size() > 10 && IsDigit(text[10])) return std::nullopt;
  return Format(y, m, d);
}

}  // namespace notestore::util
