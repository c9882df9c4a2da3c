// What a harness does when a property fails: print it and abort, which libFuzzer (and
// the replay driver, through the test's exit status) reports as a crash with its input.
#ifndef NOTESTORE_TESTS_FUZZ_FUZZ_CHECK_H_
#define NOTESTORE_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                                      \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", what, __FILE__, __LINE__); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

#endif  // NOTESTORE_TESTS_FUZZ_FUZZ_CHECK_H_
