#!/usr/bin/env bash
# classify against the tools a platform engineer would script instead (issue 14), on the same generated watch list
# and in one run: classify --format jsonl with one job and with every core, `rg -P -i` any-match with the bundled
# packs' patterns flattened into alternations (two: one is too large for PCRE2) over the flat list of names (one
# core, bench/peer_rg.sh), and orjson + Hyperscan any-match
# over the JSON Lines (bench/peer_hyperscan.py, one core). Prints names/s for each and the ratios.
#
# Usage: bench/peers.sh [SERVERS]   (default 20000: ~740 000 names; the realistic mix, seed 1)
# Environment: ROUNDS (default 3; each figure is the best of them, the machine being shared), BENCH_DIR (default
# .build-bench/), CLASSIFY (default .build/release/classify; another build to compare), SKIP_BUILD=1.
# Installs ripgrep (apt) and orjson and hyperscan (pip) when missing. The Hyperscan database is compiled once
# (minutes) and kept in BENCH_DIR; neither peer's timing includes compiling.
set -euo pipefail
cd "$(dirname "$0")/.."
servers=${1:-20000}
rounds=${ROUNDS:-3}
dir="${BENCH_DIR:-.build-bench}"
mkdir -p "$dir"
if [ -z "${SKIP_BUILD:-}" ]; then
  scripts/install-deps.sh
  swift build -c release --product classify
  swift build -c release --product classify-bench
fi
classify=${CLASSIFY:-.build/release/classify}
command -v rg >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep; }
python3 -c 'import orjson, hyperscan, yaml' 2>/dev/null || pip install -q orjson hyperscan pyyaml
command -v /usr/bin/time >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }

list="$dir/realistic-$servers.jsonl"
[ -s "$list" ] || .build/release/classify-bench generate --realistic --servers "$servers" --output "$list"
names="$dir/realistic-$servers.names.txt"
[ -s "$names" ] || python3 bench/peer_hyperscan.py --names "$list" > "$names"
python3 bench/pack_patterns.py > "$dir/patterns.json.new"
if ! cmp -s "$dir/patterns.json.new" "$dir/patterns.json" || [ ! -s "$dir/patterns.hsdb" ]; then
  mv "$dir/patterns.json.new" "$dir/patterns.json"
  python3 bench/peer_hyperscan.py --compile "$dir/patterns.json" "$dir/patterns.hsdb"
fi
rm -f "$dir/patterns.json.new"
# One alternation is too large for rg's PCRE2: as few as compile, run one after the other (bench/peer_rg.sh).
[ "$dir/rg-alternations.txt" -nt "$dir/patterns.json" ] || python3 bench/rg_alternations.py "$dir/patterns.json" > "$dir/rg-alternations.txt"
count=$(wc -l < "$names")
cores=$(nproc)
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $cores cores; $list: $count names, $(du -m "$list" | cut -f1) MB; best of $rounds"

# Best wall time of $rounds runs, and the peak RSS of that run: "seconds megabytes".
best() {
  local out="" seconds rss
  for _ in $(seq "$rounds"); do
    /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" > /dev/null
    read -r seconds rss < "$dir/time.txt"
    if [ -z "$out" ] || awk -v a="$seconds" -v b="${out% *}" 'BEGIN { exit !(a < b) }'; then out="$seconds $rss"; fi
  done
  echo "$out"
}
report() {  # label "seconds rss"
  local seconds=${2% *} rss=${2#* }
  awk -v l="$1" -v s="$seconds" -v r="$rss" -v n="$count" \
    'BEGIN { printf "  %-34s %7.2f s  %9.0f names/s  peak RSS %4.0f MB\n", l, s, n / s, r / 1024 }'
}
one=$(best "$classify" --format jsonl --jobs 1 --no-progress --no-summary "$list")
all=$(best "$classify" --format jsonl --jobs "$cores" --no-progress --no-summary "$list")
rg=$(best bench/peer_rg.sh "$dir/rg-alternations.txt" "$names")
hs=$(best python3 bench/peer_hyperscan.py "$dir/patterns.hsdb" "$list")
report "classify --jobs 1" "$one"
report "classify --jobs $cores" "$all"
report "rg -P (one core)" "$rg"
report "orjson + Hyperscan (one core)" "$hs"
awk -v one="${one% *}" -v all="${all% *}" -v rg="${rg% *}" -v hs="${hs% *}" -v c="$cores" 'BEGIN {
  printf "  classify, %d cores / rg -P:               %.2f×  (target ≥ 2)\n", c, rg / all
  printf "  classify, %d cores / orjson + Hyperscan:  %.2f×  (target ≥ 1.5)\n", c, hs / all
  printf "  classify, 1 core / rg -P:                %.2f×\n", rg / one
  printf "  classify, 1 core / orjson + Hyperscan:   %.2f×\n", hs / one
  printf "  classify, %d cores / 1 core:              %.2f×  (target ≥ 1.8)\n", c, one / all
}'
