#include "support/versioned_vault.h"

#include <vector>

#include "vault_generator.h"

namespace notestore::testing {

VersionedVault WriteVersionedVault(const std::string& root, int notes, int target_bytes,
                                   int changed_every) {
  bench::GeneratorOptions g;
  g.notes = notes;
  g.target_bytes = target_bytes;
  g.me = kGeneratedMe;
  const std::vector<bench::GeneratedNote> later = bench::GenerateVault(g);
  std::vector<bench::GeneratedNote> earlier;
  for (size_t i = 0; i < later.size(); ++i) {
    if (i % 50 == 7) continue;
    earlier.push_back(later[i]);
    if (i % static_cast<size_t>(changed_every) == 0) {
      earlier.back().text += "\n- [ ] an action item later dropped @" + g.me + "\n";
    }
  }
  for (int i = 0; i < 40; ++i) {
    earlier.push_back({"Archive/retired " + std::to_string(i) + ".md",
                       "# Retired\n- [ ] task of a deleted note " + std::to_string(i) + "\n"});
  }
  VersionedVault v{root + "/old", root + "/new"};
  bench::WriteVault(later, v.new_dir);
  bench::WriteVault(earlier, v.old_dir);
  return v;
}

}  // namespace notestore::testing
