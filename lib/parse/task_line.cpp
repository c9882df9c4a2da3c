#include "parse/task_line.h"

#include <algorithm>

#include "parse/inline_syntax.h"
#include "util/dates.h"
#include "util/text.h"
#include "util/utf8.h"

namespace notestore::parse {
namespace {

enum class Signifier {
  kNone,
  kDue,
  kScheduled,
  kStart,
  kCreated,
  kDone,
  kCancelled,
  kRecurrence,
  kId,
  kDependsOn,
  kOnCompletion,
  kHighest,
  kHigh,
  kMedium,
  kLow,
  kLowest
};

Signifier Classify(char32_t cp) {
  switch (cp) {
    case 0x1F4C5:
    case 0x1F4C6:
    case 0x1F5D3:
      return Signifier::kDue;  // 📅 📆 🗓
    case 0x23F3:
    case 0x231B:
      return Signifier::kScheduled;  // ⏳ ⌛
    case 0x1F6EB:
      return Signifier::kStart;  // 🛫
    case 0x2795:
      return Signifier::kCreated;  // ➕
    case 0x2705:
      return Signifier::kDone;  // ✅
    case 0x274C:
      return Signifier::kCancelled;  // ❌
    case 0x1F501:
      return Signifier::kRecurrence;  // 🔁
    case 0x1F194:
      return Signifier::kId;  // 🆔
    case 0x26D4:
      return Signifier::kDependsOn;  // ⛔
    case 0x1F3C1:
      return Signifier::kOnCompletion;  // 🏁
    case 0x1F53A:
      return Signifier::kHighest;  // 🔺
    case 0x23EB:
      return Signifier::kHigh;  // ⏫
    case 0x1F53C:
      return Signifier::kMedium;  // 🔼
    case 0x1F53D:
      return Signifier::kLow;  // 🔽
    case 0x23EC:
      return Signifier::kLowest;  // ⏬
    default:
      return Signifier::kNone;
  }
}

const char* PriorityName(Signifier s) {
  switch (s) {
    case Signifier::kHighest:
      return "highest";
    case Signifier::kHigh:
      return "high";
    case Signifier::kMedium:
      return "medium";
    case Signifier::kLow:
      return "low";
    case Signifier::kLowest:
      return "lowest";
    default:
      return nullptr;
  }
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

std::optional<std::string> NormalizePriority(std::string_view v) {
  const std::string p = util::ToLowerAscii(util::Trim(v));
  for (const char* name : {"highest", "high", "medium", "low", "lowest"}) {
    if (p == name) return p;
  }
  return std::nullopt;
}

class TaskLineParser {
 public:
  TaskLineParser(std::string_view text, std::string_view masked) : text_(text), masked_(masked) {}

  TaskFields Parse() {
    Fields();
    Signifiers();
    for (const TagMatch& t : FindTags(masked_)) {
      out_.tags.push_back(t.name);
      remove_.push_back(t.span);
    }
    BlockId();
    Owner();
    out_.text = Remaining();
    return std::move(out_);
  }

 private:
  void SetDate(std::optional<std::string>* slot, std::string_view value, const char* what) {
    if (auto d = util::NormalizeDate(value)) {
      *slot = *d;
    } else {
      AddDiagnostic(&out_.diagnostics, Severity::kWarning, "invalid-task-date",
                    std::string("task ") + what + " date '" + std::string(value) +
                        "' is not a valid YYYY-MM-DD date");
    }
  }

  // Dataview-style [key:: value] fields that mean the same as the emoji.
  void Fields() {
    for (const FieldMatch& f : FindBracketFields(masked_)) {
      const std::string key = util::ToLowerAscii(f.key);
      const std::string_view v = f.value;
      bool known = true;
      if (key == "due")
        SetDate(&out_.due, v, "due");
      else if (key == "scheduled")
        SetDate(&out_.scheduled, v, "scheduled");
      else if (key == "start")
        SetDate(&out_.start, v, "start");
      else if (key == "created")
        SetDate(&out_.created, v, "created");
      else if (key == "completion" || key == "done")
        SetDate(&out_.done, v, "done");
      else if (key == "cancelled")
        SetDate(&out_.cancelled, v, "cancelled");
      else if (key == "priority")
        out_.priority = NormalizePriority(v);
      else if (key == "repeat" || key == "recurrence")
        out_.recurrence = std::string(v);
      else if (key == "id")
        out_.task_id = std::string(v);
      else if (key == "dependson")
        out_.depends_on = std::string(v);
      else
        known = false;
      if (known) remove_.push_back(f.span);
    }
  }

  void Signifiers() {
    size_t i = 0;
    while (i < masked_.size()) {
      const size_t start = i;
      const char32_t cp = util::DecodeUtf8(masked_, &i);
      const Signifier kind = Classify(cp);
      if (kind == Signifier::kNone) continue;
      if (util::StartsWith(masked_.substr(i), "\xEF\xB8\x8F")) i += 3;  // U+FE0F
      size_t end = i;
      if (const char* priority = PriorityName(kind)) {
        out_.priority = priority;
      } else if (kind == Signifier::kRecurrence) {
        end = RecurrenceEnd(i);
        out_.recurrence = std::string(util::Trim(text_.substr(i, end - i)));
      } else if (kind == Signifier::kId || kind == Signifier::kDependsOn ||
                 kind == Signifier::kOnCompletion) {
        end = ListValueEnd(SkipSpaces(masked_, i), kind == Signifier::kDependsOn);
        std::string value(util::Trim(text_.substr(i, end - i)));
        if (kind == Signifier::kId) out_.task_id = value;
        if (kind == Signifier::kDependsOn) out_.depends_on = value;
      } else {
        end = DateSignifier(kind, i);
      }
      remove_.push_back({start, end});
      i = end;
    }
  }

  size_t DateSignifier(Signifier kind, size_t after) {
    const size_t begin = SkipSpaces(masked_, after);
    size_t end = begin;
    while (end < masked_.size() && !util::IsSpace(masked_[end])) ++end;
    const std::string_view value = text_.substr(begin, end - begin);
    const char* what = "due";
    std::optional<std::string>* slot = &out_.due;
    switch (kind) {
      case Signifier::kScheduled:
        slot = &out_.scheduled;
        what = "scheduled";
        break;
      case Signifier::kStart:
        slot = &out_.start;
        what = "start";
        break;
      case Signifier::kCreated:
        slot = &out_.created;
        what = "created";
        break;
      case Signifier::kDone:
        slot = &out_.done;
        what = "done";
        break;
      case Signifier::kCancelled:
        slot = &out_.cancelled;
        what = "cancelled";
        break;
      default:
        break;
    }
    if (!util::NormalizeDate(value)) {
      // Remove the emoji only; whatever followed stays in the text for a person to see.
      const bool date_shaped = value.size() >= 10 && value[4] == '-' && value[7] == '-';
      AddDiagnostic(
          &out_.diagnostics, Severity::kWarning, "invalid-task-date",
          date_shaped
              ? std::string("task ") + what + " date '" + std::string(value) + "' is not a real day"
              : std::string("task ") + what + " signifier is not followed by a YYYY-MM-DD date");
      return after;
    }
    SetDate(slot, value, what);
    return end;
  }

  // A recurrence rule runs until the next signifier, tag, field or the end.
  size_t RecurrenceEnd(size_t i) const {
    size_t j = i;
    while (j < masked_.size()) {
      size_t k = j;
      const char32_t cp = util::DecodeUtf8(masked_, &k);
      if (Classify(cp) != Signifier::kNone) break;
      if ((cp == '#' || cp == '[' || cp == '@' || cp == '^') && j > i && masked_[j - 1] == ' ')
        break;
      j = k;
    }
    return j;
  }

  size_t ListValueEnd(size_t i, bool several) const {
    size_t j = i;
    while (j < masked_.size()) {
      if (IsIdChar(masked_[j])) {
        ++j;
      } else if (several && masked_[j] == ',') {
        j = SkipSpaces(masked_, j + 1);
      } else {
        break;
      }
    }
    return j;
  }

  void BlockId() {
    const std::string_view trimmed = util::TrimRight(masked_);
    const size_t caret = trimmed.rfind('^');
    if (caret == std::string_view::npos || (caret > 0 && masked_[caret - 1] != ' ')) return;
    const std::string_view id = trimmed.substr(caret + 1);
    if (id.empty() || !std::all_of(id.begin(), id.end(), IsIdChar)) return;
    out_.block_id = std::string(id);
    remove_.push_back({caret, trimmed.size()});
  }

  // Whether the text after `from` is all metadata: spans already recognized, and words
  // without two ASCII letters in a row. The latter lets dates, stray symbols and
  // mis-decoded emoji ("ğŸ“…") through, while any prose word ends the trailing zone.
  bool OnlyMetadataAfter(size_t from, const std::vector<Span>& extra) const {
    std::vector<Span> spans = remove_;
    spans.insert(spans.end(), extra.begin(), extra.end());
    auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    size_t i = from;
    while (i < masked_.size()) {
      bool covered = false;
      for (const Span& s : spans) {
        if (s.begin <= i && i < s.end) {
          i = s.end;
          covered = true;
          break;
        }
      }
      if (covered) continue;
      if (i + 1 < masked_.size() && is_letter(masked_[i]) && is_letter(masked_[i + 1])) {
        return false;
      }
      ++i;
    }
    return true;
  }

  void Owner() {
    const std::vector<MentionMatch> mentions = FindMentions(masked_);
    std::vector<Span> mention_spans;
    for (const MentionMatch& m : mentions) mention_spans.push_back(m.span);
    const MentionMatch* owner = nullptr;
    for (const MentionMatch& m : mentions) {
      if (OnlyMetadataAfter(m.span.end, mention_spans)) {
        owner = &m;
        break;
      }
    }
    if (!owner && !mentions.empty() &&
        util::Trim(masked_.substr(0, mentions[0].span.begin)).empty()) {
      owner = &mentions[0];
    }
    if (!owner) return;
    out_.owner = owner->name;
    remove_.push_back(owner->span);
  }

  std::string Remaining() const {
    std::vector<Span> spans = remove_;
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::string out;
    size_t pos = 0;
    for (const Span& s : spans) {
      if (s.begin > pos) out.append(text_.substr(pos, s.begin - pos));
      out.push_back(' ');
      pos = std::max(pos, s.end);
    }
    if (pos < text_.size()) out.append(text_.substr(pos));
    return util::CollapseWhitespace(out);
  }

  std::string_view text_;
  std::string_view masked_;
  std::vector<Span> remove_;
  TaskFields out_;
};

}  // namespace

TaskFields ParseTaskLine(std::string_view text, std::string_view masked) {
  return TaskLineParser(text, masked).Parse();
}

}  // namespace notestore::parse
