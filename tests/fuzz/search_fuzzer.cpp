// Fuzzes what a user types into search. Two properties:
//  1. BuildFtsQuery either throws notestore::Error (kQuery, kInvalidArgument) or returns
//     an expression that FTS5 accepts: escaping never lets a syntax error through.
//  2. Store::search over a real store (the test fixture vault) throws nothing but those
//     two errors, whatever the query;
//  3. and each hit's snippet is the one FTS5's snippet() gives for its row, for the
//     expression search runs (its prefixes written as the terms they start).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "notestore/notestore.h"
#include "query/fts_query.h"
#include "query/prefix_terms.h"
#include "store/token_replay.h"

namespace {

struct Fixture {
  std::string dir;
  std::unique_ptr<SQLite::Database> fts;
  std::unique_ptr<notestore::Store> store;
  std::unique_ptr<SQLite::Database> db;  // The store's, for snippet(), read as search reads it.
  std::unique_ptr<notestore::query::StatementCache> statements;  // Of db.
};

Fixture& GetFixture() {
  static Fixture* fixture = [] {
    auto* f = new Fixture;  // Lives for the whole run.
    f->fts = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    f->fts->exec(
        "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'porter unicode61 "
        "remove_diacritics 2');"
        "INSERT INTO t VALUES('Launch review', 'GPU-adjacent namespace work at 10:30');");
    char tmpl[] = "/tmp/notestore-fuzz-XXXXXX";
    f->dir = mkdtemp(tmpl);
    std::atexit([] { std::filesystem::remove_all(GetFixture().dir); });
    f->store = std::make_unique<notestore::Store>(notestore::Store::open(f->dir + "/f.db"));
    f->store->ingest(NOTESTORE_FUZZ_VAULT);
    f->db = std::make_unique<SQLite::Database>(f->dir + "/f.db", SQLite::OPEN_READONLY);
    // Verbatim index terms, as the store's own connections read them.
    notestore::store::InstallTokenReplay(*f->db);
    f->statements = std::make_unique<notestore::query::StatementCache>(*f->db);
    return f;
  }();
  return *fixture;
}

bool Expected(const notestore::Error& e) {
  return e.code() == notestore::ErrorCode::kQuery ||
         e.code() == notestore::ErrorCode::kInvalidArgument;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 512) return 0;  // Longer queries add nothing but time.
  const std::string query(reinterpret_cast<const char*>(data), size);
  Fixture& f = GetFixture();
  std::string expression;
  try {
    expression = notestore::query::BuildFtsQuery(query);
  } catch (const notestore::Error& e) {
    FUZZ_CHECK(Expected(e), "BuildFtsQuery throws only kQuery or kInvalidArgument");
    return 0;
  }
  try {
    SQLite::Statement q(*f.fts, "SELECT count(*) FROM t WHERE t MATCH ?");
    q.bind(1, expression);
    q.executeStep();
  } catch (const SQLite::Exception& e) {
    std::fprintf(stderr, "query %s\nbecame %s\nwhich FTS5 rejects: %s\n", query.c_str(),
                 expression.c_str(), e.what());
    FUZZ_CHECK(false, "FTS5 accepts every expression BuildFtsQuery returns");
  }
  const std::string searched = notestore::query::BuildFtsQuery(query, [&f](std::string_view word) {
    return notestore::query::ExpandPrefix(*f.statements, word);
  });
  try {
    notestore::SearchOptions options;
    options.limit = 5;
    for (const notestore::SearchHit& h : f.store->search(query, options)) {
      // Newest first, as search walks the matches: which instances FTS5 reports for a
      // phrase under NOT depends on where its cursor stands, and so on the direction of
      // the walk ("a OR b NOT (and NOT b)" highlights "and" in a row read oldest first,
      // not newest first).
      SQLite::Statement q(*f.db,
                          "SELECT snippet(search, -1, '[', ']', '…', 16) FROM search WHERE "
                          "search MATCH ? AND kind = ? AND ref_id = ? ORDER BY rowid DESC");
      q.bind(1, searched);
      q.bind(2, notestore::SearchKindName(h.kind));
      q.bind(3, h.id);
      FUZZ_CHECK(q.executeStep() && q.getColumn(0).getString() == h.snippet,
                 "a hit's snippet is FTS5's snippet() of its row");
    }
  } catch (const notestore::Error& e) {
    FUZZ_CHECK(Expected(e), "Store::search throws only kQuery or kInvalidArgument");
  }
  return 0;
}
