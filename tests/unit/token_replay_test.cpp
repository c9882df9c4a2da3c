// Search tokens recorded on one thread and replayed into FTS5 on another make the index
// SQLite's own tokenizer makes, byte for byte; anything not recorded is tokenized as ever.
#include "store/token_replay.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "extract/note_extractor.h"
#include "parse/note_parser.h"
#include "store/note_writer.h"
#include "store/schema.h"
#include "store/search_tokens.h"
#include "support/test_support.h"

namespace notestore::store {
namespace {

using Token = std::tuple<std::string, int, int>;  // Bytes, start, end.

std::vector<Token> Tokens(const TokenList& list) {
  std::vector<Token> out;
  list.Replay(&out, [](void* v, int, const char* t, int n, int start, int end) {
    static_cast<std::vector<Token>*>(v)->emplace_back(std::string(t, n), start, end);
    return SQLITE_OK;
  });
  return out;
}

// The search table's own definition, as the store's schema writes it.
std::string SearchTableSql(SQLite::Database& db) {
  return db.execAndGet("SELECT sql FROM sqlite_master WHERE name = 'search'").getString();
}

std::vector<std::string> IndexBlocks(SQLite::Database& db) {
  std::vector<std::string> out;
  SQLite::Statement q(db, "SELECT id, quote(block) FROM search_data ORDER BY id");
  while (q.executeStep()) out.push_back(q.getColumn(0).getString() + q.getColumn(1).getString());
  return out;
}

void Insert(SQLite::Database& db, int64_t rowid, const std::string& title,
            const std::string& body) {
  SQLite::Statement q(db, "INSERT INTO search(rowid, title, body, kind) VALUES(?, ?, ?, 'note')");
  q.bind(1, rowid);
  q.bindNoCopy(2, title);
  q.bindNoCopy(3, body);
  q.exec();
}

class TokenReplayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_db_ = OpenDatabase(dir_.path() + "/store.db", ConnectionOptions());
    plain_db_ = std::make_unique<SQLite::Database>(dir_.path() + "/plain.db",
                                                   SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    plain_db_->exec(SearchTableSql(*store_db_));
  }

  testing::TempDir dir_;
  std::unique_ptr<SQLite::Database> store_db_;  // Replay installed, as every store's.
  std::unique_ptr<SQLite::Database> plain_db_;  // SQLite's own tokenizer only.
};

TEST(TokenRecorder, RecordsWhatFts5sPorterTokenizerGives) {
  const TokenRecorder recorder;
  const TokenList list = recorder.Tokenize("Déjà vu: running FAST, 3 tests");
  EXPECT_EQ(Tokens(list), (std::vector<Token>{{"deja", 0, 6},
                                              {"vu", 7, 9},
                                              {"run", 11, 18},
                                              {"fast", 19, 23},
                                              {"3", 25, 26},
                                              {"test", 27, 32}}));
  EXPECT_EQ(list.count(), 6);
  EXPECT_EQ(recorder.Tokenize("").count(), 0);
}

TEST_F(TokenReplayTest, ReplayedRowsMakeTheIndexSqlitesTokenizerMakes) {
  TokenReplay* replay = TokenReplay::Of(*store_db_);
  ASSERT_NE(replay, nullptr);
  EXPECT_EQ(TokenReplay::Of(*plain_db_), nullptr);
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Harbor kickoff", "We agreed the pilot starts in Rotterdam; Søren owns the rollout."},
      {"Émile's notes", std::string(3000, 'x') + " naïve café ça-va 2024-03-05 #tag [[Link]]"},
      {"", "Only a body, with ünïcödé and 日本語のテキスト and emoji 📅 ⏫"},
      {"Title only", ""},
  };
  // Tokens recorded on another thread, as the parsing threads do.
  std::vector<std::pair<TokenList, TokenList>> recorded(rows.size());
  std::thread([&] {
    const TokenRecorder recorder;
    for (size_t i = 0; i < rows.size(); ++i) {
      recorded[i] = {recorder.Tokenize(rows[i].first), recorder.Tokenize(rows[i].second)};
    }
  }).join();
  int64_t texts = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    {
      ExpectedTokens expected(replay);
      expected.Add(rows[i].first, &recorded[i].first);
      expected.Add(rows[i].second, &recorded[i].second);
      Insert(*store_db_, static_cast<int64_t>(i) + 1, rows[i].first, rows[i].second);
    }
    Insert(*plain_db_, static_cast<int64_t>(i) + 1, rows[i].first, rows[i].second);
    texts += !rows[i].first.empty() + !rows[i].second.empty();
  }
  EXPECT_EQ(replay->replayed(), texts);
  EXPECT_EQ(replay->tokenized(), 0);
  EXPECT_EQ(IndexBlocks(*store_db_), IndexBlocks(*plain_db_));
  EXPECT_EQ(
      store_db_->execAndGet("SELECT rowid FROM search WHERE search MATCH 'rotterdam'").getInt64(),
      1);
  // And SQLite's own tokenizer finds the index consistent with the text it holds.
  store_db_.reset();
  SQLite::Database reopened(dir_.path() + "/store.db", SQLite::OPEN_READWRITE);
  EXPECT_NO_THROW(reopened.exec("INSERT INTO search(search, rank) VALUES('integrity-check', 1)"));
}

