#include "resolve/similarity.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace notestore::resolve {
namespace {

constexpr size_t kLongestStopWord = 6;  // "should"

// A lowercase word of up to kLongestStopWord bytes as one integer (never 0: words are
// runs of word bytes, none of them 0).
constexpr uint64_t StopKey(std::string_view w) {
  uint64_t key = 0;
  for (size_t k = 0; k < kLongestStopWord; ++k) {
    key = key << 8 | (k < w.size() ? static_cast<unsigned char>(w[k]) : 0U);
  }
  return key;
}

// English function words, as keys in a table of 256 slots probed linearly (0 marks a
// free slot): most words of every task and decision of a vault are looked up here, and
// a hash set of strings, or a binary search, cost a fifth of reading them.
bool IsStopWord(std::string_view lowercase) {
  constexpr size_t kSlots = 256;
  auto home = [](uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 56); };
  static const auto table = [&home] {
    constexpr std::string_view kWords[] = {
        "a",     "an",    "the",    "and",   "or",    "of",   "to",    "for",   "in",    "on",
        "with",  "by",    "at",     "from",  "as",    "is",   "are",   "be",    "was",   "were",
        "will",  "would", "should", "could", "can",   "this", "that",  "these", "those", "it",
        "its",   "into",  "over",   "under", "about", "than", "then",  "also",  "any",   "all",
        "via",   "eg",    "ie",     "per",   "vs",    "his",  "her",   "their", "our",   "we",
        "they",  "he",    "she",    "i",     "me",    "my",   "you",   "your",  "not",   "no",
        "if",    "so",    "but",    "up",    "out",   "how",  "what",  "when",  "which", "who",
        "whom",  "whose", "has",    "have",  "had",   "do",   "does",  "did",   "been",  "being",
        "there", "here",  "such",   "some",  "more",  "most", "other", "own",   "same",  "each",
        "e",     "g"};
    std::vector<uint64_t> slots(kSlots, 0);
    for (std::string_view w : kWords) {
      size_t k = home(StopKey(w));
      while (slots[k] != 0 && slots[k] != StopKey(w)) k = (k + 1) % kSlots;
      slots[k] = StopKey(w);
    }
    return slots;
  }();
  if (lowercase.size() > kLongestStopWord) return false;
  const uint64_t key = StopKey(lowercase);
  for (size_t k = home(key); table[k] != 0; k = (k + 1) % kSlots) {
    if (table[k] == key) return true;
  }
  return false;
}

constexpr uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || u >= 0x80;
}
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// A content word as it stands in the text: its run of word bytes, how many of them it
// keeps once plurals are folded ("strategies" -> "strateg" + 'y', "tasks" -> "task"),
// and the 'y' that "ies" becomes. Lowercased on use.
struct WordSpan {
  const char* run;
  size_t keep;
  bool add_y;
};

// Calls fn(WordSpan) for each content word of `text`, in order: runs of letters, digits
// and non-ASCII bytes, at least two long, English function words dropped. Reads the text
// in place (no string per word): this runs over every task and decision of a vault.
template <typename Fn>
void ForEachContentWord(std::string_view text, Fn fn) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    while (p < end && !IsWordByte(*p)) ++p;
    const char* const run = p;
    while (p < end && IsWordByte(*p)) ++p;
    const auto n = static_cast<size_t>(p - run);
    if (n < 2) continue;
    if (n <= kLongestStopWord) {
      char lower[kLongestStopWord];
      for (size_t k = 0; k < n; ++k) lower[k] = Lower(run[k]);
      if (IsStopWord(std::string_view(lower, n))) continue;
    }
    const char last = Lower(run[n - 1]), before = Lower(run[n - 2]);
    if (n > 4 && last == 's' && before == 'e' && Lower(run[n - 3]) == 'i') {
      fn(WordSpan{run, n - 3, true});
    } else if (n > 3 && last == 's' && before != 's' && before != 'u') {
      fn(WordSpan{run, n - 1, false});
    } else {
      fn(WordSpan{run, n, false});
    }
  }
}

// FNV-1a of the word as folded and lowercased.
uint64_t HashOf(const WordSpan& w) {
  uint64_t h = kFnvOffset;
  for (size_t k = 0; k < w.keep; ++k)
    h = (h ^ static_cast<unsigned char>(Lower(w.run[k]))) * kFnvPrime;
  if (w.add_y) h = (h ^ static_cast<unsigned char>('y')) * kFnvPrime;
  return h;
}

template <typename T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> words;
  ForEachContentWord(text, [&](const WordSpan& w) {
    std::string word(w.keep + (w.add_y ? 1 : 0), 'y');
    for (size_t k = 0; k < w.keep; ++k) word[k] = Lower(w.run[k]);
    words.push_back(std::move(word));
  });
  SortUnique(&words);
  return words;
}

