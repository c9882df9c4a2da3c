// notestore.Error and its subclasses, one per notestore::ErrorCode. No C++ exception
// reaches Python raw: notestore::Error becomes the matching class, other standard
// exceptions the usual pybind11 translations (MemoryError, RuntimeError, ...).
#include <map>

#include "bindings.h"
#include "convert.h"

namespace notestore::python {
namespace {

// Creates the class and hands it to the module, which keeps it alive for as long as the
// translator below may use the returned (borrowed) pointer.
PyObject* NewException(py::module_& m, const char* name, const char* doc, py::tuple bases) {
  const std::string qualified = std::string("notestore.") + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (!cls) throw py::error_already_set();
  m.attr(name) = py::reinterpret_steal<py::object>(cls);
  return cls;
}

}  // namespace

void BindErrors(py::module_& m) {
  // Raw pointers on purpose: the module owns the classes, and static py::objects would be
  // released after the interpreter is gone.
  static PyObject* error = nullptr;
  static std::map<ErrorCode, PyObject*> by_code;
  error = NewException(m, "Error", "Base class of every notestore error.",
                       py::make_tuple(py::handle(PyExc_Exception)));
  struct Sub {
    ErrorCode code;
    const char* name;
    const char* doc;
    PyObject* also;  // A built-in base it also is, or null.
  };
  const Sub subs[] = {
      {ErrorCode::kInvalidArgument, "InvalidArgumentError", "A bad option, date or name.",
       PyExc_ValueError},
      {ErrorCode::kNotFound, "NotFoundError",
       "The database, vault, person, account or note does not exist.", PyExc_LookupError},
      {ErrorCode::kIo, "IoError", "The file system failed.", nullptr},
      {ErrorCode::kSchemaMismatch, "SchemaMismatchError",
       "The database was written by an incompatible notestore.", nullptr},
      {ErrorCode::kReadOnly, "ReadOnlyError", "A write on a store opened read-only.", nullptr},
      {ErrorCode::kBusy, "BusyError", "Another process holds the database lock.", nullptr},
      {ErrorCode::kCorrupt, "CorruptError", "Not a notestore database, or a damaged one.", nullptr},
      {ErrorCode::kQuery, "QueryError", "A malformed search or query.", PyExc_ValueError},
      {ErrorCode::kInternal, "InternalError", "A bug in notestore.", nullptr},
  };
  for (const Sub& s : subs) {
    py::tuple bases = s.also ? py::make_tuple(py::handle(error), py::handle(s.also))
                             : py::make_tuple(py::handle(error));
    by_code[s.code] = NewException(m, s.name, s.doc, bases);
  }
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Error& e) {
      auto it = by_code.find(e.code());
      PyErr_SetString(it == by_code.end() ? error : it->second, e.what());
    }
  });
}

}  // namespace notestore::python