TEST_F(TokenReplayTest, TextsNotExpectedAreTokenizedBySqlite) {
  TokenReplay* replay = TokenReplay::Of(*store_db_);
  ASSERT_NE(replay, nullptr);
  const TokenRecorder recorder;
  const std::string expected_text = "alpha beta";
  const TokenList alpha = recorder.Tokenize(expected_text);
  {
    ExpectedTokens expected(replay);
    expected.Add(expected_text, &alpha);
    Insert(*store_db_, 1, "gamma", "delta epsilon");  // Neither column is the expected text.
  }
  Insert(*store_db_, 2, "alpha beta", "");  // After the scope: nothing is expected.
  {
    // A list no recorder filled (or one of a text of another size) is not replayed: it
    // would index the text as having no words.
    const TokenList unrecorded;
    ExpectedTokens expected(replay);
    expected.Add("omega", &unrecorded);
    expected.Add("psi", &alpha);
    Insert(*store_db_, 3, "omega", "psi");
  }
  EXPECT_EQ(replay->replayed(), 0);
  EXPECT_EQ(replay->tokenized(), 5);
  EXPECT_EQ(
      store_db_->execAndGet("SELECT rowid FROM search WHERE search MATCH 'omega psi'").getInt64(),
      3);
  EXPECT_EQ(store_db_->execAndGet("SELECT rowid FROM search WHERE search MATCH 'delta'").getInt64(),
            1);
  EXPECT_EQ(store_db_->execAndGet("SELECT rowid FROM search WHERE search MATCH 'alpha'").getInt64(),
            2);
}

TEST_F(TokenReplayTest, ATableWithOtherTokenizerArgumentsIsNeverReplayed) {
  TokenReplay* replay = TokenReplay::Of(*store_db_);
  ASSERT_NE(replay, nullptr);
  store_db_->exec("CREATE VIRTUAL TABLE other USING fts5(body, tokenize = 'porter ascii')");
  const TokenRecorder recorder;
  const std::string text = "Café déjà";
  const TokenList tokens = recorder.Tokenize(text);  // unicode61's: "cafe", "deja".
  {
    ExpectedTokens expected(replay);
    expected.Add(text, &tokens);
    SQLite::Statement q(*store_db_, "INSERT INTO other(body) VALUES(?)");
    q.bindNoCopy(1, text);
    q.exec();
  }
  EXPECT_EQ(replay->replayed(), 0);
  // ascii keeps the accented letters: no "cafe" in this index.
  EXPECT_EQ(store_db_->execAndGet("SELECT count(*) FROM other WHERE other MATCH 'cafe'").getInt(),
            0);
}

// A prefix search names index terms, which are stems: porter must not stem them again.
TEST_F(TokenReplayTest, AVerbatimQueryTermIsTheIndexTermItNames) {
  Insert(*store_db_, 1, "Terms", "We agreed on the rates.");
  const std::string verbatim = std::string("\"") + kVerbatimTerm + "agre\"";
  auto count = [this](const std::string& match) {
    SQLite::Statement q(*store_db_, "SELECT count(*) FROM search WHERE search MATCH ?");
    q.bind(1, match);
    q.executeStep();
    return q.getColumn(0).getInt();
  };
  EXPECT_EQ(count(verbatim), 1);
  EXPECT_EQ(count("\"agre\""), 0);                                      // Stemmed again: "agr".
  EXPECT_EQ(count(std::string("\"") + kVerbatimTerm + "agreed\""), 0);  // Not stemmed.
  EXPECT_EQ(count("title : " + std::string("\"") + kVerbatimTerm + "term\""), 1);
  // The recorder makes a query's prefix as FTS5 does: stemmed and folded.
  const TokenList prefix =
      TokenRecorder().Tokenize("Agreed", FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX);
  std::vector<std::string> seen;
  prefix.ForEachToken([&seen](std::string_view t) { seen.emplace_back(t); });
  EXPECT_EQ(seen, std::vector<std::string>{"agre"});
  // Other SQLite clients, without notestore's tokenizer, read the term as any other.
  SQLite::Statement plain(*plain_db_, "SELECT count(*) FROM search WHERE search MATCH ?");
  plain.bind(1, verbatim);
  ASSERT_TRUE(plain.executeStep());
  EXPECT_EQ(plain.getColumn(0).getInt(), 0);
}

