#include "util/huge_page_malloc.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#if defined(__linux__) && defined(__GLIBC__)
#include <gnu/libc-version.h>
#include <sys/auxv.h>
#endif

namespace notestore::util {
namespace {

constexpr const char* kTunable = "glibc.malloc.hugetlb";
constexpr const char* kRerun = "rerun";  // kHugePagesVariable's value in a rerun process.

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
  if (opt_out != nullptr && (std::strcmp(opt_out, "0") == 0 || std::strcmp(opt_out, kRerun) == 0)) {
    return std::nullopt;
  }
  if (tunables != nullptr && std::strstr(tunables, kTunable) != nullptr) return std::nullopt;
  if (!KnowsTheTunable(glibc_version)) return std::nullopt;
  if (thp_modes.find("[madvise]") == std::string::npos) return std::nullopt;
  const std::string mine = std::string(kTunable) + "=1";
  if (tunables == nullptr || *tunables == '\0') return mine;
  return std::string(tunables) + ":" + mine;  // The user's other tunables kept.
}

void RerunWithHugePageMalloc(char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
  // Secure processes ignore tunables; AT_BASE is 0 when there is no interpreter, as when
  // the loader itself was run (then /proc/self/exe is the loader, not this program).
  if (getauxval(AT_SECURE) != 0 || getauxval(AT_BASE) == 0) return;
  std::string modes;
  std::getline(std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled"), modes);
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const char* opt_out = std::getenv(kHugePagesVariable);
  const std::optional<std::string> value =
      HugePageTunables(tunables, opt_out, gnu_get_libc_version(), modes);
  if (!value) return;
  // Copies: setenv may free the strings getenv returned.
  const std::optional<std::string> saved_tunables =
      tunables ? std::optional<std::string>(tunables) : std::nullopt;
  const std::optional<std::string> saved_opt_out =
      opt_out ? std::optional<std::string>(opt_out) : std::nullopt;
  auto put_back = [](const char* name, const std::optional<std::string>& saved) {
    if (saved) {
      setenv(name, saved->c_str(), 1);
    } else {
      unsetenv(name);
    }
  };
  if (setenv("GLIBC_TUNABLES", value->c_str(), 1) == 0 &&
      setenv(kHugePagesVariable, kRerun, 1) == 0) {
    execv("/proc/self/exe", argv);
  }
  // Still here: this process carries on as it is, its environment as it was.
  put_back("GLIBC_TUNABLES", saved_tunables);
  put_back(kHugePagesVariable, saved_opt_out);
#else
  (void)argv;
#endif
}

bool HugePageMallocRequested() {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables == nullptr) return false;
  // As a whole item of the colon-separated list: "=10" is not "=1".
  const std::string list = std::string(":") + tunables + ":";
  return list.find(std::string(":") + kTunable + "=1:") != std::string::npos;
}

}  // namespace notestore::util
