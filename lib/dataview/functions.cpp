// Dataview's built-in functions: the ones queries use most. An unknown name is an
// error that names it, never a silent null.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <regex>

#include "dataview/evaluator.h"
#include "util/text.h"
#include "util/utf8.h"

namespace notestore::dataview {
namespace {

using T = Value::Type;
using Args = std::vector<Value>;

std::string Lower(const std::string& s) { return util::ToLowerAscii(s); }

// Whether `haystack` holds `needle`: a substring of a string, an element of a list
// (strings inside lists by substring when `loose`), a key of an object, the path of a link.
bool Contains(const Value& haystack, const Value& needle, bool ignore_case, bool loose) {
  switch (haystack.type()) {
    case T::kString: {
      if (needle.type() != T::kString) return false;
      return ignore_case
                 ? Lower(haystack.string()).find(Lower(needle.string())) != std::string::npos
                 : haystack.string().find(needle.string()) != std::string::npos;
    }
    case T::kArray:
      for (const Value& item : haystack.array()) {
        if (loose && item.type() == T::kString) {
          if (Contains(item, needle, ignore_case, false)) return true;
        } else if (ignore_case && item.type() == T::kString && needle.type() == T::kString) {
          if (Lower(item.string()) == Lower(needle.string())) return true;
        } else if (Compare(item, needle) == 0) {
          return true;
        }
      }
      return false;
    case T::kObject:
      return needle.type() == T::kString && !haystack.Field(needle.string()).is_null();
    case T::kLink:
      return needle.type() == T::kString &&
             Contains(Value::String(haystack.link().path), needle, ignore_case, loose);
    default:
      return Compare(haystack, needle) == 0;
  }
}

// min/max/sum/average take either several arguments or one list.
Args Spread(const Args& args) {
  if (args.size() == 1 && args[0].type() == T::kArray) return args[0].array();
  return args;
}

DateTime StartOfDay(DateTime d) {
  CivilTime c = ToCivil(d);
  c.hour = c.minute = c.second = c.millisecond = 0;
  return FromCivil(c, false);
}

// date(today), date(2025-10-01), date("2025-10-01"), date([[2025-10-01]]).
Value MakeDate(const Value& v, const Environment& env) {
  if (v.type() == T::kDate) return v;
  if (v.type() == T::kLink) {
    return MakeDate(Value::String(NoteName(v.link().path)), env);  // [[2025-10-01]]
  }
  if (v.type() != T::kString) return Value();
  const std::string word = Lower(std::string(util::Trim(v.string())));
  const DateTime today = StartOfDay(env.now);
  CivilTime c = ToCivil(today);
  const int64_t day = 86400000;
  if (word == "now") return Value::Date(env.now);
  if (word == "today") return Value::Date(today);
  if (word == "tomorrow") return Value::Date(DateTime{today.ms + day, false});
  if (word == "yesterday") return Value::Date(DateTime{today.ms - day, false});
  if (word == "sow" || word == "eow") {
    const int64_t days = today.ms / day;
    const int64_t monday = days - (((days % 7) + 7 + 3) % 7);
    return Value::Date(DateTime{(word == "sow" ? monday : monday + 6) * day, false});
  }
  if (word == "som" || word == "eom") {
    c.day = 1;
    DateTime first = FromCivil(c, false);
    if (word == "som") return Value::Date(first);
    first = AddDuration(first, Duration{1, 0}, 1);
    return Value::Date(DateTime{first.ms - day, false});
  }
  if (word == "soy" || word == "eoy") {
    c.month = word == "soy" ? 1 : 12;
    c.day = word == "soy" ? 1 : 31;
    return Value::Date(FromCivil(c, false));
  }
  if (auto d = ParseDate(v.string())) return Value::Date(*d);
  return Value();
}

void Arity(const Args& args, size_t min, size_t max, const std::string& name, const Expr& at) {
  if (args.size() < min || args.size() > max) {
    FailAt(at, name + "() takes " +
                   (min == max ? std::to_string(min)
                               : std::to_string(min) + " to " + std::to_string(max)) +
                   " argument(s), got " + std::to_string(args.size()));
  }
}

// std::regex matches by recursion, one level per character of some patterns: bound
// the text and the pattern so that a long field cannot overflow the stack.
constexpr size_t kMaxRegexText = 4000;
constexpr size_t kMaxRegexPattern = 500;

const std::string& RegexSubject(const Value& v, const Expr& at) {
  if (v.string().size() > kMaxRegexText) {
    FailAt(at, "regular expressions on text longer than " + std::to_string(kMaxRegexText) +
                   " bytes are not supported");
  }
  return v.string();
}

// The first number in `text` ("about 42 items" -> 42), read by hand: no regex.
Value FirstNumber(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const bool digit = std::isdigit(static_cast<unsigned char>(text[i]));
    const bool minus = text[i] == '-' && i + 1 < text.size() &&
                       std::isdigit(static_cast<unsigned char>(text[i + 1]));
    if (digit || minus) return Value::Number(std::strtod(text.c_str() + i, nullptr));
  }
  return Value();
}

// Whether `word` is a whole word of `text`, ignoring case (letters, digits and any
// non-ASCII byte make words).
bool ContainsWord(const std::string& text, const std::string& word) {
  auto is_word = [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80 || c == '_';
  };
  const std::string hay = Lower(text), needle = Lower(word);
  if (needle.empty()) return false;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) {
    const bool starts = p == 0 || !is_word(hay[p - 1]);
    const bool ends = p + needle.size() == hay.size() || !is_word(hay[p + needle.size()]);
    if (starts && ends) return true;
  }
  return false;
}

