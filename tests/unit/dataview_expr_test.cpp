// Dataview's query language without a store: parsing (with the positions of errors) and
// evaluating expressions, values and functions.
#include <gtest/gtest.h>

#include "dataview/evaluator.h"
#include "dataview/parser.h"
#include "dataview/value.h"
#include "notestore/error.h"

namespace notestore::dataview {
namespace {

Environment TestEnv() {
  Environment env;
  env.now = *ParseDate("2026-03-04T10:30");
  return env;
}

Value Eval(const std::string& text, const Value& row = Value::Obj({})) {
  return Evaluate(*ParseExpression(text), row, TestEnv());
}

std::string Show(const std::string& text) { return ToMarkdown(Eval(text)); }

std::string QueryError(const std::string& query) {
  try {
    ParseQuery(query);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kQuery);
    return e.what();
  }
  return "no error";
}

std::string EvalError(const std::string& text) {
  try {
    Eval(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kQuery);
    return e.what();
  }
  return "no error";
}

TEST(DataviewParse, QueryTypesAndCommands) {
  Query q = ParseQuery(
      "TABLE WITHOUT ID file.name AS \"Name\", due\nFROM #work/projects and -\"Archive\"\n"
      "WHERE !completed\nSORT due DESC, file.name\nGROUP BY status AS state\n"
      "FLATTEN tags AS tag\nLIMIT 5");
  EXPECT_EQ(q.type, Query::Type::kTable);
  EXPECT_TRUE(q.without_id);
  ASSERT_EQ(q.columns.size(), 2u);
  EXPECT_EQ(q.columns[0].heading, "Name");
  EXPECT_EQ(q.columns[1].heading, "due");
  ASSERT_TRUE(q.from);
  EXPECT_EQ(q.from->kind, Source::Kind::kAnd);
  EXPECT_EQ(q.from->parts[0]->kind, Source::Kind::kTag);
  EXPECT_EQ(q.from->parts[0]->text, "work/projects");
  EXPECT_EQ(q.from->parts[1]->kind, Source::Kind::kNot);
  EXPECT_EQ(q.from->parts[1]->parts[0]->text, "Archive");
  ASSERT_EQ(q.commands.size(), 5u);
  EXPECT_EQ(q.commands[1].keys.size(), 2u);
  EXPECT_FALSE(q.commands[1].keys[0].ascending);
  EXPECT_TRUE(q.commands[1].keys[1].ascending);
  EXPECT_EQ(q.commands[2].name, "state");
  EXPECT_EQ(q.commands[3].name, "tag");
  EXPECT_EQ(q.commands[4].limit, 5);

  // Keywords in any case; sources combined with or, links and outgoing().
  q = ParseQuery("list from [[Atlas]] OR outgoing([[Beacon|B]])");
  EXPECT_EQ(q.type, Query::Type::kList);
  EXPECT_EQ(q.from->kind, Source::Kind::kOr);
  EXPECT_EQ(q.from->parts[0]->kind, Source::Kind::kIncoming);
  EXPECT_EQ(q.from->parts[1]->kind, Source::Kind::kOutgoing);
  EXPECT_EQ(q.from->parts[1]->text, "Beacon");
  EXPECT_EQ(ParseQuery("TASK").type, Query::Type::kTask);
  EXPECT_TRUE(ParseQuery("LIST file.name").list_value.has_value());
}

TEST(DataviewParse, ErrorsSayWhereAndWhat) {
  EXPECT_EQ(
      QueryError("LIST WHERE ("),
      "dataview query, line 1, column 13: expected an expression, found the end of the query");
  EXPECT_EQ(QueryError("SHOW everything"),
            "dataview query, line 1, column 1: expected LIST, TABLE or TASK, found 'show'");
  EXPECT_EQ(QueryError("LIST\nWHERE a\nORDER BY b"),
            "dataview query, line 3, column 1: expected WHERE, SORT, GROUP BY, FLATTEN or LIMIT, "
            "found 'ORDER'");
  EXPECT_EQ(QueryError("LIST FROM"),
            "dataview query, line 1, column 10: expected a source: #tag, \"folder\", [[link]] or "
            "outgoing([[link]]), found the end of the query");
  EXPECT_EQ(QueryError("LIST LIMIT many"),
            "dataview query, line 1, column 12: expected a number after LIMIT, found 'many'");
  EXPECT_EQ(QueryError("LIST WHERE \"open"),
            "dataview query, line 1, column 12: expected '\"' to close the string");
  // Unsupported features are named.
  EXPECT_NE(QueryError("CALENDAR file.mtime").find("CALENDAR queries are not supported"),
            std::string::npos);
  EXPECT_NE(QueryError("LIST WHERE any(map(tags, (t) => t))").find("lambdas"), std::string::npos);
  EXPECT_NE(EvalError("frobnicate(1)").find("unknown or unsupported function 'frobnicate'"),
            std::string::npos);
  EXPECT_NE(EvalError("round(1, 2, 3)").find("round() takes 1 to 2 argument(s), got 3"),
            std::string::npos);
}

// A hostile query (render runs every query found in notes) is refused, never a crash.
TEST(DataviewParse, HostileQueriesAreRefusedWithAnError) {
  EXPECT_NE(QueryError("LIST WHERE " + std::string(10000, '(')).find("nests deeper than 100"),
            std::string::npos);
  EXPECT_NE(QueryError("LIST WHERE " + std::string(10000, '!') + "x").find("nests deeper"),
            std::string::npos);
  EXPECT_NE(QueryError("LIST FROM " + std::string(5000, '-') + "#x").find("nests deeper"),
            std::string::npos);
  std::string sum = "LIST WHERE 1";
  for (int i = 0; i < 5000; ++i) sum += "+1";
  EXPECT_NE(QueryError(sum).find("more than 2000 terms"), std::string::npos);
  EXPECT_NE(QueryError("LIST WHERE " + std::string(70000, ' ')).find("too long"),
            std::string::npos);
  EXPECT_NE(QueryError("LIST WHERE \xff").find("not valid UTF-8"), std::string::npos);
  EXPECT_NE(QueryError("LIST WHERE status = \u201cdone\u201d").find("curly quotes"),
            std::string::npos);
  EXPECT_NE(QueryError("TABLE WITHOUT ID FROM \"x\"").find("at least one column"),
            std::string::npos);
  EXPECT_EQ(
      QueryError(""),
      "dataview query, line 1, column 1: expected LIST, TABLE or TASK, found the end of the query");
  // Within the limits, deep but legal nesting works.
  EXPECT_EQ(ToMarkdown(Evaluate(*ParseExpression(std::string(50, '(') + "1" + std::string(50, ')')),
                                Value::Obj({}), TestEnv())),
            "1");
}

TEST(DataviewEval, ArithmeticLogicAndComparison) {
  EXPECT_EQ(Show("1 + 2 * 3"), "7");
  EXPECT_EQ(Show("(1 + 2) * 3"), "9");
  EXPECT_EQ(Show("7 / 2"), "3.5");
  EXPECT_EQ(Show("10 % 4"), "2");
  EXPECT_EQ(Show("-(2 - 5)"), "3");
  EXPECT_EQ(Show("\"v\" + 2"), "v2");
  EXPECT_EQ(Show("1 / 0"), "-");  // Nothing, not infinity.
  EXPECT_EQ(Show("!true"), "false");
  EXPECT_EQ(Show("1 < 2 and 2 < 1"), "false");
  EXPECT_EQ(Show("1 < 2 or 2 < 1"), "true");
  EXPECT_EQ(Show("\"b\" > \"a\""), "true");
  EXPECT_EQ(Show("[1, 2] = [1, 2]"), "true");
  EXPECT_EQ(Show("null < 0"), "true");  // Null sorts first, as in Dataview.
  EXPECT_EQ(Show("x = null"), "true");  // A missing field is null.
  EXPECT_EQ(Show("[1, \"a\", [[Note]]]"), "1, a, [[Note]]");
  EXPECT_EQ(Show("{ a: 1, b: \"two\" }.b"), "two");
  EXPECT_EQ(Show("[10, 20, 30][1]"), "20");
  EXPECT_EQ(Show("length([[1, 2], [3]])"), "2");  // A list of lists, not a link.
}

TEST(DataviewEval, FieldsAreCaseAndSpaceInsensitive) {
  const Value row = Value::Obj(
      {{"Due Date", Value::Number(3)}, {"file", Value::Obj({{"name", Value::String("Atlas")}})}});
  EXPECT_EQ(ToMarkdown(Eval("due-date", row)), "3");
  EXPECT_EQ(ToMarkdown(Eval("DUE-DATE + 1", row)), "4");
  EXPECT_EQ(ToMarkdown(Eval("file.name", row)), "Atlas");
  // Swizzling: a field of a list is the field of each element.
  const Value group = Value::Obj({{"rows", Value::Array({row, row})}});
  EXPECT_EQ(ToMarkdown(Eval("rows.file.name", group)), "Atlas, Atlas");
}

TEST(DataviewEval, DatesAndDurations) {
  EXPECT_EQ(Show("date(2025-10-01)"), "October 01, 2025");
  EXPECT_EQ(Show("date(2025-10-01) + dur(1 week)"), "October 08, 2025");
  EXPECT_EQ(Show("date(2025-01-31) + dur(1 month)"), "February 28, 2025");
  EXPECT_EQ(Show("date(2024-02-29) - dur(1 year)"), "February 28, 2023");
  EXPECT_EQ(Show("date(2025-10-08) - date(2025-10-01)"), "1 week");
  EXPECT_EQ(Show("dur(3 days, 2 hours) * 2"), "6 days, 4 hours");
  EXPECT_EQ(Show("dur(1 week) > dur(6 days)"), "true");
  EXPECT_EQ(Show("date(2025-10-26T14:05)"), "2:05 PM - October 26, 2025");
  EXPECT_EQ(Show("date(today)"), "March 04, 2026");
  EXPECT_EQ(Show("date(tomorrow)"), "March 05, 2026");
  EXPECT_EQ(Show("date(sow)"), "March 02, 2026");  // The Monday of the week.
  EXPECT_EQ(Show("date(eom)"), "March 31, 2026");
  EXPECT_EQ(Show("date(now) > date(today)"), "true");
  EXPECT_EQ(Show("date(\"2025-12-25\").month"), "12");
  EXPECT_EQ(Show("date(2025-10-26).weekday"), "7");  // A Sunday.
  EXPECT_EQ(Show("date(\"not a date\")"), "-");
}

TEST(DataviewEval, Functions) {
  EXPECT_EQ(Show("contains([1, 2, 3], 2)"), "true");
  EXPECT_EQ(Show("contains([1, 2, 3], 4)"), "false");
  EXPECT_EQ(Show("contains(\"meeting notes\", \"ting\")"), "true");
  EXPECT_EQ(Show("contains(\"Meeting\", \"meet\")"), "false");
  EXPECT_EQ(Show("icontains(\"Meeting\", \"meet\")"), "true");
  EXPECT_EQ(Show("contains({ a: 1 }, \"a\")"), "true");
  EXPECT_EQ(Show("startswith(\"Atlas launch\", \"Atlas\")"), "true");
  EXPECT_EQ(Show("endswith(\"Atlas launch\", \"Atlas\")"), "false");
  EXPECT_EQ(Show("length([1, 2, 3])"), "3");
  EXPECT_EQ(Show("length(\"four\")"), "4");
  EXPECT_EQ(Show("lower(\"MiXed\") + upper(\"case\")"), "mixedCASE");
  EXPECT_EQ(Show("default(missing, \"fallback\")"), "fallback");
  EXPECT_EQ(Show("default([1, null], 0)"), "1, 0");
  EXPECT_EQ(Show("choice(1 > 2, \"yes\", \"no\")"), "no");
  EXPECT_EQ(Show("regextest(\"^A.l\", \"Atlas\")"), "true");
  EXPECT_EQ(Show("regextest(\"^t\", \"Atlas\")"), "false");
  EXPECT_EQ(Show("round(2.567, 2)"), "2.57");
  EXPECT_EQ(Show("round(2.5)"), "3");
  EXPECT_EQ(Show("min(3, 1, 2)"), "1");
  EXPECT_EQ(Show("max([1, 5, 2])"), "5");
  EXPECT_EQ(Show("sum([1, 2, 3.5])"), "6.5");
  EXPECT_EQ(Show("dateformat(date(2025-10-26), \"yyyy-MM-dd\")"), "2025-10-26");
  EXPECT_EQ(Show("dateformat(date(2025-10-26), \"EEEE d MMM yy\")"), "Sunday 26 Oct 25");
  EXPECT_EQ(Show("striptime(date(2025-10-26T14:30)) = date(2025-10-26)"), "true");
  EXPECT_EQ(Show("link(\"Projects/Atlas\", \"the launch\")"), "[[Projects/Atlas|the launch]]");
  EXPECT_EQ(Show("meta([[Atlas#Tasks]]).subpath"), "Tasks");
  EXPECT_EQ(Show("meta([[Atlas]]).type"), "file");
  EXPECT_EQ(Show("typeof(dur(1 day))"), "duration");
  EXPECT_EQ(Show("join(sort([\"b\", \"a\"]), \" | \")"), "a | b");
  EXPECT_EQ(Show("number(\"about 42 items\")"), "42");
  EXPECT_EQ(Show("replace(\"a-b-c\", \"-\", \"+\")"), "a+b+c");
  EXPECT_EQ(Show("containsword(\"Ship the beta\", \"BETA\")"), "true");
  EXPECT_EQ(Show("containsword(\"alphabet\", \"alpha\")"), "false");
  // Strings count characters, not bytes.
  EXPECT_EQ(Show("length(\"caf\u00e9\")"), "4");
  EXPECT_EQ(Show("substring(\"h\u00e9llo\", 1, 3)"), "\u00e9l");
  EXPECT_EQ(Show("truncate(\"\u00e9t\u00e9 \u00e0 Paris\", 6)"), "\u00e9t\u00e9...");
}

TEST(DataviewEval, RegularExpressionsOnLongTextAreRefused) {
  const Value row = Value::Obj({{"long", Value::String(std::string(30000, 'a'))}});
  try {
    Evaluate(*ParseExpression("regextest(\".*\", long)"), row, TestEnv());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("longer than 4000 bytes"), std::string::npos);
  }
  EXPECT_EQ(ToMarkdown(Evaluate(*ParseExpression("number(long + \"7\")"), row, TestEnv())), "7");
}

TEST(DataviewValue, ParsesTheDatesAndDurationsNotesWrite) {
  EXPECT_TRUE(ParseDate("2025-10-26"));
  EXPECT_TRUE(ParseDate("2025-10"));
  EXPECT_TRUE(ParseDate("2025-10-26T08:00:00"));
  EXPECT_TRUE(ParseDate("2025-10-26 08:00"));
  EXPECT_FALSE(ParseDate("2025-13-01"));
  EXPECT_FALSE(ParseDate("2025-02-30"));
  EXPECT_FALSE(ParseDate("26/10/2025"));
  ASSERT_TRUE(ParseDuration("1h 30m"));
  EXPECT_EQ(ParseDuration("1h 30m")->ms, 90 * 60 * 1000);
  EXPECT_EQ(ParseDuration("2 months")->months, 2);
  EXPECT_FALSE(ParseDuration("soon"));
  EXPECT_EQ(CanonicalKey("**Due Date**"), "due-date");
}

}  // namespace
}  // namespace notestore::dataview
