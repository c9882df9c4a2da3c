#include "repair/mojibake.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

#include "repair/char_classes.h"
#include "repair/code_pages.h"
#include "repair/special_cases.h"
#include "util/utf8.h"

namespace notestore::repair {
namespace {

// In a run's bytes, a U+FFFD that a decoder put for a byte the code page lacks.
constexpr unsigned char kLostByte = 0xFF;  // Never part of UTF-8, so it cannot clash.

struct CodePage {
  const char* name;
  std::unordered_map<char32_t, unsigned char> byte_of;  // Character -> the byte it came from.
  std::vector<unsigned char> undefined;                 // Bytes the page cannot show.
  bool lead_stripped;  // MacRoman: the 0xF0 of an emoji became U+F8FF and may be gone.
};

CodePage MakeCodePage(const char* name, const char32_t (&table)[128], bool c1_controls,
                      bool lead_stripped) {
  CodePage page{name, {}, {}, lead_stripped};
  for (int i = 0; i < 128; ++i) {
    const auto byte = static_cast<unsigned char>(0x80 + i);
    if (table[i] == 0) {
      page.undefined.push_back(byte);
    } else {
      page.byte_of[table[i]] = byte;
    }
    // Latin-1 decoders show 0x80-0x9F as C1 controls, which never occur in real text.
    const char32_t c1 = 0x80 + static_cast<char32_t>(i);
    if (c1_controls && i < 32 && !page.byte_of.count(c1)) page.byte_of[c1] = byte;
  }
  if (!page.undefined.empty()) page.byte_of[util::kReplacementChar] = kLostByte;
  return page;
}

const std::vector<CodePage>& CodePages() {
  static const std::vector<CodePage> pages = {
      MakeCodePage("Windows-1252", kWindows1252, true, false),
      MakeCodePage("Windows-1254", kWindows1254, true, false),
      MakeCodePage("MacRoman", kMacRoman, false, true),
  };
  return pages;
}

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80 || b == kLostByte; }

size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// The code point of one complete, well-formed UTF-8 sequence.
std::optional<char32_t> DecodeSequence(const std::vector<unsigned char>& bytes) {
  const std::string s(bytes.begin(), bytes.end());
  size_t pos = 0;
  const char32_t cp = util::DecodeUtf8(s, &pos);
  if (pos != s.size() || (cp == util::kReplacementChar && s != "\xEF\xBF\xBD")) return std::nullopt;
  return cp;
}

// The one completion of `seq` (a lead byte and some continuation bytes, where kLostByte
// stands for a byte the code page dropped in place) to `length` bytes that is a
// preferred character; nothing when there is none or more than one.
std::optional<char32_t> Complete(const std::vector<unsigned char>& seq, size_t length,
                                 const CodePage& page) {
  std::vector<unsigned char> present;  // Known bytes after the lead, in order.
  size_t lost_in_place = 0;
  for (size_t i = 1; i < seq.size(); ++i) {
    if (seq[i] == kLostByte) ++lost_in_place;
  }
  const size_t missing = length - seq.size() + lost_in_place;
  if (missing == 0 || missing > 2) return std::nullopt;
  const size_t n = page.undefined.size();
  std::vector<char32_t> found;
  const size_t slots = length - 1;
  for (unsigned mask = 0; mask < (1u << slots); ++mask) {
    if (static_cast<size_t>(__builtin_popcount(mask)) != missing) continue;
    for (size_t c = 0; c < (missing == 1 ? n : n * n); ++c) {
      // Place the known bytes in the slots not in `mask`, in order; a lost-in-place byte
      // must land on a masked slot, so known bytes skip it.
      std::vector<unsigned char> candidate = {seq[0]};
      size_t next_known = 1;
      size_t fill = 0;
      bool fits = true;
      for (size_t slot = 0; slot < slots && fits; ++slot) {
        if (next_known < seq.size() && seq[next_known] == kLostByte && !(mask & (1u << slot))) {
          fits = false;  // A lost byte's place is fixed; this mask does not put one there.
          break;
        }
        if (mask & (1u << slot)) {
          if (next_known < seq.size() && seq[next_known] == kLostByte) ++next_known;
          candidate.push_back(page.undefined[fill++ == 0 ? c % n : c / n]);
        } else if (next_known < seq.size()) {
          candidate.push_back(seq[next_known++]);
        } else {
          fits = false;
        }
      }
      if (!fits || next_known != seq.size()) continue;
      const std::optional<char32_t> cp = DecodeSequence(candidate);
      if (cp && Classify(*cp) == Plausibility::kPreferred) {
        bool seen = false;
        for (char32_t f : found) seen |= f == *cp;
        if (!seen) found.push_back(*cp);
      }
    }
  }
  if (found.size() == 1) return found[0];
  return std::nullopt;
}

// One decoded character and the run characters it replaces.
struct Piece {
  size_t first = 0;  // Index into the stretch of run characters.
  size_t count = 0;
  char32_t cp = 0;
};

// Decodes the bytes of a stretch of run characters that all map into `page`.
std::vector<Piece> DecodeStretch(const std::vector<unsigned char>& bytes, const CodePage& page) {
  std::vector<Piece> pieces;
  size_t i = 0;
  while (i < bytes.size()) {
    const unsigned char b = bytes[i];
    const size_t length = SequenceLength(b);
    if (length > 0) {
      size_t have = 1;
      while (have < length && i + have < bytes.size() && IsContinuation(bytes[i + have])) ++have;
      const std::vector<unsigned char> seq(bytes.begin() + static_cast<std::ptrdiff_t>(i),
                                           bytes.begin() + static_cast<std::ptrdiff_t>(i + have));
      bool lost = false;
      for (unsigned char s : seq) lost |= s == kLostByte;
      std::optional<char32_t> cp;
      if (have == length && !lost) {
        cp = DecodeSequence(seq);
      } else if (!page.undefined.empty() && length >= 3 && have >= 2) {
        cp = Complete(seq, length, page);  // Bytes the code page dropped.
      }
      if (cp) {
        pieces.push_back(Piece{i, have, *cp});
        i += have;
        continue;
      }
    } else if (page.lead_stripped && i + 2 < bytes.size() && (b & 0xC0) == 0x80 &&
               (bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80 &&
               (i + 3 >= bytes.size() || (bytes[i + 3] & 0xC0) != 0x80)) {
      // MacRoman's U+F8FF (an emoji's 0xF0) was stripped: put the byte back.
      const std::optional<char32_t> cp = DecodeSequence({0xF0, b, bytes[i + 1], bytes[i + 2]});
      if (cp && *cp >= 0x1F000 && *cp <= 0x1FAFF) {
        pieces.push_back(Piece{i, 3, *cp});
        i += 3;
        continue;
      }
    }
    ++i;
  }
  return pieces;
}

// The ASCII neighbours of a run, for judging a repair that yields a single letter.
struct Context {
  char before = ' ';
  char after = ' ';
};

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// Whether the decoded characters of a run are believable as a whole.
bool Believable(const std::vector<char32_t>& decoded, const std::vector<char32_t>& run,
                const Context& ctx) {
  auto is_c1 = [](char32_t cp) { return cp >= 0x80 && cp <= 0x9F; };
  const bool c1_in_run = std::any_of(run.begin(), run.end(), is_c1);
  size_t weak = 0;
  for (char32_t cp : decoded) {
    const Plausibility p = Classify(cp);
    if (p == Plausibility::kNever) return false;
    // A C1 control is a step of undoing double mojibake only where the run had one already.
    if (is_c1(cp) && !c1_in_run) return false;
    weak += p == Plausibility::kWeak;
  }
  const bool mid_word = IsAsciiLetter(ctx.before) && IsAsciiLetter(ctx.after);
  if (weak > 0 && decoded.size() < 2 && !mid_word) return false;  // A lone CJK or Greek char.
  if (decoded.size() == 1 && IsLetter(decoded[0])) {
    // One letter from two symbols: believable inside a word (or as the French word "à"),
    // not beside an apostrophe ("Ã’s") nor as a lowercase letter in an upper-case word
    // ("AHÅ™,").
    const bool word_a = decoded[0] == 0xE0 || decoded[0] == 0xC0;
    if (!IsAsciiLetter(ctx.before) && !IsAsciiLetter(ctx.after) && !word_a) return false;
    if (run.back() == 0x2019 && IsAsciiLetter(ctx.after)) return false;
    if (IsAsciiUpper(ctx.before) && !IsAsciiLower(ctx.after) && IsLowercaseLetter(decoded[0])) {
      return false;
    }
  }
  return true;
}

// Whether a lead byte of the stretch stayed undecoded. In real mojibake every lead byte
// decodes; one that does not means this reading of the stretch is wrong ("hopeless
// garble" is left alone), while leftover continuation bytes are innocent punctuation
// (curly quotes around a repaired word).
bool LeftoverLead(const std::vector<Piece>& pieces, const std::vector<unsigned char>& bytes) {
  std::vector<bool> used(bytes.size(), false);
  for (const Piece& p : pieces) {
    for (size_t k = p.first; k < p.first + p.count; ++k) used[k] = true;
  }
  for (size_t k = 0; k < bytes.size(); ++k) {
    if (!used[k] && SequenceLength(bytes[k]) > 0) return true;
  }
  return false;
}

struct RunRepair {
  std::string text;
  int repaired = 0;   // Characters produced by repairs.
  int consumed = 0;   // Run characters those replaced: the weight of the evidence.
  int preferred = 0;  // Repaired characters of the kind notes are full of.
  const char* page = nullptr;

  // Whether this reading of a run explains it better than `other`.
  bool BetterThan(const RunRepair& other) const {
    if (consumed != other.consumed) return consumed > other.consumed;
    return preferred > other.preferred;
  }
};

// Repairs one run with one code page: each stretch of characters the page can show is
// decoded, and kept if believable; other characters stay.
RunRepair RepairRunWith(const std::vector<char32_t>& run, const std::vector<std::string>& originals,
                        const CodePage& page, const Context& ctx) {
  RunRepair out;
  out.page = page.name;
  size_t i = 0;
  while (i < run.size()) {
    if (!page.byte_of.count(run[i])) {
      out.text += originals[i++];
      continue;
    }
    size_t j = i;
    std::vector<unsigned char> bytes;
    while (j < run.size() && page.byte_of.count(run[j])) bytes.push_back(page.byte_of.at(run[j++]));
    std::vector<Piece> pieces = DecodeStretch(bytes, page);
    std::vector<char32_t> decoded;
    for (const Piece& p : pieces) decoded.push_back(p.cp);
    const std::vector<char32_t> stretch(run.begin() + static_cast<std::ptrdiff_t>(i),
                                        run.begin() + static_cast<std::ptrdiff_t>(j));
    if (pieces.empty() || LeftoverLead(pieces, bytes) || !Believable(decoded, stretch, ctx)) {
      pieces.clear();
    }
    size_t k = 0;
    for (const Piece& p : pieces) {
      while (k < p.first) out.text += originals[i + k++];
      util::AppendUtf8(p.cp, &out.text);
      ++out.repaired;
      out.consumed += static_cast<int>(p.count);
      out.preferred += Classify(p.cp) == Plausibility::kPreferred;
      k = p.first + p.count;
    }
    while (k < bytes.size()) out.text += originals[i + k++];
    i = j;
  }
  return out;
}

// One pass over the text. Returns true when something was repaired.
bool RepairPass(std::string_view text, std::string* out, RepairReport* report) {
  bool changed = false;
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      out->push_back(text[pos++]);
      continue;
    }
    std::vector<char32_t> run;  // A run of valid non-ASCII characters.
    std::vector<std::string> originals;
    const size_t run_start = pos;
    while (pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80) {
      size_t next = pos;
      const char32_t cp = util::DecodeUtf8(text, &next);
      if (cp == util::kReplacementChar && next - pos != 3) break;  // An invalid byte.
      run.push_back(cp);
      originals.emplace_back(text.substr(pos, next - pos));
      pos = next;
    }
    if (run.empty()) {
      out->push_back(text[pos++]);  // Not UTF-8: left exactly as it is.
      continue;
    }
    const Context ctx{run_start > 0 ? text[run_start - 1] : ' ',
                      pos < text.size() ? text[pos] : ' '};
    RunRepair best;
    for (const CodePage& page : CodePages()) {
      RunRepair attempt = RepairRunWith(run, originals, page, ctx);
      if (attempt.repaired > 0 && attempt.BetterThan(best)) best = std::move(attempt);
    }
    const std::string_view original = text.substr(run_start, pos - run_start);
    if (best.repaired == 0) {
      out->append(original);
      continue;
    }
    changed = true;
    if (report) {
      report->characters += best.repaired;
      report->encodings.insert(best.page);
      if (report->example.empty()) report->example = std::string(original) + " -> " + best.text;
    }
    out->append(best.text);
  }
  return changed;
}

}  // namespace

std::string RepairMojibake(std::string_view text, RepairReport* report) {
  std::string current(text);
  // Text mangled twice needs two passes; a third finds nothing more in practice.
  for (int pass = 0; pass < 3; ++pass) {
    std::string next;
    next.reserve(current.size());
    if (!RepairPass(current, &next, report)) break;
    current = std::move(next);
  }
  return RepairSpecialCases(current, report);
}

}  // namespace notestore::repair
