// How alike two pieces of text are in what they say, for finding the same task, decision
// or meeting written twice in different words.
//
// Text is reduced to its content words (lowercase letters and digits; English function
// words dropped; plurals folded: "strategies" -> "strategy"). The similarity of two word
// sets is the mean of their overlap coefficient (shared / smaller) and their Jaccard index
// (shared / all): the first lets a short rewording match a long one, the second keeps two
// texts that share a few words apart. Tuned on the user's notes: rewordings of one action
// item score 0.62 to 1.0, different items of one meeting at most 0.40.
#ifndef NOTESTORE_LIB_RESOLVE_SIMILARITY_H_
#define NOTESTORE_LIB_RESOLVE_SIMILARITY_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace notestore::resolve {

// Sorted, distinct content words of `text`.
std::vector<std::string> ContentWords(std::string_view text);

// Gives each distinct content word a number, so that word lists compare as integers:
// many times faster where many pairs are compared. A word is known by its hash (as in
// ContentWordHashes), so no string is built per word. Not thread-safe.
class WordIds {
 public:
  // Sorted, distinct ids of ContentWords(text).
  std::vector<uint32_t> Of(std::string_view text);

 private:
  // The id of the word of hash `h`, given the next one if the word is new.
  uint32_t IdOf(uint64_t h);

  // Word hash -> id, by open addressing with linear probing; a hash of 0 marks a free
  // slot. (std::unordered_map spent more time allocating and finding than the words
  // took to read, over the million tasks and decisions of a large vault.)
  std::vector<std::pair<uint64_t, uint32_t>> slots_;
  int shift_ = 64;  // 64 - log2(slots_.size()).
  size_t used_ = 0;
};

// Sorted, distinct 32-bit hashes of ContentWords(text) (FNV-1a, 64 bits folded to 32):
// the same comparisons as word ids, but the same in every process, so they can be
// computed while parsing and kept in the store. A word of one 500-word meeting has the
// hash of a different word of another about once in 17,000 pairs, which moves their
// similarity by a 500th; 64 bits took twice the store (180 MB more at 100,000 notes)
// and twice the reading.
std::vector<uint32_t> ContentWordHashes(std::string_view text);

// The hashes as a blob (4 bytes each, little-endian) for the note_words table, and back.
std::string PackWordHashes(const std::vector<uint32_t>& hashes);
std::vector<uint32_t> UnpackWordHashes(const void* data, size_t bytes);

// How many elements two sorted, distinct lists share.
template <typename T>
size_t SharedCount(const std::vector<T>& a, const std::vector<T>& b) {
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return shared;
}

// The similarity of two lists of `a` and `b` elements that share `shared`.
inline double SimilarityOfCounts(size_t a, size_t b, size_t shared) {
  if (a == 0 || b == 0) return a == 0 && b == 0 ? 1.0 : 0.0;
  const double overlap = static_cast<double>(shared) / static_cast<double>(std::min(a, b));
  const double jaccard = static_cast<double>(shared) / static_cast<double>(a + b - shared);
  return (overlap + jaccard) / 2.0;
}
// 0 (nothing shared) to 1 (same words). Both inputs sorted and distinct: words, or word
// ids (the same measure, cheaper to compare).
template <typename T>
double Similarity(const std::vector<T>& a, const std::vector<T>& b, size_t shared) {
  return SimilarityOfCounts(a.size(), b.size(), shared);
}
template <typename T>
double Similarity(const std::vector<T>& a, const std::vector<T>& b) {
  return Similarity(a, b, SharedCount(a, b));
}

// How many elements two sorted, distinct lists share, counted only as far as it can
// still reach `needed`: the result is exact when at least `needed`, and some smaller
// number otherwise. Most pairs compared are different, and stop early.
template <typename T>
size_t SharedCountUpTo(const std::vector<T>& a, const std::vector<T>& b, size_t needed) {
  const T* x = a.data();
  const T* const x_end = x + a.size();
  const T* y = b.data();
  const T* const y_end = y + b.size();
  size_t shared = 0;
  while (x < x_end && y < y_end) {
    const auto left = static_cast<size_t>(std::min(x_end - x, y_end - y));
    if (shared + left < needed) return shared;
    // A block of steps without branches on the data (which way a merge goes is a coin
    // toss for the branch predictor), then the bound again.
    for (size_t k = std::min<size_t>(left, 32); k > 0; --k) {
      const T u = *x, v = *y;
      shared += u == v;
      x += u <= v;
      y += v <= u;
    }
  }
  return shared;
}

// The fewest elements two lists of `a` and `b` elements must share for a similarity of at
// least `threshold`, and at least 3; more than the smaller size when none is enough.
// Similarity grows with the count, so a binary search over it gives the exact answer.
size_t SharedNeeded(size_t a, size_t b, double threshold);

// Whether two items say the same: similarity at least `threshold`, and either the same
// words or at least three shared ones ("Star bullet task" and "Plus bullet task" share
// two and are different tasks).
template <typename T>
bool SameContent(const std::vector<T>& a, const std::vector<T>& b, double threshold) {
  if (a == b) return true;
  if (a.empty() || b.empty()) return false;
  const size_t needed = SharedNeeded(a.size(), b.size(), threshold);
  if (needed > std::min(a.size(), b.size())) return false;
  return SharedCountUpTo(a, b, needed) >= needed;
}

// A list of word hashes as a set of 65,536 bits (by each hash's low 16 bits). How many
// of another list's words are in it bounds from above how many the two share, at a load
// per word: most pairs of meetings compared are different, and this tells them apart
// several times faster than merging the lists, without a wrong answer. 8 KB each.
class WordMask {
 public:
  explicit WordMask(const std::vector<uint32_t>& words);
  // False only when SameContent(words, other, threshold) is false.
  bool MaySameContent(const std::vector<uint32_t>& other, double threshold) const;

 private:
  std::vector<uint64_t> bits_;
  size_t size_ = 0;
};

// SameContent from the lists' sizes and the count they share (exact).
inline bool SameContentOfCounts(size_t a, size_t b, size_t shared, double threshold) {
  if (a == b && shared == a) return true;  // The same words.
  if (a == 0 || b == 0) return false;
  return shared >= 3 && SimilarityOfCounts(a, b, shared) >= threshold;
}

// Sorted, distinct word hashes as bitsets over a dictionary of the lists added: the
// count two lists share is then the population count of an AND, several times faster
// than merging them where many pairs of long lists are compared (the meetings of one
// date). A list's bits cover the words known when it was added; later words extend the
// dictionary, never an earlier list. Not thread-safe.
class WordBitsets {
 public:
  // Adds `words`; returns its index for Shared and Size.
  size_t Add(const std::vector<uint32_t>& words);
  // How many words lists `a` and `b` share.
  size_t Shared(size_t a, size_t b) const;
  size_t Size(size_t a) const { return sizes_[a]; }

 private:
  std::unordered_map<uint32_t, uint32_t> ids_;
  std::vector<std::vector<uint64_t>> bits_;
  std::vector<size_t> sizes_;
};

// The same for word lists, spelled out so that braced lists ({"a", "b"}) convert.
inline double Similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return Similarity<std::string>(a, b);
}
inline bool SameContent(const std::vector<std::string>& a, const std::vector<std::string>& b,
                        double threshold) {
  return SameContent<std::string>(a, b, threshold);
}

// Thresholds: at or above, two items are the same.
inline constexpr double kSameItem = 0.5;     // Tasks and decisions.
inline constexpr double kSameMeeting = 0.4;  // Meeting notes (long texts share less).

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_SIMILARITY_H_
