#!/usr/bin/env bash
# Runs every benchmark: builds in release mode, generates the synthetic watch lists (deterministic, seed 1) into
# $BENCH_DIR (default .build-bench/, git-ignored), then measures the text views, the matching core and classify end
# to end with one job and with every core, and the cost of each stage per name (classify-bench stages), on the
# default lists and on the realistic mix. Usage: bench/run.sh [10000 100000 1000000 ...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product classify
swift build -c release --product classify-bench
bench=.build/release/classify-bench
dir="${BENCH_DIR:-.build-bench}"
mkdir -p "$dir"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(swift --version 2>/dev/null | head -1)"
$bench views
for n in "${sizes[@]}"; do
  list="$dir/watchlist-$n.jsonl"
  [ -s "$list" ] || $bench generate --servers "$n" --output "$list"
  # The matching core holds every server in memory: skip it above 100 000 servers.
  [ "$n" -le 100000 ] && $bench core --input "$list"
  [ "$n" -le 100000 ] && $bench stages --input "$list"
  $bench e2e --input "$list"
done
# The mix measured on real layouts (bench/realistic-mix.json), as bench/peers.sh reads it.
real="$dir/realistic-20000.jsonl"
[ -s "$real" ] || $bench generate --realistic --servers 20000 --output "$real"
$bench stages --input "$real"
$bench e2e --input "$real"
# Peak memory on a 1 GB watch list.
big="$dir/watchlist-1GB.jsonl"
[ -s "$big" ] || $bench generate --megabytes 1024 --output "$big"
$bench e2e --input "$big" --jobs "$(nproc)"
