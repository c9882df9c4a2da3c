#include "resolve/similarity.h"

#include <algorithm>
#include <unordered_set>

namespace notestore::resolve {
namespace {

const std::unordered_set<std::string>& StopWords() {
  static const std::unordered_set<std::string> words = {
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
  return words;
}

// Folds plurals in place: "strategies" -> "strategy", "tasks" -> "task".
void Fold(std::string* w) {
  const size_t n = w->size();
  if (n > 4 && w->compare(n - 3, 3, "ies") == 0) {
    w->resize(n - 3);
    w->push_back('y');
  } else if (n > 3 && w->back() == 's' && (*w)[n - 2] != 's' && (*w)[n - 2] != 'u') {
    w->pop_back();
  }
}

constexpr size_t kLongestStopWord = 6;  // "should"

}  // namespace

namespace {

// Calls fn(word) for each content word of `text`, lowercased and folded, in order.
template <typename Fn>
void ForEachContentWord(std::string_view text, Fn fn) {
  const std::unordered_set<std::string>& stop_words = StopWords();
  std::string current;
  auto flush = [&] {
    if (current.size() >= 2 && (current.size() > kLongestStopWord || !stop_words.count(current))) {
      Fold(&current);
      fn(current);
    }
    current.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      current.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      current.push_back(static_cast<char>(c + 32));
    } else {
      flush();
    }
  }
  flush();
}

template <typename T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> words;
  ForEachContentWord(text, [&](const std::string& w) { words.push_back(w); });
  SortUnique(&words);
  return words;
}

std::vector<uint32_t> WordIds::Of(std::string_view text) {
  std::vector<uint32_t> out;
  ForEachContentWord(text, [&](const std::string& w) {
    auto it = ids_.find(w);
    if (it == ids_.end()) it = ids_.emplace(w, static_cast<uint32_t>(ids_.size())).first;
    out.push_back(it->second);
  });
  SortUnique(&out);
  return out;
}

std::vector<uint64_t> ContentWordHashes(std::string_view text) {
  std::vector<uint64_t> out;
  ForEachContentWord(text, [&](const std::string& w) {
    uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : w) h = (h ^ c) * 1099511628211ULL;
    out.push_back(h);
  });
  SortUnique(&out);
  return out;
}

std::string PackWordHashes(const std::vector<uint64_t>& hashes) {
  std::string out;
  out.reserve(hashes.size() * 8);
  for (uint64_t h : hashes) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((h >> (8 * i)) & 0xff));
  }
  return out;
}

std::vector<uint64_t> UnpackWordHashes(const void* data, size_t bytes) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::vector<uint64_t> out(bytes / 8);
  for (size_t k = 0; k < out.size(); ++k) {
    uint64_t h = 0;
    for (int i = 7; i >= 0; --i) h = (h << 8) | p[k * 8 + static_cast<size_t>(i)];
    out[k] = h;
  }
  return out;
}

size_t WordBitsets::Add(const std::vector<uint64_t>& words) {
  std::vector<uint32_t> ids;
  ids.reserve(words.size());
  for (uint64_t w : words) ids.push_back(ids_.emplace(w, ids_.size()).first->second);
  std::vector<uint64_t> bits(ids_.size() / 64 + 1);
  for (uint32_t id : ids) bits[id / 64] |= uint64_t{1} << (id % 64);
  bits_.push_back(std::move(bits));
  sizes_.push_back(words.size());
  return bits_.size() - 1;
}

namespace {

// Built twice, the processor picking at load time: with the POPCNT instruction, which
// x86-64 gained in 2008 but a default build may not assume, and without.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
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
