// notestore._notestore: the C++ core of the Python package. The public Python API is the
// pure-Python layer in notestore/__init__.py on top of it.
#include "bindings.h"
#include "notestore/version.h"

PYBIND11_MODULE(_notestore, m) {
  m.doc() = "C++ core of the notestore package; use the notestore module instead.";
  m.attr("__version__") = NOTESTORE_VERSION_STRING;
  m.attr("SCHEMA_VERSION") = notestore::kSchemaVersion;
  notestore::python::BindErrors(m);
  notestore::python::BindRecords(m);
  notestore::python::BindQueries(m);
  notestore::python::BindStore(m);
}
