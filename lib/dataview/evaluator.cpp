#include "dataview/evaluator.h"

#include <cmath>

#include "notestore/error.h"
#include "util/text.h"

namespace notestore::dataview {
namespace {

Value DateField(const DateTime& d, const std::string& name) {
  const CivilTime c = ToCivil(d);
  if (name == "year") return Value::Number(c.year);
  if (name == "month") return Value::Number(c.month);
  if (name == "day") return Value::Number(c.day);
  if (name == "hour") return Value::Number(c.hour);
  if (name == "minute") return Value::Number(c.minute);
  if (name == "second") return Value::Number(c.second);
  if (name == "millisecond") return Value::Number(c.millisecond);
  if (name == "weekday") {  // 1 = Monday ... 7 = Sunday, as Luxon.
    const int64_t days = FromCivil(CivilTime{c.year, c.month, c.day}, false).ms / 86400000;
    return Value::Number(static_cast<double>(((days % 7) + 7 + 3) % 7 + 1));
  }
  return Value();
}

Value DurationField(const Duration& d, const std::string& name) {
  const double ms = static_cast<double>(d.ms) + static_cast<double>(d.months) * 30 * 86400000.0;
  static const std::pair<const char*, double> kUnits[] = {
      {"years", 365 * 86400000.0}, {"months", 30 * 86400000.0}, {"weeks", 7 * 86400000.0},
      {"days", 86400000.0},        {"hours", 3600000.0},        {"minutes", 60000.0},
      {"seconds", 1000.0},         {"milliseconds", 1.0}};
  for (const auto& [unit, size] : kUnits) {
    if (name == unit) return Value::Number(std::floor(ms / size));
  }
  return Value();
}

// `base.name`: a field of an object or of the page a link points to, a part of a date,
// or, on a list, the field of every element (Dataview's swizzling: rows.file.name).
Value FieldOf(const Value& base, const std::string& name, const Environment& env) {
  switch (base.type()) {
    case Value::Type::kObject:
      return base.Field(name);
    case Value::Type::kLink:
      return env.page_of ? env.page_of(base.link()).Field(name) : Value();
    case Value::Type::kDate:
      return DateField(base.date(), name);
    case Value::Type::kDuration:
      return DurationField(base.duration(), name);
    case Value::Type::kArray: {
      List out;
      for (const Value& item : base.array()) {
        Value v = FieldOf(item, name, env);
        if (v.type() == Value::Type::kArray) {
          out.insert(out.end(), v.array().begin(), v.array().end());
        } else {
          out.push_back(std::move(v));
        }
      }
      return Value::Array(std::move(out));
    }
    default:
      return Value();
  }
}

Value Index(const Value& base, const Value& index, const Environment& env) {
  if (index.type() == Value::Type::kString) return FieldOf(base, index.string(), env);
  if (base.type() == Value::Type::kArray && index.type() == Value::Type::kNumber) {
    const double i = index.number();
    if (i >= 0 && i < static_cast<double>(base.array().size())) {
      return base.array()[static_cast<size_t>(i)];
    }
  }
  return Value();
}

Value Arithmetic(const std::string& op, const Value& a, const Value& b, const Expr& at) {
  using T = Value::Type;
  if (op == "+" && (a.type() == T::kString || b.type() == T::kString)) {
    return Value::String(ToText(a) + ToText(b));
  }
  if (a.is_null() || b.is_null()) return Value();
  if (a.type() == T::kNumber && b.type() == T::kNumber) {
    const double x = a.number(), y = b.number();
    if (op == "+") return Value::Number(x + y);
    if (op == "-") return Value::Number(x - y);
    if (op == "*") return Value::Number(x * y);
    if (op == "/") return y == 0 ? Value() : Value::Number(x / y);
    if (op == "%") return y == 0 ? Value() : Value::Number(std::fmod(x, y));
  }
  if (a.type() == T::kDate && b.type() == T::kDuration && (op == "+" || op == "-")) {
    return Value::Date(AddDuration(a.date(), b.duration(), op == "+" ? 1 : -1));
  }
  if (a.type() == T::kDuration && b.type() == T::kDate && op == "+") {
    return Value::Date(AddDuration(b.date(), a.duration(), 1));
  }
  if (a.type() == T::kDate && b.type() == T::kDate && op == "-") {
    return Value::Dur(Duration{0, a.date().ms - b.date().ms});
  }
  if (a.type() == T::kDuration && b.type() == T::kDuration && (op == "+" || op == "-")) {
    const int sign = op == "+" ? 1 : -1;
    return Value::Dur(Duration{a.duration().months + sign * b.duration().months,
                               a.duration().ms + sign * b.duration().ms});
  }
  auto scale = [](const Duration& d, double f) {
    return Value::Dur(
        Duration{static_cast<int64_t>(std::llround(static_cast<double>(d.months) * f)),
                 static_cast<int64_t>(std::llround(static_cast<double>(d.ms) * f))});
  };
  if (op == "*" && a.type() == T::kDuration && b.type() == T::kNumber)
    return scale(a.duration(), b.number());
  if (op == "*" && a.type() == T::kNumber && b.type() == T::kDuration)
    return scale(b.duration(), a.number());
  if (op == "/" && a.type() == T::kDuration && b.type() == T::kNumber && b.number() != 0) {
    return scale(a.duration(), 1 / b.number());
  }
  if (op == "+" && a.type() == T::kArray && b.type() == T::kArray) {
    List out = a.array();
    out.insert(out.end(), b.array().begin(), b.array().end());
    return Value::Array(std::move(out));
  }
  FailAt(at,
         std::string("cannot compute ") + TypeName(a.type()) + " " + op + " " + TypeName(b.type()));
}

}  // namespace

void FailAt(const Expr& at, const std::string& message) {
  throw Error(ErrorCode::kQuery,
              "dataview query, " + at.where + ", in '" + at.text + "': " + message);
}

Value Evaluate(const Expr& e, const Value& row, const Environment& env) {
  switch (e.kind) {
    case Expr::Kind::kLiteral:
      if (e.name == "link-literal" && env.resolve_link) {
        return Value::Link(env.resolve_link(e.value.link()));
      }
      return e.value;
    case Expr::Kind::kVariable:
      if (e.name == "this") return env.this_page;
      return row.Field(e.name);
    case Expr::Kind::kField:
      return FieldOf(Evaluate(*e.args[0], row, env), e.name, env);
    case Expr::Kind::kIndex:
      return Index(Evaluate(*e.args[0], row, env), Evaluate(*e.args[1], row, env), env);
    case Expr::Kind::kCall: {
      if (e.name.empty()) FailAt(e, "only named functions can be called");
      std::vector<Value> args;
      args.reserve(e.args.size());
      for (const ExprPtr& a : e.args) args.push_back(Evaluate(*a, row, env));
      return CallFunction(util::ToLowerAscii(e.name), args, e, env);
    }
    case Expr::Kind::kList: {
      List items;
      for (const ExprPtr& a : e.args) items.push_back(Evaluate(*a, row, env));
      return Value::Array(std::move(items));
    }
    case Expr::Kind::kObject: {
      Object fields;
      for (size_t i = 0; i < e.args.size(); ++i) {
        fields.emplace_back(e.names[i], Evaluate(*e.args[i], row, env));
      }
      return Value::Obj(std::move(fields));
    }
    case Expr::Kind::kUnary: {
      const Value v = Evaluate(*e.args[0], row, env);
      if (e.name == "!") return Value::Boolean(!Truthy(v));
      if (v.type() == Value::Type::kNumber) return Value::Number(-v.number());
      if (v.type() == Value::Type::kDuration) {
        return Value::Dur(Duration{-v.duration().months, -v.duration().ms});
      }
      if (v.is_null()) return Value();
      FailAt(e, std::string("cannot negate a ") + TypeName(v.type()));
    }
    case Expr::Kind::kBinary: {
      const Value a = Evaluate(*e.args[0], row, env);
      if (e.name == "and")
        return Value::Boolean(Truthy(a) && Truthy(Evaluate(*e.args[1], row, env)));
      if (e.name == "or")
        return Value::Boolean(Truthy(a) || Truthy(Evaluate(*e.args[1], row, env)));
      const Value b = Evaluate(*e.args[1], row, env);
      const int c = e.name == "=" || e.name == "!=" || e.name[0] == '<' || e.name[0] == '>'
                        ? Compare(a, b)
                        : 0;
      if (e.name == "=") return Value::Boolean(c == 0);
      if (e.name == "!=") return Value::Boolean(c != 0);
      if (e.name == "<") return Value::Boolean(c < 0);
      if (e.name == "<=") return Value::Boolean(c <= 0);
      if (e.name == ">") return Value::Boolean(c > 0);
      if (e.name == ">=") return Value::Boolean(c >= 0);
      return Arithmetic(e.name, a, b, e);
    }
  }
  return Value();
}

}  // namespace notestore::dataview
