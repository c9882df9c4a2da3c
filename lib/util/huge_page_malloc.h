// Transparent huge pages for malloc. glibc (2.35 and later) backs the memory malloc
// takes from the kernel with 2 MB pages only when its `glibc.malloc.hugetlb` tunable says
// so, and tunables are read from the environment (GLIBC_TUNABLES) as a program starts:
// a program that wants them runs itself again with the variable set.
//
// Why: on the 2-core VM of docs/performance.md a page fault costs about 6 us, and a
// re-sync of 100,000 notes with 1% changed takes 51,000 of them (mostly SQLite's page
// cache and the lists of files, each filled once); with huge pages 16,000. Measured
// there, four interleaved pairs: that re-sync 2.29 -> 2.06 s (medians), nothing changed
// 0.41-0.44 -> 0.36-0.37 s; a first ingest at 100k within the hour's swings (67.4 s
// against 68.2 s without, in a fast hour), its peak RSS 7 MB higher.
#ifndef NOTESTORE_LIB_UTIL_HUGE_PAGE_MALLOC_H_
#define NOTESTORE_LIB_UTIL_HUGE_PAGE_MALLOC_H_

#include <optional>
#include <string>

namespace notestore::util {

// Set to "0" to run without (under a debugger or valgrind, say): RerunWithHugePageMalloc
// then does nothing. A rerun process has it set to "rerun", so that it never runs again
// even if glibc dropped the tunable.
inline constexpr const char* kHugePagesVariable = "NOTESTORE_HUGE_PAGES";

// The GLIBC_TUNABLES value a process should run again with for malloc to use huge pages,
// given what its environment holds (`tunables`, `opt_out`: null when unset), the glibc it
// runs on ("2.36") and the kernel's modes of transparent huge pages (the text of
// /sys/kernel/mm/transparent_hugepage/enabled, the chosen one in brackets). nullopt when
// it should not: the tunable is set already (to any value: the user's choice stands),
// `opt_out` is "0" or "rerun" (this is the rerun), glibc is older than 2.35 (which
// ignores the tunable), or the mode is not "madvise" ("always" gives malloc huge pages
// anyway, "never" to no one).
std::optional<std::string> HugePageTunables(const char* tunables, const char* opt_out,
                                            const std::string& glibc_version,
                                            const std::string& thp_modes);

// Runs this program again, with the same arguments and environment plus the tunable,
// when HugePageTunables says so for this process (on Linux with glibc; elsewhere it does
// nothing; nor in a setuid or otherwise secure process, whose tunables glibc ignores, nor
// when the program was started through the dynamic loader, which /proc/self/exe would
// name). Returns only when it does not, or when exec fails (the environment is then as
// it was). Call it first thing in main(), before any thread starts or file opens.
void RerunWithHugePageMalloc(char** argv);

// Whether this process runs with malloc's huge pages asked for (GLIBC_TUNABLES holds
// glibc.malloc.hugetlb=1), for reports.
bool HugePageMallocRequested();

}  // namespace notestore::util

#endif  // NOTESTORE_LIB_UTIL_HUGE_PAGE_MALLOC_H_
