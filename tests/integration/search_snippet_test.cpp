// Store::search builds its snippets from the instances its scoring walk kept
// (query/fts_snippet.h). They must be exactly what FTS5's snippet() gives for the same row
// and query: checked here against snippet() itself on notes written to exercise every
// choice it makes (windows at the start, middle and end of a note, sentence starts,
// several phrases, overlapping matches, titles, accented and multi-byte text).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "notestore/notestore.h"
#include "support/test_support.h"

namespace notestore {
namespace {

const std::vector<std::string> kWords = {
    "harbor", "pilot",    "crane",  "berth",  "Zürich", "café",   "naïve",    "GPU-adjacent",
    "10:30",  "terminal", "rotter", "gantry", "quay",   "tariff", "manifest", "draft",
    "Ærø",    "東京",     "straße", "pilots", "cranes", "the",    "and",      "of"};

// A deterministic walk over kWords with sentence ends, colons and line breaks.
std::string Prose(uint32_t seed, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    seed = seed * 1664525u + 1013904223u;
    s += kWords[(seed >> 8) % kWords.size()];
    const uint32_t mark = (seed >> 20) % 16;
    s += mark == 0 ? ". " : mark == 1 ? ": " : mark == 2 ? ".\n\n" : mark == 3 ? ",  " : " ";
  }
  return s;
}

class SearchSnippets : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    for (int n = 0; n < 24; ++n) {
      const std::string title =
          n % 3 == 0 ? "Harbor pilot " + std::to_string(n) : "Meeting " + std::to_string(n);
      std::string text =
          "---\ntitle: " + title + "\ndate: 2024-05-" + std::to_string(10 + n % 18) + "\n---\n# " +
          title + "\n\n" + Prose(static_cast<uint32_t>(n), 20 + n * 13) + "\n\n## Action Items\n" +
          "- [ ] Move the " + Prose(static_cast<uint32_t>(n + 100), 6) +
          " @Dana\n\n## Decisions\n- " + Prose(static_cast<uint32_t>(n + 200), 9) + "\n";
      dir_->Write("vault/Meetings/m" + std::to_string(n) + ".md", text);
    }
    store_ = new Store(Store::open(dir_->Join("s.db")));
    store_->ingest(dir_->Join("vault"));
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }

  // Every hit of raw query `q`, with FTS5's own snippet for its row.
  static void ExpectSnippetsOfFts5(const std::string& q, int max_ranked) {
    SearchOptions o;
    o.raw = true;
    o.limit = 1000;
    o.include_duplicates = true;
    o.max_ranked = max_ranked;
    o.highlight_open = "<<";
    o.highlight_close = ">>";
    const std::vector<SearchHit> hits = store_->search(q, o);
    ASSERT_FALSE(hits.empty()) << q;
    for (const SearchHit& h : hits) {
      const std::string fts5 =
          testing::QueryValue(store_->path(),
                              "SELECT snippet(search, -1, '<<', '>>', '…', 16) FROM search WHERE "
                              "search MATCH " +
                                  testing::SqlQuote(q) + " AND kind = '" + SearchKindName(h.kind) +
                                  "' AND ref_id = " + std::to_string(h.id));
      EXPECT_EQ(h.snippet, fts5) << q << " in " << h.path << " (" << SearchKindName(h.kind) << " "
                                 << h.id << ")";
    }
  }

  static testing::TempDir* dir_;
  static Store* store_;
};
testing::TempDir* SearchSnippets::dir_ = nullptr;
Store* SearchSnippets::store_ = nullptr;

std::vector<std::string> Queries() {
  std::vector<std::string> q = {"harbor",
                                "zurich",
                                "cafe",
                                "\"pilot crane\"",
                                "pil*",
                                "cran*",
                                "\"crane berth\"",
                                "harbor OR quay",
                                "pilot AND tariff",
                                "title:harbor",
                                "body:harbor",
                                "NEAR(crane quay, 3)",
                                "\"harbor pilot\" OR pilot",
                                "pilot OR pilo*",
                                "東京",
                                "straße",
                                "aero OR ærø",
                                "\"10 30\"",
                                "gpu",
                                "the",
                                "the OR of OR and",
                                "manifest NOT draft"};
  for (size_t i = 0; i + 1 < kWords.size(); i += 3) q.push_back("\"" + kWords[i] + "\"");
  return q;
}

TEST_F(SearchSnippets, AreFts5sSnippetsWhenBuiltFromKeptInstances) {
  for (const std::string& q : Queries()) ExpectSnippetsOfFts5(q, 500);
}

TEST_F(SearchSnippets, AreFts5sSnippetsWhenEveryMatchIsRanked) {
  // max_ranked 0 keeps no instances; the snippets come from a walk with snippet().
  for (const std::string& q : Queries()) ExpectSnippetsOfFts5(q, 0);
}

TEST_F(SearchSnippets, LongNotesGetAWindowWithEllipses) {
  SearchOptions o;
  o.kinds = {SearchKind::kNote};
  o.limit = 100;
  int middle = 0;
  for (const SearchHit& h : store_->search("tariff", o)) {
    const bool starts = h.snippet.rfind("…", 0) == 0;
    const bool ends = h.snippet.size() >= 3 && h.snippet.compare(h.snippet.size() - 3, 3, "…") == 0;
    middle += starts && ends;
    EXPECT_NE(h.snippet.find("[tariff]"), std::string::npos) << h.snippet;
  }
  EXPECT_GT(middle, 0);  // Some windows are cut on both sides.
}

}  // namespace
}  // namespace notestore
