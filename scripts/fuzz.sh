#!/usr/bin/env bash
# Fuzzes the readers, the text views and the engine with libFuzzer (Fuzz/harness/FuzzTarget.swift).
# Usage: scripts/fuzz.sh [SECONDS] (default 300). The corpus grows in .build-fuzz/corpus (seeded from Fixtures/),
# crashing inputs are written to .build-fuzz/crash-*; replay one with `swift run classify-fuzz FILE`, then keep it in
# Fuzz/regressions/ so `scripts/test.sh` replays it for good.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
scripts/install-deps.sh
swift build -c release --product classify-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
mkdir -p .build-fuzz/corpus
cp -n Fixtures/*.json Fuzz/regressions/* Rules/*.yaml .build-fuzz/corpus/ 2>/dev/null || true
CLASSIFY_RULES="$PWD/Rules" .build-fuzz/release/classify-fuzz .build-fuzz/corpus \
  -max_total_time="$seconds" -max_len=8192 -rss_limit_mb=4096 -artifact_prefix=.build-fuzz/crash- \
  -print_final_stats=1
