// Records as JSON objects whose keys are the schema's column names (docs/schema.md),
// with `owner` the owner's name and `path` the note's path. Missing values are null.
#ifndef NOTESTORE_CLI_RECORD_JSON_H_
#define NOTESTORE_CLI_RECORD_JSON_H_

#include <nlohmann/json.hpp>

#include "notestore/notestore.h"

namespace notestore::cli {

using Json = nlohmann::ordered_json;

Json ToJson(const Task& t);
Json ToJson(const Meeting& m);
Json ToJson(const Decision& d);
Json ToJson(const Fact& f);
Json ToJson(const Person& p);
Json ToJson(const Account& a);
Json ToJson(const Note& n);
Json ToJson(const Link& l);
Json ToJson(const SearchHit& h);
Json ToJson(const Diagnostic& d);
Json ToJson(const PersonProfile& p);
Json ToJson(const AccountProfile& a);
Json ToJson(const NoteDetail& d);
Json ToJson(const DuplicateGroup& g);

template <typename T>
Json ToJsonArray(const std::vector<T>& items) {
  Json arr = Json::array();
  for (const T& item : items) arr.push_back(ToJson(item));
  return arr;
}

}  // namespace notestore::cli

#endif  // NOTESTORE_CLI_RECORD_JSON_H_
