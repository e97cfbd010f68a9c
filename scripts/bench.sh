#!/usr/bin/env bash
# Performance table (issue 7): insights beside the tools users know, on the same generated notes.
#   scripts/bench.sh [N...]     default N = 2000; e.g. scripts/bench.sh 2000 10000 50000
# Prints one markdown table per N. Needs: cmark-gfm, hugo, ripgrep (make bench installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(2000)
for tool in cmark-gfm hugo rg; do
  command -v $tool >/dev/null || { echo "installing $tool's package"; apt-get install -y -qq cmark-gfm hugo ripgrep >/dev/null; }
done
# insights as `make build` builds it (the Swift runtime linked in); the bench tool, which drives the CLI's
# internals (`-enable-testing`), in a build folder of its own so the two do not rebuild each other.
swift build -c release --static-swift-stdlib --product insights >/dev/null
swift build -c release --static-swift-stdlib -Xswiftc -enable-testing --product insights-bench --scratch-path .build/bench >/dev/null
BIN=$PWD/.build/release/insights
BENCH=$PWD/.build/bench/release/insights-bench
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# seconds and peak RSS (MB) of a command: prints "SECONDS MB"
measure() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.2f %d", $1, $2/1024}' "$WORK/time"
}
secs() { echo "$1" | cut -d' ' -f1; }
rss() { echo "$1" | cut -d' ' -f2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "n/a" }'; }
size() { du -sk "$1" | awk '{printf "%.1f MB", $1 / 1024}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d)"
for N in "${SIZES[@]}"; do
  D=$WORK/n$N; mkdir -p "$D"
  "$BENCH" generate "$N" "$D/notes" >/dev/null
  NOTES_MB=$(find "$D/notes" -name '*.md' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1048576}')

  # Hugo with trivial templates over the same notes.
  H=$D/hugo; mkdir -p "$H/layouts/_default" "$H/content"
  printf 'baseURL = "http://example.org/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n' > "$H/hugo.toml"
  printf '<html><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n' > "$H/layouts/_default/list.html"
  printf '<html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n' > "$H/layouts/_default/single.html"
  cp "$D/notes"/*.md "$H/content/" 2>/dev/null || find "$D/notes" -name '*.md' -exec cp {} "$H/content/" \;

  # A cold ingest, hugo and a full build, three times in turn, each from nothing: the median of each (one run
  # of either moved by ±30% on a shared VM). Each run writes into folders of its own, and nothing is deleted
  # until the bench ends: on an ext4 without a journal (this VM's), creating a file right after thousands were
  # deleted scans past every recently deleted inode, which cost the first tool to run after a `rm -rf` up to
  # a sixth of its CPU.
  : > "$WORK/ingest.m"; : > "$WORK/hugo.m"; : > "$WORK/build.m"
  for run in 1 2 3; do
    J=$D/journal$run; HOUT=$D/hugo-out$run; SITE=$D/site$run
    measure "$BIN" ingest --journal "$J" "$D/notes" >> "$WORK/ingest.m"; echo >> "$WORK/ingest.m"
    measure hugo --quiet -s "$H" -d "$HOUT" >> "$WORK/hugo.m"; echo >> "$WORK/hugo.m"
    measure "$BIN" build --journal "$J" --output "$SITE" >> "$WORK/build.m"; echo >> "$WORK/build.m"
  done
  median() { sort -n "$1" | sed -n 2p; }
  ingest=$(median "$WORK/ingest.m"); hugo=$(median "$WORK/hugo.m"); build=$(median "$WORK/build.m")
  reingest=$(measure "$BIN" ingest --journal "$J" "$D/notes")
  cmark=$(measure bash -c "find '$D/notes' -name '*.md' -print0 | xargs -0 cmark-gfm -e table -e tasklist -e strikethrough -e autolink -e tagfilter")
  hugo2=$(measure hugo --quiet -s "$H" -d "$HOUT")
  rebuild=$(measure "$BIN" build --journal "$J" --output "$SITE")
  tasks=$(measure "$BIN" tasks --json --journal "$J")
  failures=$(measure "$BIN" failures --json --journal "$J")

  # Search: 100 queries through the whole command, beside rg -i over the journal.
  words=(migration webhook timeout flaky retry cache deadlock schema pool locale index export auth queue billing
         compaction delegating drift cookie invoice pipeline scheduler metrics fixtures logging tests cookies pdf gmail docker)
  # Wall time in microseconds from bash's clock (/usr/bin/time counts in steps of 10 ms).
  : > "$WORK/search.t"; : > "$WORK/rg.t"
  elapsed() { local t0=${EPOCHREALTIME/./} t1; "$@" >/dev/null 2>&1 || true; t1=${EPOCHREALTIME/./}; echo $((t1 - t0)); }
  for i in $(seq 0 99); do
    w=${words[$((i % ${#words[@]}))]}
    elapsed "$BIN" search "$w" --journal "$J" --limit 20 >> "$WORK/search.t"
    elapsed rg -i -c "$w" "$J" >> "$WORK/rg.t"
  done
  pct() { sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; printf "%.1f", a[i] / 1000}'; }
  s50=$(pct "$WORK/search.t" 50); s95=$(pct "$WORK/search.t" 95); r50=$(pct "$WORK/rg.t" 50); r95=$(pct "$WORK/rg.t" 95)
  inproc=$("$BENCH" search "$J" 2>/dev/null || echo "n/a")

  # The daily case: one new note into the journal, then the site rebuilt for it.
  "$BENCH" generate $((N + 1)) "$D/next" >/dev/null
  newnote=$(comm -13 <(ls "$D/notes") <(ls "$D/next") | head -1)
  onenote=$(measure "$BIN" ingest --journal "$J" "$D/next/$newnote")
  onebuild=$(measure "$BIN" build --journal "$J" --output "$SITE")

  idx=$(size "$J/.insights"); site=$(size "$SITE")
  jsidx=$(du -k "$SITE/search-index.js" 2>/dev/null | awk '{printf "%d kB", $1}')
  text=$(find "$SITE" -name '*.html' -exec cat {} + | wc -c | awk '{printf "%d kB", $1/1024}')

  echo
  echo "### N = $N notes ($NOTES_MB MB)"
  echo
  echo "| figure | insights | peer | ratio | insights max RSS |"
  echo "|---|---|---|---|---|"
  echo "| ingest, cold (median of 3) | $(secs "$ingest") s ($(awk -v n=$N -v s=$(secs "$ingest") 'BEGIN{printf "%d", n/s}') notes/s) | cmark-gfm $(secs "$cmark") s, hugo $(secs "$hugo") s | $(ratio $(secs "$ingest") $(secs "$hugo")) of hugo | $(rss "$ingest") MB |"
  echo "| re-ingest, unchanged | $(secs "$reingest") s | | | $(rss "$reingest") MB |"
  echo "| build, full (median of 3) | $(secs "$build") s | hugo $(secs "$hugo") s | $(ratio $(secs "$build") $(secs "$hugo")) | $(rss "$build") MB |"
  echo "| build, no change | $(secs "$rebuild") s | hugo $(secs "$hugo2") s | $(ratio $(secs "$rebuild") $(secs "$hugo2")) | $(rss "$rebuild") MB |"
  echo "| search, whole command p50 / p95 | $s50 / $s95 ms | rg -i $r50 / $r95 ms | $(ratio $s50 $r50) / $(ratio $s95 $r95) | |"
  echo "| search, in-process p50 / p95 | $inproc | | | |"
  echo "| one new note: ingest / build | $(secs "$onenote") s / $(secs "$onebuild") s | | | $(rss "$onenote") / $(rss "$onebuild") MB |"
  echo "| tasks --json | $(secs "$tasks") s | | | $(rss "$tasks") MB |"
  echo "| failures --json | $(secs "$failures") s | | | $(rss "$failures") MB |"
  echo "| index on disk / site on disk | $idx / $site | | | |"
  echo "| browser search index / site text | $jsidx / $text | | | |"
  # Left in place until the bench ends (see above): a few GB at N = 50,000.
done
