#!/usr/bin/env bash
# Installs notestore into a temporary prefix, builds examples/cpp against it with
# find_package(notestore), and a one-file program with pkg-config, and runs both.
# Arguments: SOURCE_DIR BUILD_DIR CLI
set -euo pipefail
src=$1 build=$2 cli=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
"$cli" ingest "$src/tests/fixtures/vault" --db "$work/fixture.db" --me "Dana Whitfield" -q

# CMake: find_package(notestore) and notestore::notestore.
cmake -S "$src/examples/cpp" -B "$work/example" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/example" >/dev/null
out=$("$work/example/open_tasks" "$work/fixture.db" rotterdam)
echo "$out"
grep -q "^Priya Raman (3)$" <<<"$out"
grep -q "  - Review the forecast  \[due 2024-03-22\]" <<<"$out"
grep -q "note  Harborline kickoff" <<<"$out"

# pkg-config.
cat > "$work/pc.cpp" <<'CPP'
#include <notestore/notestore.h>
#include <iostream>
int main(int, char** argv) {
  std::cout << notestore::Store::open(argv[1]).people().size() << "\n";
}
CPP
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig:$work/prefix/lib/x86_64-linux-gnu/pkgconfig"
# shellcheck disable=SC2046
g++ -o "$work/pc" "$work/pc.cpp" $(pkg-config --cflags --libs notestore)
test "$("$work/pc" "$work/fixture.db")" = "5"
echo "package ok"
