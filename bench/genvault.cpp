// genvault OUT_DIR [--notes N] [--seed S]: writes a generated vault (see
// vault_generator.h) and prints what it wrote.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "vault_generator.h"

namespace {

constexpr const char* kUsage = "usage: genvault OUT_DIR [--notes N] [--seed S]\n";

// Whole-string unsigned parse; false on garbage, a sign or overflow, so that
// `--notes 10k` is an error rather than a vault of 10 notes.
bool ParseCount(const char* text, unsigned long long& out) {
  if (text[0] < '0' || text[0] > '9') return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtoull(text, &end, 10);
  return errno == 0 && *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
  // OUT_DIR comes first; a first argument that looks like an option (say
  // `--help`) must not become a directory full of notes.
  if (argc < 2 || argv[1][0] == '-') {
    std::fprintf(stderr, "%s", kUsage);
    return 2;
  }
  notestore::bench::GeneratorOptions options;
  for (int i = 2; i < argc; i += 2) {
    const std::string flag = argv[i];
    unsigned long long value = 0;
    if (i + 1 >= argc || !ParseCount(argv[i + 1], value)) {
      std::fprintf(stderr, "genvault: %s needs a whole number\n%s", flag.c_str(), kUsage);
      return 2;
    }
    if (flag == "--notes" && value > 0 && value <= 10'000'000) {
      options.notes = static_cast<int>(value);
    } else if (flag == "--seed") {
      options.seed = value;
    } else {
      std::fprintf(stderr, "genvault: bad option %s %s\n%s", flag.c_str(), argv[i + 1], kUsage);
      return 2;
    }
  }
  const auto notes = notestore::bench::GenerateVault(options);
  const int64_t bytes = notestore::bench::WriteVault(notes, argv[1]);
  std::printf("wrote %zu notes, %.1f MB, to %s\n", notes.size(), static_cast<double>(bytes) / 1e6,
              argv[1]);
  return 0;
}
