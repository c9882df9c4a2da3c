#include "decode/note_text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "util/unique_fd.h"
#include "util/utf8.h"

namespace notestore::decode {
namespace {

// Windows-1252 bytes 0x80-0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t Cp1252ToUnicode(unsigned char b) {
  if (b >= 0x80 && b <= 0x9F) {
    const char16_t cp = kCp1252High[b - 0x80];
    return cp == 0 ? util::kReplacementChar : cp;
  }
  return b;  // Latin-1 range coincides with Unicode.
}

}  // namespace

ReadOutcome ReadFile(const std::string& path, int64_t max_bytes, std::string* out,
                     Diagnostics* diagnostics) {
  out->clear();
  // O_NONBLOCK: the path was a regular file at the scan, but it could be a FIFO now,
  // whose open would wait for a writer forever.
  const util::UniqueFd file(open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  const int fd = file.get();
  if (fd < 0) {
    if (errno == ENOENT) {
      AddDiagnostic(diagnostics, Severity::kWarning, "file-vanished",
                    "file was deleted or renamed during the ingest");
      return ReadOutcome::kVanished;
    }
    AddDiagnostic(diagnostics, Severity::kError, "unreadable-file",
                  std::string("cannot open file: ") + std::strerror(errno));
    return ReadOutcome::kFailed;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    AddDiagnostic(diagnostics, Severity::kError, "unreadable-file",
                  "no longer a regular file; not read");
    return ReadOutcome::kFailed;
  }
  if (st.st_size > 0) out->reserve(static_cast<size_t>(std::min<int64_t>(st.st_size, max_bytes)));
  char buf[1 << 16];
  while (true) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      AddDiagnostic(diagnostics, Severity::kError, "unreadable-file",
                    std::string("read error: ") + std::strerror(errno));
      out->clear();
      return ReadOutcome::kFailed;
    }
    out->append(buf, static_cast<size_t>(n));
    if (static_cast<int64_t>(out->size()) > max_bytes) {  // It grew since the scan.
      AddDiagnostic(diagnostics, Severity::kError, "file-too-large",
                    "file grew past the limit of " + std::to_string(max_bytes) +
                        " bytes while being read; not ingested");
      out->clear();
      out->shrink_to_fit();
      return ReadOutcome::kTooLarge;
    }
  }
  return ReadOutcome::kRead;
}

bool LooksBinary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 8192);
  return head.find('\0') != std::string_view::npos;
}

DecodedText DecodeNoteBytes(std::string_view bytes) {
  DecodedText out;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.remove_prefix(3);
  out.text.reserve(bytes.size());
  size_t invalid_bytes = 0;
  size_t nul_bytes = 0;
  int first_invalid_line = 0;
  int line = 1;
  size_t pos = 0;
  while (pos < bytes.size()) {
    const unsigned char c = static_cast<unsigned char>(bytes[pos]);
    if (c == '\r') {
      out.text.push_back('\n');
      ++line;
      pos += (pos + 1 < bytes.size() && bytes[pos + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c == 0) {  // Past the binary check's window; SQLite text must not hold NULs.
      ++nul_bytes;
      util::AppendUtf8(util::kReplacementChar, &out.text);
      ++pos;
      continue;
    }
    if (c < 0x80) {
      if (c == '\n') ++line;
      out.text.push_back(static_cast<char>(c));
      ++pos;
      continue;
    }
    const size_t start = pos;
    const char32_t cp = util::DecodeUtf8(bytes, &pos);
    if (cp == util::kReplacementChar && pos - start == 1) {
      ++invalid_bytes;
      if (first_invalid_line == 0) first_invalid_line = line;
      util::AppendUtf8(Cp1252ToUnicode(c), &out.text);
    } else {
      out.text.append(bytes.substr(start, pos - start));
    }
  }
  if (invalid_bytes > 0) {
    AddDiagnostic(&out.diagnostics, Severity::kWarning, "invalid-utf8",
                  std::to_string(invalid_bytes) +
                      " byte(s) were not valid UTF-8 and were read as Windows-1252",
                  first_invalid_line);
  }
  if (nul_bytes > 0) {
    AddDiagnostic(&out.diagnostics, Severity::kWarning, "nul-bytes",
                  std::to_string(nul_bytes) + " NUL byte(s) were replaced by U+FFFD");
  }
  return out;
}

}  // namespace notestore::decode
