// A calendar day, as notes write them ("2025-10-26"). Plain value type; thread-safe.
#ifndef NOTESTORE_DATE_H_
#define NOTESTORE_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace notestore {

class Date {
 public:
  // 1970-01-01.
  constexpr Date() = default;

  // Reads "YYYY-MM-DD". Nothing for any other text or a day that does not exist.
  static std::optional<Date> Parse(std::string_view iso);
  // Throws Error(kInvalidArgument) for a day that does not exist.
  static Date FromYmd(int year, int month, int day);
  // Today in the local time zone.
  static Date Today();

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }

  // "YYYY-MM-DD".
  std::string ToString() const;
  // Days since 1970-01-01 (negative before it), and back.
  int64_t DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(int64_t days);
  Date AddDays(int64_t days) const { return FromDaysSinceEpoch(DaysSinceEpoch() + days); }

  friend bool operator==(const Date& a, const Date& b) { return a.Key() == b.Key(); }
  friend bool operator!=(const Date& a, const Date& b) { return a.Key() != b.Key(); }
  friend bool operator<(const Date& a, const Date& b) { return a.Key() < b.Key(); }
  friend bool operator<=(const Date& a, const Date& b) { return a.Key() <= b.Key(); }
  friend bool operator>(const Date& a, const Date& b) { return a.Key() > b.Key(); }
  friend bool operator>=(const Date& a, const Date& b) { return a.Key() >= b.Key(); }

 private:
  constexpr Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
  int Key() const { return year_ * 10000 + month_ * 100 + day_; }

  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

}  // namespace notestore

#endif  // NOTESTORE_DATE_H_
