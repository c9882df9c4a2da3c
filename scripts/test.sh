#!/usr/bin/env bash
# Every test: installs what is missing, builds, and runs the whole suite with ctest; then
# builds it again with AddressSanitizer and UndefinedBehaviorSanitizer and runs it all
# under them; then runs each libFuzzer harness for a bounded time (60 s by default).
#   NOTESTORE_QUICK_TEST=1       only the first pass
#   NOTESTORE_FUZZ_SECONDS=N     seconds per fuzzer
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
[ "${NOTESTORE_QUICK_TEST:-0}" = 1 ] && exit 0

echo "== the whole suite again under ASan + UBSan (build-asan)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
ctest --preset asan -j"$(nproc)"

echo "== fuzzers (build-fuzz)"
./scripts/fuzz.sh "${NOTESTORE_FUZZ_SECONDS:-60}"