// A note's search rows wait for FlushSearch, but not without bound: once they hold
// kFlushSearchBytes of text, the next note written sends them, with their tokens.
TEST_F(TokenReplayTest, TheWriterSendsSearchRowsOnceTheyHoldEnoughText) {
  const TokenRecorder recorder;
  NoteWriter writer(*store_db_);
  auto write = [&](const std::string& path, const std::string& word) {
    std::string body = "# " + word + "\n\n";
    while (body.size() < NoteWriter::kFlushSearchBytes / 3) body += word + " filler text. ";
    const parse::ParsedNote note = parse::ParseNote(body, parse::ParseOptions());
    const extract::NoteRecord record = extract::ExtractNote(path, note);
    NoteTokens tokens = TokenizeNote(recorder, note, record);
    writer.Write(FileState{path, 1, 1, 1, 0}, note, record, {}, "", &tokens);
  };
  auto indexed = [&](const char* word) {
    return store_db_
        ->execAndGet(std::string("SELECT count(*) FROM search WHERE search MATCH '") + word + "'")
        .getInt();
  };
  write("a.md", "alpha");
  write("b.md", "bravo");
  EXPECT_EQ(indexed("alpha"), 0);  // A third of the bytes each: still waiting.
  write("c.md", "charlie");        // Now past them: all three sent.
  EXPECT_EQ(indexed("alpha"), 1);
  EXPECT_EQ(indexed("charlie"), 1);
  EXPECT_EQ(TokenReplay::Of(*store_db_)->tokenized(), 0);  // Replayed, every one.
  write("d.md", "delta");
  EXPECT_EQ(indexed("delta"), 0);
  writer.FlushSearch();
  EXPECT_EQ(indexed("delta"), 1);
}

TEST_F(TokenReplayTest, InstallingTwiceKeepsOneReplay) {
  TokenReplay* replay = TokenReplay::Of(*store_db_);
  InstallTokenReplay(*store_db_);
  EXPECT_EQ(TokenReplay::Of(*store_db_), replay);
  InstallTokenReplay(*plain_db_);  // A table opened before: the builtin stays, correctly.
  ASSERT_NE(TokenReplay::Of(*plain_db_), nullptr);
  Insert(*plain_db_, 1, "late", "install");
  EXPECT_EQ(TokenReplay::Of(*plain_db_)->tokenized(), 0);
  EXPECT_EQ(plain_db_->execAndGet("SELECT count(*) FROM search WHERE search MATCH 'late'").getInt(),
            1);
}

// The writer hands FTS5 the recorded tokens of every text of a note's search rows: its
// title and aliases, body, tasks and decisions, and none is tokenized again.
TEST_F(TokenReplayTest, TheWriterReplaysEveryTextOfANote) {
  const parse::ParsedNote note = parse::ParseNote(
      "---\naliases: [Harbor sync]\n---\n# Harbor weekly\n\nThe crane schedule slipped.\n\n"
      "- [ ] Call the port authority @Priya Raman\n- [ ] Send the revised plan\n\n"
      "## Decisions\n\n- Keep the Rotterdam scope.\n",
      parse::ParseOptions());
  const extract::NoteRecord record = extract::ExtractNote("Meetings/Harbor weekly.md", note);
  ASSERT_EQ(note.tasks.size(), 2u);
  ASSERT_EQ(record.decisions.size(), 1u);
  const TokenRecorder recorder;
  NoteTokens tokens = TokenizeNote(recorder, note, record);
  NoteWriter writer(*store_db_);
  writer.Write(FileState{"Meetings/Harbor weekly.md", 1, 1, 1, 0}, note, record, {}, "", &tokens);
  TokenReplay* replay = TokenReplay::Of(*store_db_);
  EXPECT_EQ(replay->replayed(), 0);  // The search rows wait for FlushSearch.
  writer.FlushSearch();
  EXPECT_EQ(replay->replayed(), 5);  // Title, body, two tasks, one decision.
  EXPECT_EQ(replay->tokenized(), 0);
  EXPECT_EQ(store_db_
                ->execAndGet("SELECT group_concat(kind) FROM (SELECT kind FROM search WHERE "
                             "search MATCH 'port OR rotterdam OR harbor' ORDER BY rowid)")
                .getString(),
            "note,task,decision");
}

}  // namespace
}  // namespace notestore::store
