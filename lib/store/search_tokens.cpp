#include "store/search_tokens.h"

namespace notestore::store {

std::string SearchTitle(const extract::NoteRecord& record, const parse::ParsedNote& note) {
  std::string title = record.title;
  for (const std::string& alias : note.aliases) {
    title += ' ';
    title += alias;
  }
  return title;
}

NoteTokens TokenizeNote(const TokenRecorder& recorder, const parse::ParsedNote& note,
                        const extract::NoteRecord& record) {
  NoteTokens out;
  out.title = recorder.Tokenize(SearchTitle(record, note));
  out.body = recorder.Tokenize(note.body);
  out.tasks.reserve(note.tasks.size());
  for (const parse::Task& t : note.tasks) out.tasks.push_back(recorder.Tokenize(t.fields.text));
  out.decisions.reserve(record.decisions.size());
  for (const extract::Decision& d : record.decisions) {
    out.decisions.push_back(recorder.Tokenize(d.text));
  }
  return out;
}

}  // namespace notestore::store
