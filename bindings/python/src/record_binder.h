// Binds a plain C++ record as an immutable Python class: read-only attributes, to_dict(),
// a readable repr and value equality, from one list of fields.
#ifndef NOTESTORE_BINDINGS_PYTHON_RECORD_BINDER_H_
#define NOTESTORE_BINDINGS_PYTHON_RECORD_BINDER_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "convert.h"

namespace notestore::python {

// Python values of record fields. Lists become tuples, so records stay immutable.
inline py::object ToPy(const std::string& v) { return py::str(v); }
inline py::object ToPy(int v) { return py::int_(v); }
inline py::object ToPy(int64_t v) { return py::int_(v); }
inline py::object ToPy(double v) { return py::float_(v); }
inline py::object ToPy(bool v) { return py::bool_(v); }
inline py::object ToPy(const Date& v) { return py::cast(v); }
template <typename T>
py::object ToPy(const std::optional<T>& v) {
  return v ? ToPy(*v) : py::none();
}
template <typename T>
py::object ToPy(const std::vector<T>& v) {
  py::tuple out(v.size());
  for (size_t i = 0; i < v.size(); ++i) out[i] = py::cast(v[i]);
  return out;
}
inline py::object ToPy(const std::vector<std::pair<std::string, std::string>>& v) {
  py::tuple out(v.size());
  for (size_t i = 0; i < v.size(); ++i) out[i] = py::make_tuple(v[i].first, v[i].second);
  return out;
}
template <typename K, typename V>
py::object ToPy(const std::map<K, V>& v) {
  py::dict out;
  for (const auto& [key, value] : v) out[py::cast(key)] = ToPy(value);
  return out;
}

// Anything else (a nested record): its bound Python class.
template <typename T>
py::object ToPy(const T& v) {
  return py::cast(v);
}

// A value for to_dict(): nested records become dicts, tuples lists.
py::object ToDictValue(const py::handle& value);

template <typename T>
class RecordBinder {
 public:
  using Getter = std::function<py::object(const T&)>;

  RecordBinder(py::module_& m, const char* name, const char* doc)
      : cls_(m, name, doc), name_(name), fields_(std::make_shared<Fields>()) {}

  // A plain member.
  template <typename V>
  RecordBinder& Field(const char* field, V T::*member, bool in_repr = false) {
    return Computed(
        field, [member](const T& r) { return ToPy(r.*member); }, in_repr);
  }
  // A member whose Python value is computed (an enum, say).
  RecordBinder& Computed(const char* field, Getter getter, bool in_repr = false) {
    cls_.def_property_readonly(field, getter);
    fields_->push_back({field, getter, in_repr});
    return *this;
  }

  // Adds to_dict, __repr__, __eq__ and __hash__ = None (records are values, not keys).
  py::class_<T>& Finish() {
    auto fields = fields_;
    const std::string name = name_;
    cls_.def(
        "to_dict",
        [fields](const T& r) {
          py::dict d;
          for (const FieldInfo& f : *fields) d[py::str(f.name)] = ToDictValue(f.get(r));
          return d;
        },
        "The record as a dict of plain values (nested records as dicts).");
    cls_.def("__repr__", [fields, name](const T& r) {
      std::string out = name + "(";
      bool first = true;
      for (const FieldInfo& f : *fields) {
        if (!f.in_repr) continue;
        out += (first ? "" : ", ") + f.name + "=" + py::repr(f.get(r)).template cast<std::string>();
        first = false;
      }
      return out + ")";
    });
    cls_.def("__eq__", [fields](const T& a, const py::object& other) -> py::object {
      if (!py::isinstance<T>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
      const T& b = other.cast<const T&>();
      for (const FieldInfo& f : *fields) {
        if (!f.get(a).equal(f.get(b))) return py::bool_(false);
      }
      return py::bool_(true);
    });
    cls_.attr("__hash__") = py::none();
    return cls_;
  }

 private:
  struct FieldInfo {
    std::string name;
    Getter get;
    bool in_repr;
  };
  using Fields = std::vector<FieldInfo>;

  py::class_<T> cls_;
  std::string name_;
  std::shared_ptr<Fields> fields_;
};

}  // namespace notestore::python

#endif  // NOTESTORE_BINDINGS_PYTHON_RECORD_BINDER_H_
