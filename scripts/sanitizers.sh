#!/usr/bin/env bash
# The test suite under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer (issue 8). Each is a full
# build in its own scratch folder (.build-address, .build-thread): about 10 minutes each on 2 cores.
#   scripts/sanitizers.sh            # both
#   scripts/sanitizers.sh thread     # one
# The browser end-to-end suite is skipped: Chromium is not instrumented and only slows the run down.
set -uo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
failed=0
for s in "${@:-address thread}"; do
  for one in $s; do
    log=".build-$one.log"
    echo "== swift test -sanitize=$one (log: $log)"
    start=$(date +%s)
    if swift test --scratch-path ".build-$one" -Xswiftc -sanitize="$one" --skip Browser >"$log" 2>&1; then
      echo "   passed: $(grep -E 'Test run with' "$log" | tail -1) ($(( $(date +%s) - start )) s)"
    else
      failed=1
      echo "   FAILED ($(( $(date +%s) - start )) s):"
      grep -E "ERROR: (Address|Leak|Thread)Sanitizer|WARNING: ThreadSanitizer|SUMMARY:|✘" "$log" | head -20 | sed 's/^/   /'
    fi
  done
done
exit $failed
