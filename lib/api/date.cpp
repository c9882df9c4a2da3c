#include "notestore/date.h"

#include <cstdio>
#include <ctime>

#include "notestore/error.h"
#include "util/dates.h"

namespace notestore {

std::optional<Date> Date::Parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const std::optional<std::string> normalized = util::NormalizeDate(iso);
  if (!normalized) return std::nullopt;
  int y = 0, m = 0, d = 0;
  std::sscanf(normalized->c_str(), "%d-%d-%d", &y, &m, &d);
  return Date(y, m, d);
}

Date Date::FromYmd(int year, int month, int day) {
  if (!util::IsValidDate(year, month, day) || year > 9999) {
    throw Error(ErrorCode::kInvalidArgument, "no such day: " + std::to_string(year) + "-" +
                                                 std::to_string(month) + "-" + std::to_string(day));
  }
  return Date(year, month, day);
}

Date Date::Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t Date::DaysSinceEpoch() const {
  const int64_t y = month_ <= 2 ? year_ - 1 : year_;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month_ + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day_ - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::FromDaysSinceEpoch(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date(y, m, d);
}

}  // namespace notestore
