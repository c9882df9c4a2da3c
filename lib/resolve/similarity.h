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

#include <string>
#include <string_view>
#include <vector>

namespace notestore::resolve {

// Sorted, distinct content words of `text`.
std::vector<std::string> ContentWords(std::string_view text);

// 0 (nothing shared) to 1 (same words). Both inputs sorted and distinct.
double Similarity(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Whether two items say the same: similarity at least `threshold`, and either the same
// words or at least three shared ones ("Star bullet task" and "Plus bullet task" share
// two and are different tasks).
bool SameContent(const std::vector<std::string>& a, const std::vector<std::string>& b,
                 double threshold);

// Thresholds: at or above, two items are the same.
inline constexpr double kSameItem = 0.5;     // Tasks and decisions.
inline constexpr double kSameMeeting = 0.4;  // Meeting notes (long texts share less).

}  // namespace notestore::resolve

#endif  // NOTESTORE_LIB_RESOLVE_SIMILARITY_H_
