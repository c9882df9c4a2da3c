#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan + UBSan) and runs each for a bounded time.
#   scripts/fuzz.sh [SECONDS_PER_FUZZER]    (default 60)
# Seeds: tests/fuzz/corpus/<name>, the fixture and example vaults, and every saved
# regression. The working corpus grows in build-fuzz/corpus/<name> across runs. A crash
# leaves its input in build-fuzz/artifacts/; copy it to tests/fuzz/regressions/<name>/
# (named after what it found) so the normal suite replays it, then fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"
mkdir -p build-fuzz/artifacts
status=0
for name in parse search; do
  corpus="build-fuzz/corpus/$name"
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
  if [ "$name" = parse ]; then
    find tests/fixtures examples/vault -name '*.md' -size -64k -exec cp -n {} "$corpus"/ \; 2>/dev/null || true
  fi
  echo "== ${name}_fuzzer for ${seconds}s"
  log="build-fuzz/${name}.log"
  rc=0
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    build-fuzz/bin/"${name}"_fuzzer "$corpus" tests/fuzz/regressions/"$name" \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=build-fuzz/artifacts/"$name"- -print_final_stats=1 >"$log" 2>&1 || rc=$?
  grep -E "INITED|DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$log" || true
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -E "ERROR|SUMMARY|fuzz check|Test unit written|==[0-9]+==" "$log" | head -20 || true
    echo "${name}_fuzzer found a problem (exit $rc); the whole log is $log"
  fi
done
exit $status
