// Conversions between notestore's C++ values and Python's: notestore::Date <->
// datetime.date (a pybind11 type caster), and the C++ enums <-> the Python enums of
// notestore/_enums.py (str-valued enum.Enum classes).
#ifndef NOTESTORE_BINDINGS_PYTHON_CONVERT_H_
#define NOTESTORE_BINDINGS_PYTHON_CONVERT_H_

#include <datetime.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "notestore/notestore.h"

namespace pybind11::detail {

template <>
struct type_caster<notestore::Date> {
 public:
  PYBIND11_TYPE_CASTER(notestore::Date, const_name("datetime.date"));

  bool load(handle src, bool) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    if (!src || !PyDate_Check(src.ptr())) return false;
    try {
      // Attributes rather than the PyDateTime_GET_* macros, whose C casts the build's
      // warnings reject; dates are converted rarely enough for this not to matter.
      value = notestore::Date::FromYmd(src.attr("year").cast<int>(), src.attr("month").cast<int>(),
                                       src.attr("day").cast<int>());
    } catch (const notestore::Error&) {
      return false;
    }
    return true;
  }

  static handle cast(const notestore::Date& d, return_value_policy, handle) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    return PyDate_FromDate(d.year(), d.month(), d.day());
  }
};

}  // namespace pybind11::detail

namespace notestore::python {

namespace py = pybind11;

// The member of Python enum `enum_name` (in notestore._enums) whose value is `value`.
py::object PyEnum(const char* enum_name, const std::string& value);

// The C++ name of a Python enum member or string ("open", TaskStatus.OPEN).
std::string EnumValue(const py::handle& value);

}  // namespace notestore::python

#endif  // NOTESTORE_BINDINGS_PYTHON_CONVERT_H_
