// Evaluating Dataview expressions over one row (a page or a task), with `this` the page
// that holds the query.
#ifndef NOTESTORE_LIB_DATAVIEW_EVALUATOR_H_
#define NOTESTORE_LIB_DATAVIEW_EVALUATOR_H_

#include <functional>
#include <string>
#include <vector>

#include "dataview/ast.h"
#include "dataview/value.h"

namespace notestore::dataview {

// What expressions need from the store. Both may be empty functions.
struct Environment {
  // The page object a link points to (for [[Note]].field and meta()), or null.
  std::function<Value(const LinkValue&)> page_of;
  // A link as written ([[Note]]) made into a link to the note's path.
  std::function<LinkValue(const LinkValue&)> resolve_link;
  Value this_page;  // `this`; null when the query belongs to no note.
  DateTime now;     // date(now); date(today) is its day.
};

// Evaluates `e` with `row` (an object) giving the fields. Throws Error(kQuery) for an
// unknown function or wrong arguments, naming the function and position.
Value Evaluate(const Expr& e, const Value& row, const Environment& env);

// Calls a built-in function (functions.cpp). `name` in lower case.
Value CallFunction(const std::string& name, const std::vector<Value>& args, const Expr& at,
                   const Environment& env);

// Throws Error(kQuery) mentioning the position of `at` in the query.
[[noreturn]] void FailAt(const Expr& at, const std::string& message);

}  // namespace notestore::dataview

#endif  // NOTESTORE_LIB_DATAVIEW_EVALUATOR_H_
