#!/usr/bin/env bash
# Reliability checks (issue 8): kill -9 during ingest, reindex and build; concurrent ingests; corrupt indexes;
# hostile files.
# Prints each figure and exits non-zero when anything was lost.   usage: scripts/reliability.sh [N=2000]
# CONFIG=debug uses the debug build `swift test` leaves behind (CI runs it that way, with N = 600).
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
[ "$N" -ge 600 ] || N=600   # the concurrency check needs two disjoint sets of 300
CONFIG=${CONFIG:-release}
# One product per command: given two --product flags, swift build builds only the last.
for p in insights insights-bench; do swift build -c "$CONFIG" -Xswiftc -enable-testing --product $p >/dev/null || exit 1; done
BIN=$PWD/.build/$CONFIG/insights
BENCH=$PWD/.build/$CONFIG/insights-bench
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { # name expected actual
  if [ "$2" = "$3" ]; then echo "ok    $1: $3"; else echo "FAIL  $1: expected $2, got $3"; fail=1; fi
}
count() { "$BIN" sessions --journal "$1" --json 2>/dev/null | grep -c '"id"'; }

echo "== kill -9 during a $N-note ingest (8 kills at random moments, then a final ingest)"
"$BENCH" generate "$N" "$WORK/notes" >/dev/null
# How long an uninterrupted ingest takes, so the kills land anywhere in it: parsing, journal writes, the commit.
start=$(date +%s%N)
"$BIN" ingest --journal "$WORK/j-timing" "$WORK/notes" >/dev/null 2>&1
ms=$(( ($(date +%s%N) - start) / 1000000 )); rm -rf "$WORK/j-timing"
echo "      an uninterrupted ingest takes $ms ms; kills land between 5% and 100% of that"
J=$WORK/j-kill
for i in 1 2 3 4 5 6 7 8; do
  "$BIN" ingest --journal "$J" "$WORK/notes" >/dev/null 2>&1 &
  pid=$!
  at=$(( ms / 20 + RANDOM * ms / 32768 ))
  sleep "$(awk -v m="$at" 'BEGIN { printf "%.3f", m / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then echo "      kill $i at $at ms: $(count "$J") sessions indexed so far"; else echo "      kill $i at $at ms: the ingest had already finished"; fi
  wait "$pid" 2>/dev/null
  "$BIN" sessions --journal "$J" --json >/dev/null 2>&1 || { echo "FAIL  index unreadable after kill $i"; fail=1; }
done
"$BIN" ingest --journal "$J" "$WORK/notes" >/dev/null 2>&1
check "sessions after kills + final ingest" "$N" "$(count "$J")"
check "note files in the journal" "$N" "$(ls "$J"/*.md | wc -l)"

echo "== kill -9 during reindex and during build (old state or new, never half)"
for i in 1 2; do
  "$BIN" reindex --journal "$J" >/dev/null 2>&1 & pid=$!
  sleep "0.$((RANDOM % 9 + 1))"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  check "sessions readable after a killed reindex ($i)" "$N" "$(count "$J")"
done
for i in 1 2; do
  "$BIN" build --journal "$J" --output "$WORK/site" >/dev/null 2>&1 & pid=$!
  sleep "$((RANDOM % 4 + 1)).$((RANDOM % 10))"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  # The site is built in a temporary folder and swapped in: either no site yet or a whole one.
  if [ -e "$WORK/site" ] && [ ! -f "$WORK/site/index.html" ]; then echo "FAIL  half a site after a killed build ($i)"; fail=1
  else echo "ok    no half site after a killed build ($i): $( [ -e "$WORK/site" ] && echo 'previous site intact' || echo 'no site yet')"; fi
done
"$BIN" build --journal "$J" --output "$WORK/site" >/dev/null 2>&1
check "build after killed builds" "$N" "$(ls "$WORK/site/sessions" | grep -c '\.html$')"

