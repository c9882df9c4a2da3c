#include "support/versioned_vault.h"

#include <algorithm>
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
  std::vector<bench::GeneratedNote> early = later;
  std::sort(early.begin(), early.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  for (size_t i = 0; i < early.size() && i < 100; ++i) {
    early[i].text += "\n- [ ] an early action item later dropped @" + g.me + "\n";
  }
  VersionedVault v{root + "/old", root + "/new", root + "/early"};
  bench::WriteVault(later, v.new_dir);
  bench::WriteVault(earlier, v.old_dir);
  bench::WriteVault(early, v.early_dir);
  return v;
}

}  // namespace notestore::testing
