#!/usr/bin/env bash
# Mutation fuzzing (issue 8): mutated real notes through extraction and the HTML renderer for a fixed budget.
#   scripts/fuzz.sh [SECONDS=120] [SEED=1]
# On a crash the input is in $TMPDIR/insights-fuzz-last-input.md: add it as a regression test
# (Tests/InsightsTests/Extraction/HostileMarkdownTests.swift) with a sentence naming the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpus}
[ -d "$CORPUS" ] || { echo "fuzz: $CORPUS is absent; set CORPUS=DIR to a folder of notes" >&2; exit 1; }
swift build -c release -Xswiftc -enable-testing --product insights-bench >/dev/null
.build/release/insights-bench fuzz "${1:-120}" "$CORPUS" "${2:-1}"
