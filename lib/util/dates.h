// Calendar dates as the store keeps them: ISO "YYYY-MM-DD" text.
#ifndef NOTESTORE_LIB_UTIL_DATES_H_
#define NOTESTORE_LIB_UTIL_DATES_H_

#include <optional>
#include <string>
#include <string_view>

namespace notestore::util {

// Days in `month` (1-12) of `year`, leap years counted (February 29).
int DaysInMonth(int year, int month);
// Whether year/month/day name a real day of the proleptic Gregorian calendar.
bool IsValidDate(int year, int month, int day);

// Reads a date written as YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD, optionally followed by
// a time ("2025-10-22T10:00", "2025-10-22 10:00"). Returns the ISO form, or nothing when
// the text is not a date or names a day that does not exist.
std::optional<std::string> NormalizeDate(std::string_view text);

// If `text` starts with YYYY-MM-DD (as in "2025-09-18 - Weekly sync"), returns it.
std::optional<std::string> LeadingIsoDate(std::string_view text);

}  // namespace notestore::util

#endif  // NOTESTORE_LIB_UTIL_DATES_H_
