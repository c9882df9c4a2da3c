// Reading what a user types into the search box as an FTS5 query.
//
// Words are matched as words, whatever punctuation they hold: hyphens ("GPU-adjacent"),
// colons ("10:30"), apostrophes and stray quotes never cause a syntax error. On top of
// that the useful parts of FTS5 syntax work:
//   "global namespace"     a phrase (quotes that pair up)
//   namesp*                a prefix
//   vast AND coreweave     boolean operators (upper case), OR, NOT, with ( ) for grouping
//   title:apollo           a column filter (title or body)
// A query that uses operators or parentheses and gets them wrong ("vast AND", "(a OR b")
// is malformed: it throws Error(kQuery) saying where. So is one whose parentheses nest
// more than 10 deep, which FTS5's parser cannot hold.
#ifndef NOTESTORE_LIB_QUERY_FTS_QUERY_H_
#define NOTESTORE_LIB_QUERY_FTS_QUERY_H_

#include <functional>
#include <string>
#include <string_view>

namespace notestore::query {

// `text` as an FTS5 string: double quotes doubled, the whole quoted.
std::string QuoteFtsString(std::string_view text);

// For a word that ends in '*' (not a quoted phrase's), given the word without it: the
// FTS5 expression to put in its place, such as an OR of the index terms it starts
// (query/prefix_terms.h), or "" to leave it a prefix.
using PrefixExpander = std::function<std::string(std::string_view word)>;

// Returns the FTS5 MATCH expression for `user_query`, its prefixes given to `expand`
// when set. Throws Error(kInvalidArgument) for a query with no words, Error(kQuery) for
// malformed operators or parentheses.
std::string BuildFtsQuery(std::string_view user_query, const PrefixExpander& expand = {});

}  // namespace notestore::query

#endif  // NOTESTORE_LIB_QUERY_FTS_QUERY_H_
