#!/usr/bin/env bash
# The journal's cost (issue 16): the same watch list classified with and without --journal, each run three times,
# best wall time kept. Usage: bench/journal.sh [SERVERS] (default 100000). Lists go to $BENCH_DIR (.build-bench/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product classify >/dev/null
swift build -c release --product classify-bench >/dev/null
n="${1:-100000}"
dir="${BENCH_DIR:-.build-bench}"
mkdir -p "$dir"
list="$dir/watchlist-$n.jsonl"
[ -s "$list" ] || .build/release/classify-bench generate --servers "$n" --output "$list"
classify=.build/release/classify
best() {  # best of three wall times, in seconds, of the command given
  local best=""
  for _ in 1 2 3; do
    rm -f "$dir/journal-bench.sqlite"*
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    local took
    took=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$took < $best" | bc)" = 1 ]; then best=$took; fi
  done
  echo "$best"
}
export CLASSIFY_REDACT_KEY=bench
plain=$(best $classify --format jsonl --no-summary --no-progress "$list")
journal=$(best $classify --format jsonl --no-summary --no-progress --journal "$dir/journal-bench.sqlite" "$list")
size=$(du -h "$dir/journal-bench.sqlite" | cut -f1)
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $n servers ($list)"
printf "without --journal   %6.2f s\n" "$plain"
printf "with --journal      %6.2f s   (+%.0f%%; journal file %s)\n" "$journal" "$(echo "($journal - $plain) * 100 / $plain" | bc -l)" "$size"