uint32_t WordIds::IdOf(uint64_t h) {
  // The slot of a hash: its top bits after a Fibonacci multiply (FNV-1a's low bits mix
  // poorly).
  auto home = [this](uint64_t key) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  };
  // Kept at most half full, so probes stay short.
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<std::pair<uint64_t, uint32_t>> old(slots_.empty() ? 1024 : slots_.size() * 2);
    old.swap(slots_);
    shift_ = 64 - static_cast<int>(std::log2(slots_.size()));
    for (const auto& slot : old) {
      if (slot.first == 0) continue;
      size_t k = home(slot.first);
      while (slots_[k].first != 0) k = (k + 1) & (slots_.size() - 1);
      slots_[k] = slot;
    }
  }
  if (h == 0) h = 1;  // 0 marks a free slot; 1 is as unlikely a collision as any other.
  size_t k = home(h);
  while (slots_[k].first != 0) {
    if (slots_[k].first == h) return slots_[k].second;
    k = (k + 1) & (slots_.size() - 1);
  }
  slots_[k] = {h, static_cast<uint32_t>(used_++)};
  return slots_[k].second;
}

std::vector<uint32_t> WordIds::Of(std::string_view text) {
  std::vector<uint32_t> out;
  ForEachContentWord(text, [&](const WordSpan& w) { out.push_back(IdOf(HashOf(w))); });
  SortUnique(&out);
  return out;
}

std::vector<uint32_t> ContentWordHashes(std::string_view text) {
  std::vector<uint32_t> out;
  ForEachContentWord(text, [&](const WordSpan& w) {
    const uint64_t h = HashOf(w);
    out.push_back(static_cast<uint32_t>(h ^ (h >> 32)));  // Folded: both halves count.
  });
  SortUnique(&out);
  return out;
}

std::string PackWordHashes(const std::vector<uint32_t>& hashes) {
  std::string out;
  out.reserve(hashes.size() * 4);
  for (uint32_t h : hashes) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((h >> (8 * i)) & 0xff));
  }
  return out;
}

std::vector<uint32_t> UnpackWordHashes(const void* data, size_t bytes) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::vector<uint32_t> out(bytes / 4);
  for (size_t k = 0; k < out.size(); ++k) {
    const unsigned char* b = p + k * 4;
    out[k] = static_cast<uint32_t>(b[0]) | static_cast<uint32_t>(b[1]) << 8 |
             static_cast<uint32_t>(b[2]) << 16 | static_cast<uint32_t>(b[3]) << 24;
  }
  return out;
}

size_t SharedNeeded(size_t a, size_t b, double threshold) {
  size_t low = 3, high = std::min(a, b) + 1;  // high: never enough.
  while (low < high) {
    const size_t mid = low + (high - low) / 2;
    if (SimilarityOfCounts(a, b, mid) >= threshold) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return low;
}

WordMask::WordMask(const std::vector<uint32_t>& words)
    : bits_(size_t{1} << 10), size_(words.size()) {
  for (uint32_t w : words) bits_[(w & 0xffff) >> 6] |= uint64_t{1} << (w & 63);
}

bool WordMask::MaySameContent(const std::vector<uint32_t>& other, double threshold) const {
  // Lists of one size may be the same list, which SameContent takes at any length.
  if (other.size() == size_ || size_ == 0 || other.empty()) return true;
  const size_t needed = SharedNeeded(size_, other.size(), threshold);
  if (needed > std::min(size_, other.size())) return false;
  // Each word of `other` not in the mask is a word not shared; past this many, the
  // shared count can no longer reach `needed`.
  const size_t misses_allowed = other.size() - needed;
  size_t misses = 0;
  for (uint32_t w : other) {
    misses += (bits_[(w & 0xffff) >> 6] >> (w & 63) & 1) == 0;
    if (misses > misses_allowed) return false;
  }
  return true;
}

size_t WordBitsets::Add(const std::vector<uint32_t>& words) {
  std::vector<uint32_t> ids;
  ids.reserve(words.size());
  for (uint32_t w : words) {
    ids.push_back(ids_.emplace(w, static_cast<uint32_t>(ids_.size())).first->second);
  }
  std::vector<uint64_t> bits(ids_.size() / 64 + 1);
  for (uint32_t id : ids) bits[id / 64] |= uint64_t{1} << (id % 64);
  bits_.push_back(std::move(bits));
  sizes_.push_back(words.size());
  return bits_.size() - 1;
}

namespace {

// Built twice, the processor picking at load time: with the POPCNT instruction, which
// x86-64 gained in 2008 but a default build may not assume, and without. (Not under
// ThreadSanitizer, whose instrumented resolver runs before it is set up, and crashes.)
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
__attribute__((target_clones("popcnt", "default")))
#endif
size_t
SharedBits(const uint64_t* a, const uint64_t* b, size_t n) {
  size_t shared = 0;
  for (size_t i = 0; i < n; ++i) shared += static_cast<size_t>(__builtin_popcountll(a[i] & b[i]));
  return shared;
}

}  // namespace

size_t WordBitsets::Shared(size_t a, size_t b) const {
  const std::vector<uint64_t>& x = bits_[a];
  const std::vector<uint64_t>& y = bits_[b];
  return SharedBits(x.data(), y.data(), std::min(x.size(), y.size()));
}

}  // namespace notestore::resolve
