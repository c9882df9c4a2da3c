// Parsing the Dataview Query Language: LIST, TABLE and TASK queries with FROM, WHERE,
// SORT, GROUP BY, FLATTEN and LIMIT, and Dataview's expressions.
#ifndef NOTESTORE_LIB_DATAVIEW_PARSER_H_
#define NOTESTORE_LIB_DATAVIEW_PARSER_H_

#include <string_view>

#include "dataview/ast.h"

namespace notestore::dataview {

// Throws Error(kQuery) saying where ("line 2, column 7") and what was expected, or which
// feature is not supported (CALENDAR queries, lambdas).
Query ParseQuery(std::string_view text);

// One expression, the whole of `text` (for tests and inline queries).
ExprPtr ParseExpression(std::string_view text);

}  // namespace notestore::dataview

#endif  // NOTESTORE_LIB_DATAVIEW_PARSER_H_
