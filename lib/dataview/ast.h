// The syntax tree of a Dataview query (DQL), as the parser builds it.
#ifndef NOTESTORE_LIB_DATAVIEW_AST_H_
#define NOTESTORE_LIB_DATAVIEW_AST_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dataview/value.h"

namespace notestore::dataview {

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
  enum class Kind {
    kLiteral,   // value
    kVariable,  // name: a field of the row, `this`, or a function's name
    kField,     // args[0].name
    kIndex,     // args[0][args[1]]
    kCall,      // name(args...) or args[0](args[1]...) when the callee is computed
    kList,      // [args...]
    kObject,    // { names[i]: args[i] }
    kUnary,     // op args[0]: "!" or "-"
    kBinary,    // args[0] op args[1]
  };
  Kind kind = Kind::kLiteral;
  Value value;
  std::string name;  // Variable, field, function or operator.
  std::vector<ExprPtr> args;
  std::vector<std::string> names;  // Object keys.
  std::string text;                // The source text, for column headings.
  std::string where;               // "line 2, column 7": where it starts, for errors.
};

// A FROM source: what notes a query starts from.
struct Source {
  enum class Kind { kAll, kTag, kFolder, kIncoming, kOutgoing, kAnd, kOr, kNot };
  Kind kind = Kind::kAll;
  std::string text;  // Tag (without '#'), folder or file path, or link target.
  std::vector<std::shared_ptr<const Source>> parts;
};
using SourcePtr = std::shared_ptr<const Source>;

struct Column {
  ExprPtr expr;
  std::string heading;  // The AS name, or the expression's text.
};

struct SortKey {
  ExprPtr expr;
  bool ascending = true;
};

// WHERE, SORT, GROUP BY, FLATTEN and LIMIT, applied in the order written.
struct Command {
  enum class Kind { kWhere, kSort, kGroupBy, kFlatten, kLimit };
  Kind kind = Kind::kWhere;
  ExprPtr expr;               // WHERE, GROUP BY, FLATTEN
  std::string name;           // GROUP BY / FLATTEN: the AS name, or the expression's text
  std::vector<SortKey> keys;  // SORT
  int64_t limit = 0;          // LIMIT
};

struct Query {
  enum class Type { kList, kTable, kTask };
  Type type = Type::kList;
  bool without_id = false;
  std::optional<Column> list_value;  // LIST expr
  std::vector<Column> columns;       // TABLE
  SourcePtr from;                    // Null: every note.
  std::vector<Command> commands;
};

}  // namespace notestore::dataview

#endif  // NOTESTORE_LIB_DATAVIEW_AST_H_
