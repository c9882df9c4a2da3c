// Fuzzes one note through decode, text repair, parse and extract: the stages that see
// every byte of a vault. Beyond "no crash, no sanitizer report", it checks that the text
// handed on is valid UTF-8 and that every line number points into the note.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/note_text.h"
#include "extract/note_extractor.h"
#include "fuzz_check.h"
#include "parse/note_parser.h"
#include "repair/mojibake.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace notestore;  // NOLINT(google-build-using-namespace): a harness.
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (decode::LooksBinary(bytes)) return 0;  // Not parsed by the ingest either.
  decode::DecodedText text = decode::DecodeNoteBytes(bytes);
  FUZZ_CHECK(util::IsValidUtf8(text.text), "decoded text is valid UTF-8");
  repair::RepairReport report;
  const std::string repaired = repair::RepairMojibake(text.text, &report);
  FUZZ_CHECK(util::IsValidUtf8(repaired), "repaired text is valid UTF-8");

  parse::ParseOptions options;  // Small limits, so the fuzzer reaches them.
  options.frontmatter.max_properties = 200;
  options.tables.max_columns = 16;
  options.tables.max_cells = 400;
  options.tables.max_bytes = 2000;
  const parse::ParsedNote note = parse::ParseNote(repaired, options);
  int lines = 1;
  for (char c : repaired) lines += c == '\n';
  for (const parse::Task& t : note.tasks) {
    FUZZ_CHECK(t.line >= 1 && t.line <= lines, "task line inside the note");
    FUZZ_CHECK(util::IsValidUtf8(t.fields.text) && util::IsValidUtf8(t.fields.owner),
               "task text and owner are valid UTF-8");
  }
  for (const parse::Heading& h : note.headings) {
    FUZZ_CHECK(h.line >= 1 && h.line <= lines, "heading line inside the note");
  }
  for (const parse::Link& l : note.links) {
    FUZZ_CHECK(l.line >= 1 && l.line <= lines, "link line inside the note");
  }
  const extract::NoteRecord record = extract::ExtractNote("Fuzz/note.md", note);
  (void)record;
  return 0;
}