echo "== two concurrent ingests of 300 different notes each"
mkdir -p "$WORK/a" "$WORK/b"
ls "$WORK/notes" | head -300 | while read -r f; do cp "$WORK/notes/$f" "$WORK/a/"; done
ls "$WORK/notes" | sed -n '301,600p' | while read -r f; do cp "$WORK/notes/$f" "$WORK/b/"; done
J=$WORK/j-concurrent
"$BIN" ingest --journal "$J" "$WORK/a" >/dev/null 2>"$WORK/a.err" & p1=$!
"$BIN" ingest --journal "$J" "$WORK/b" >/dev/null 2>"$WORK/b.err" & p2=$!
wait $p1; s1=$?; wait $p2; s2=$?
check "both ingests succeeded" "0 0" "$s1 $s2"
check "sessions after concurrent ingests" 600 "$(count "$J")"

echo "== corrupt and foreign indexes are detected, and reindex repairs them"
J=$WORK/j-corrupt
"$BIN" ingest --journal "$J" "$WORK/a" >/dev/null 2>&1
for damage in truncate garbage future; do
  case $damage in
    truncate) truncate -s 5000 "$J/.insights/index.sqlite"; rm -f "$J/.insights/index.sqlite-wal" "$J/.insights/index.sqlite-shm" ;;
    garbage) head -c 65536 /dev/urandom > "$J/.insights/index.sqlite"; rm -f "$J/.insights/index.sqlite-wal" "$J/.insights/index.sqlite-shm" ;;
    future) sqlite3 "$J/.insights/index.sqlite" "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')" ;;
  esac
  msg=$("$BIN" sessions --journal "$J" 2>&1 >/dev/null); code=$?
  case "$msg" in *"insights reindex"*) echo "ok    $damage index: exit $code, \"${msg:0:110}\"" ;;
    *) echo "FAIL  $damage index: exit $code, \"$msg\""; fail=1 ;; esac
  "$BIN" reindex --journal "$J" >/dev/null 2>&1
  check "sessions after reindex ($damage)" 300 "$(count "$J")"
done

echo "== hostile files: each bad file named once, the others ingested, exit code 1"
H=$WORK/hostile; mkdir -p "$H"
cp "$WORK/notes/$(ls "$WORK/notes" | head -1)" "$H/good one.md"
printf '# Café ünïcödé 2026-01-05\n\n## TODO\n- [ ] ok\n' > "$H/ünïcödé name.md"
printf '\xef\xbb\xbf# CRLF 2026-01-06\r\n\r\n## TODO\r\n- [ ] crlf item\r\n' > "$H/crlf-bom.md"
: > "$H/empty.md"
head -c 4096 /dev/urandom > "$H/binary.md"
printf '# Latin1 caf\xe9\n' > "$H/latin1.md"
head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$H/huge.md"
{ echo "# Table 2026-01-07"; echo; echo "| a | b |"; echo "|---|---|"; for i in $(seq 50000); do echo "| $i | Done |"; done; } > "$H/table.md"
{ echo "# Deep 2026-01-08"; printf '%.0s>' $(seq 10000); echo " deep"; } > "$H/deep.md"
{ echo "# Long 2026-01-09"; head -c 3000000 /dev/zero | tr '\0' 'x'; echo; } > "$H/long-line.md"
# ".." inside a name (not leading: folder walks skip hidden files such as editor swap files, by design)
mkdir -p "$H/sub"; printf '# Dots 2026-01-10\n\n- [ ] x\n' > "$H/sub/weird..name...md"
J=$WORK/j-hostile
out=$(timeout 120 "$BIN" ingest --journal "$J" "$H" 2>&1); code=$?
check "exit code with bad files" 1 "$code"
check "bad files reported" 4 "$(echo "$out" | grep -c '^failed')"
check "good files ingested" 7 "$(count "$J")"
echo "$out" | grep '^failed' | sed 's/^/      /'
check "journal files stay inside the journal" 0 "$(find "$J" -name '*.md' | grep -c '\.\./')"

[ $fail = 0 ] && echo "reliability: all checks passed" || echo "reliability: FAILURES above"
exit $fail
