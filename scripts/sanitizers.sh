#!/usr/bin/env bash
# The test suite under AddressSanitizer and ThreadSanitizer (issue 8). Slow: run it before a release.
set -euo pipefail
cd "$(dirname "$0")/.."
for s in address thread; do
  echo "== swift test -sanitize=$s"
  swift test --scratch-path ".build-$s" -Xswiftc -sanitize=$s --skip Browser 2>&1 | tail -3
done
