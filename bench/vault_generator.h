// A deterministic generator of realistic vaults, modelled on the user's notes: meeting,
// person, account and project notes with frontmatter in several styles, Tasks-format
// action items with owners, dates and priorities, decisions, key facts, tables and
// wikilinks among people and accounts, a Zipf-like vocabulary, some mojibake and some
// repeated items. The same seed and size always give the same bytes.
#ifndef NOTESTORE_BENCH_VAULT_GENERATOR_H_
#define NOTESTORE_BENCH_VAULT_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

namespace notestore::bench {

struct GeneratorOptions {
  int notes = 1000;  // Total notes.
  uint64_t seed = 42;
  int target_bytes = 5000;       // Rough size of a meeting note.
  double mojibake_rate = 0.05;   // Share of meeting notes whose emoji were mis-decoded.
  double duplicate_rate = 0.10;  // Share of meetings that list their action items twice.
  std::string me = "Alex Rivera";
};

struct GeneratedNote {
  std::string path;
  std::string text;
};

// Generates the notes in memory, in a stable order.
std::vector<GeneratedNote> GenerateVault(const GeneratorOptions& options);

// Writes them under `dir` (created as needed). Returns the bytes written.
int64_t WriteVault(const std::vector<GeneratedNote>& notes, const std::string& dir);

// The names the generator uses, so benchmarks can ask for people and accounts that exist.
std::vector<std::string> GeneratedPeople(const GeneratorOptions& options);
std::vector<std::string> GeneratedAccounts(const GeneratorOptions& options);
// The words of generated text, most frequent first.
const std::vector<std::string>& GeneratedVocabulary();

}  // namespace notestore::bench

#endif  // NOTESTORE_BENCH_VAULT_GENERATOR_H_
