// genvault OUT_DIR [--notes N] [--seed S]: writes a generated vault (see
// vault_generator.h) and prints what it wrote.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "vault_generator.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: genvault OUT_DIR [--notes N] [--seed S]\n");
    return 2;
  }
  notestore::bench::GeneratorOptions options;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--notes") {
      options.notes = std::atoi(argv[i + 1]);
    } else if (flag == "--seed") {
      options.seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else {
      std::fprintf(stderr, "genvault: unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  const auto notes = notestore::bench::GenerateVault(options);
  const int64_t bytes = notestore::bench::WriteVault(notes, argv[1]);
  std::printf("wrote %zu notes, %.1f MB, to %s\n", notes.size(), static_cast<double>(bytes) / 1e6,
              argv[1]);
  return 0;
}
