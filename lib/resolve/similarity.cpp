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

std::string Fold(std::string w) {
  if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0)
    return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u') {
    w.pop_back();
  }
  return w;
}

}  // namespace

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (current.size() >= 2 && !StopWords().count(current)) words.push_back(Fold(current));
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
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

namespace {

size_t SharedCount(const std::vector<std::string>& a, const std::vector<std::string>& b) {
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

}  // namespace

double Similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  const size_t shared = SharedCount(a, b);
  const double overlap =
      static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
  const double jaccard =
      static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
  return (overlap + jaccard) / 2.0;
}

bool SameContent(const std::vector<std::string>& a, const std::vector<std::string>& b,
                 double threshold) {
  if (a == b) return true;
  return SharedCount(a, b) >= 3 && Similarity(a, b) >= threshold;
}

}  // namespace notestore::resolve
