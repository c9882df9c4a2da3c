// The areas of the Python module, each bound in its own file (as OpenTimelineIO does).
#ifndef NOTESTORE_BINDINGS_PYTHON_BINDINGS_H_
#define NOTESTORE_BINDINGS_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>

namespace notestore::python {

void BindErrors(pybind11::module_& m);   // bind_errors.cpp: the exception hierarchy
void BindRecords(pybind11::module_& m);  // bind_records.cpp: Task, Meeting, ... (read-only)
void BindQueries(pybind11::module_& m);  // bind_queries.cpp: the query option structs
void BindStore(pybind11::module_& m);    // bind_store.cpp: the Store

}  // namespace notestore::python

#endif  // NOTESTORE_BINDINGS_PYTHON_BINDINGS_H_
