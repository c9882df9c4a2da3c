#include "util/huge_page_malloc.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#if defined(__linux__) && defined(__GLIBC__)
#include <gnu/libc-version.h>
#endif

namespace notestore::util {
namespace {

constexpr const char* kTunable = "glibc.malloc.hugetlb";

// "2.36" -> true for 2.35 and later.
bool KnowsTheTunable(const std::string& glibc_version) {
  int major = 0;
  int minor = 0;
  if (std::sscanf(glibc_version.c_str(), "%d.%d", &major, &minor) != 2) return false;
  return major > 2 || (major == 2 && minor >= 35);
}

}  // namespace

std::optional<std::string> HugePageTunables(const char* tunables, const char* opt_out,
                                            const std::string& glibc_version,
                                            const std::string& thp_modes) {
  if (opt_out != nullptr && std::strcmp(opt_out, "0") == 0) return std::nullopt;
  if (tunables != nullptr && std::strstr(tunables, kTunable) != nullptr) return std::nullopt;
  if (!KnowsTheTunable(glibc_version)) return std::nullopt;
  if (thp_modes.find("[madvise]") == std::string::npos) return std::nullopt;
  const std::string mine = std::string(kTunable) + "=1";
  if (tunables == nullptr || *tunables == '\0') return mine;
  return std::string(tunables) + ":" + mine;  // The user's other tunables kept.
}

void RerunWithHugePageMalloc(char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
  std::string modes;
  std::getline(std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled"), modes);
  const char* before = std::getenv("GLIBC_TUNABLES");
  const std::optional<std::string> value =
      HugePageTunables(before, std::getenv(kHugePagesVariable), gnu_get_libc_version(), modes);
  if (!value) return;
  const std::optional<std::string> saved =
      before ? std::optional<std::string>(before) : std::nullopt;
  if (setenv("GLIBC_TUNABLES", value->c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Still here: this process carries on as it is, its environment as it was.
  if (saved) {
    setenv("GLIBC_TUNABLES", saved->c_str(), 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
#else
  (void)argv;
#endif
}

bool HugePageMallocRequested() {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  return tunables != nullptr && std::strstr(tunables, "glibc.malloc.hugetlb=1") != nullptr;
}

}  // namespace notestore::util