std::regex Regex(const Value& pattern, const Expr& at) {
  if (pattern.type() != T::kString) FailAt(at, "the pattern must be a string");
  if (pattern.string().size() > kMaxRegexPattern) FailAt(at, "the regular expression is too long");
  try {
    return std::regex(pattern.string(), std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    FailAt(at, "bad regular expression '" + pattern.string() + "': " + e.what());
  }
}

}  // namespace

Value CallFunction(const std::string& name, const std::vector<Value>& args, const Expr& at,
                   const Environment& env) {
  auto arity = [&](size_t min, size_t max) { Arity(args, min, max, name, at); };
  auto str = [&](size_t i) {
    return args[i].type() == T::kString ? args[i].string() : ToText(args[i]);
  };

  if (name == "contains" || name == "icontains" || name == "econtains") {
    arity(2, 2);
    return Value::Boolean(Contains(args[0], args[1], name == "icontains", name != "econtains"));
  }
  if (name == "containsword") {
    arity(2, 2);
    if (args[0].type() != T::kString || args[1].type() != T::kString) return Value::Boolean(false);
    return Value::Boolean(ContainsWord(args[0].string(), args[1].string()));
  }
  if (name == "startswith" || name == "endswith") {
    arity(2, 2);
    if (args[0].type() != T::kString || args[1].type() != T::kString) return Value::Boolean(false);
    return Value::Boolean(name == "startswith"
                              ? util::StartsWith(args[0].string(), args[1].string())
                              : util::EndsWith(args[0].string(), args[1].string()));
  }
  if (name == "length") {
    arity(1, 1);
    if (args[0].type() == T::kArray)
      return Value::Number(static_cast<double>(args[0].array().size()));
    if (args[0].type() == T::kObject)
      return Value::Number(static_cast<double>(args[0].object().size()));
    if (args[0].type() == T::kString) {  // Characters, not bytes.
      return Value::Number(static_cast<double>(util::CountCodePoints(args[0].string())));
    }
    return Value::Number(0);
  }
  if (name == "lower" || name == "upper") {
    arity(1, 1);
    if (args[0].type() != T::kString) return args[0];
    std::string s = args[0].string();
    for (char& c : s)
      c = static_cast<char>(name == "lower" ? std::tolower(static_cast<unsigned char>(c))
                                            : std::toupper(static_cast<unsigned char>(c)));
    return Value::String(s);
  }
  if (name == "default") {
    arity(2, 2);
    if (args[0].type() == T::kArray) {  // Element-wise, as Dataview.
      List out;
      for (const Value& v : args[0].array()) out.push_back(v.is_null() ? args[1] : v);
      return Value::Array(std::move(out));
    }
    return args[0].is_null() ? args[1] : args[0];
  }
  if (name == "choice") {
    arity(3, 3);
    return Truthy(args[0]) ? args[1] : args[2];
  }
  if (name == "regextest" || name == "regexmatch") {
    arity(2, 2);
    if (args[1].type() != T::kString) return Value::Boolean(false);
    const std::regex re = Regex(args[0], at);
    const std::string& text = RegexSubject(args[1], at);
    return Value::Boolean(name == "regextest" ? std::regex_search(text, re)
                                              : std::regex_match(text, re));
  }
  if (name == "regexreplace") {
    arity(3, 3);
    if (args[0].type() != T::kString) return args[0];
    return Value::String(std::regex_replace(RegexSubject(args[0], at), Regex(args[1], at), str(2)));
  }
  if (name == "replace") {
    arity(3, 3);
    if (args[0].type() != T::kString) return args[0];
    std::string s = args[0].string();
    const std::string from = str(1), to = str(2);
    if (from.empty()) return args[0];
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
      s.replace(p, from.size(), to);
    }
    return Value::String(s);
  }
  if (name == "round") {
    arity(1, 2);
    if (args[0].type() != T::kNumber) return args[0];
    const double digits = args.size() > 1 && args[1].type() == T::kNumber ? args[1].number() : 0;
    const double scale = std::pow(10.0, digits);
    return Value::Number(std::round(args[0].number() * scale) / scale);
  }
  if (name == "min" || name == "max") {
    const Args items = Spread(args);
    Value best;
    for (const Value& v : items) {
      if (v.is_null()) continue;
      if (best.is_null() || (name == "min" ? Compare(v, best) < 0 : Compare(v, best) > 0)) best = v;
    }
    return best;
  }
  if (name == "sum" || name == "average") {
    const Args items = Spread(args);
    if (items.empty()) return Value();
    double sum = 0;
    size_t n = 0;
    for (const Value& v : items) {
      if (v.type() == T::kNumber) {
        sum += v.number();
        ++n;
      }
    }
    if (name == "average") return n == 0 ? Value() : Value::Number(sum / static_cast<double>(n));
    return Value::Number(sum);
  }
  if (name == "date") {
    arity(1, 2);
    return MakeDate(args[0], env);
  }
  if (name == "dur") {
    arity(1, 1);
    if (args[0].type() == T::kDuration) return args[0];
    if (args[0].type() != T::kString) return Value();
    if (auto d = ParseDuration(args[0].string())) return Value::Dur(*d);
    return Value();
  }
  if (name == "dateformat") {
    arity(2, 2);
    if (args[0].type() != T::kDate || args[1].type() != T::kString) return Value();
    return Value::String(FormatDate(args[0].date(), args[1].string()));
  }
  if (name == "striptime") {
    arity(1, 1);
    if (args[0].type() != T::kDate) return args[0];
    return Value::Date(StartOfDay(args[0].date()));
  }
  if (name == "link" || name == "elink") {
    arity(1, 2);
    if (args[0].is_null()) return Value();
    LinkValue l;
    if (args[0].type() == T::kLink) {
      l = args[0].link();
    } else {
      l.path = str(0);
      if (env.resolve_link) l = env.resolve_link(l);
    }
    if (args.size() > 1 && !args[1].is_null()) l.display = str(1);
    return Value::Link(l);
  }
  if (name == "meta") {
    arity(1, 1);
    if (args[0].type() != T::kLink) return Value();
    const LinkValue& l = args[0].link();
    const std::string type =
        l.subpath.empty() ? "file" : (l.subpath[0] == '^' ? "block" : "header");
    return Value::Obj(Object{{"display", l.display.empty() ? Value() : Value::String(l.display)},
                             {"embed", Value::Boolean(l.embed)},
                             {"path", Value::String(l.path)},
                             {"subpath", l.subpath.empty() ? Value() : Value::String(l.subpath)},
                             {"type", Value::String(type)}});
  }
  if (name == "number") {
    arity(1, 1);
    if (args[0].type() == T::kNumber) return args[0];
    if (args[0].type() != T::kString) return Value();
    return FirstNumber(args[0].string());
  }
  if (name == "string") {
    arity(1, 1);
    return Value::String(ToText(args[0]));
  }
  if (name == "list" || name == "array") return Value::Array(args);
  if (name == "typeof") {
    arity(1, 1);
    return Value::String(TypeName(args[0].type()));
  }
  if (name == "join") {
    arity(1, 2);
    const std::string sep = args.size() > 1 ? str(1) : ", ";
    if (args[0].type() != T::kArray) return Value::String(ToText(args[0]));
    std::vector<std::string> parts;
    for (const Value& v : args[0].array()) parts.push_back(ToText(v));
    return Value::String(util::Join(parts, sep));
  }
  if (name == "split") {
    arity(2, 3);
    if (args[0].type() != T::kString) return Value();
    const std::regex re = Regex(args[1], at);
    List out;
    const std::string& s = RegexSubject(args[0], at);
    std::sregex_token_iterator it(s.begin(), s.end(), re, -1), end;
    for (; it != end; ++it) out.push_back(Value::String(*it));
    return Value::Array(std::move(out));
  }
  if (name == "nonnull" || name == "reverse" || name == "sort" || name == "flat" || name == "all" ||
      name == "any" || name == "none") {
    arity(1, 1);
    List items = args[0].type() == T::kArray ? args[0].array() : List{args[0]};
    if (name == "all" || name == "any" || name == "none") {
      const auto truthy = [](const Value& v) { return Truthy(v); };
      if (name == "all") return Value::Boolean(std::all_of(items.begin(), items.end(), truthy));
      if (name == "any") return Value::Boolean(std::any_of(items.begin(), items.end(), truthy));
      return Value::Boolean(std::none_of(items.begin(), items.end(), truthy));
    }
    List out;
    if (name == "nonnull") {
      for (Value& v : items) {
        if (!v.is_null()) out.push_back(std::move(v));
      }
    } else if (name == "reverse") {
      out.assign(items.rbegin(), items.rend());
    } else if (name == "sort") {
      out = std::move(items);
      std::stable_sort(out.begin(), out.end(),
                       [](const Value& a, const Value& b) { return Compare(a, b) < 0; });
    } else {
      for (Value& v : items) {
        if (v.type() == T::kArray) {
          out.insert(out.end(), v.array().begin(), v.array().end());
        } else {
          out.push_back(std::move(v));
        }
      }
    }
    return Value::Array(std::move(out));
  }
  // Strings count characters, not bytes, so a cut never splits one.
  auto index_arg = [&](size_t i) {
    return static_cast<size_t>(std::min(1e9, std::max(0.0, args[i].number())));
  };
  if (name == "truncate") {
    arity(2, 3);
    if (args[0].type() != T::kString || args[1].type() != T::kNumber) return args[0];
    const size_t n = index_arg(1);
    const std::string suffix = args.size() > 2 ? str(2) : "...";
    const std::string& s = args[0].string();
    if (util::CountCodePoints(s) <= n) return args[0];
    const size_t keep = n > util::CountCodePoints(suffix) ? n - util::CountCodePoints(suffix) : 0;
    return Value::String(std::string(util::SubstrCodePoints(s, 0, keep)) + suffix);
  }
  if (name == "substring") {
    arity(2, 3);
    if (args[0].type() != T::kString || args[1].type() != T::kNumber) return args[0];
    const size_t start = index_arg(1);
    const size_t end = args.size() > 2 && args[2].type() == T::kNumber ? index_arg(2) : SIZE_MAX;
    return Value::String(std::string(
        util::SubstrCodePoints(args[0].string(), start, end > start ? end - start : 0)));
  }
  if (name == "filter" || name == "map" || name == "reduce" || name == "every" || name == "some") {
    FailAt(at, name + "() needs a lambda, and lambdas are not supported");
  }
  FailAt(at, "unknown or unsupported function '" + name + "'");
}

}  // namespace notestore::dataview
