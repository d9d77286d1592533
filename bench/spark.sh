#!/usr/bin/env bash
# The README's Spark recipe, run for real (issue 14): a generated watch list piped through classify with
# RDD.pipe in Spark's local mode (every core of this machine), checked against one classify process (same result
# for every record, joined by source.key), and timed beside it.
#
# Usage: bench/spark.sh [SERVERS]   (default 20000, the realistic mix); PARTITIONS (default 2: one per core - each
# partition starts a classify, which loads and compiles the rule packs once).
# Installs pyspark into .build-bench/spark-venv (pip; needs Java 17, which Debian's openjdk-17-jre-headless gives).
set -euo pipefail
cd "$(dirname "$0")/.."
servers=${1:-20000}
dir="${BENCH_DIR:-.build-bench}"
mkdir -p "$dir"
command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless; }
[ -x "$dir/spark-venv/bin/python" ] || python3 -m venv "$dir/spark-venv"
"$dir/spark-venv/bin/python" -c 'import pyspark' 2>/dev/null || "$dir/spark-venv/bin/pip" install -q pyspark
if [ -z "${SKIP_BUILD:-}" ]; then
  swift build -c release --product classify >/dev/null
  swift build -c release --product classify-bench >/dev/null
fi
classify="$PWD/.build/release/classify"
list="$dir/realistic-$servers.jsonl"
[ -s "$list" ] || .build/release/classify-bench generate --realistic --servers "$servers" --output "$list"
names=$(python3 -c "
import json,sys
n=0
for line in open(sys.argv[1]):  # as classify-bench generate counts: the server's name and every channel's
    s=json.loads(line); g=s.get('serialized_source_guild', s)
    n+=1+len(g.get('channels', []))
print(n)" "$list")

start=$(date +%s.%N)
"$classify" --format jsonl --no-summary --no-progress "$list" > "$dir/spark-single.jsonl"
single=$(echo "$(date +%s.%N) - $start" | bc)

rm -rf "$dir/spark-out"
report=$("$dir/spark-venv/bin/python" bench/spark_pipe.py 2>/dev/null "$PWD/$list" "$PWD/$dir/spark-out" "$classify" "$PWD/Rules" "${PARTITIONS:-2}")
spark=$(echo "$report" | python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')

# Same verdict and scores for every record, joined by source.key (record numbers restart in every partition).
python3 - "$dir/spark-single.jsonl" "$dir/spark-out" <<'PY'
import glob, json, sys
def load(paths):
    out = {}
    for path in paths:
        for line in open(path):
            o = json.loads(line)
            out[o["server"]["source"]["key"]] = (o["verdict"], [(c["id"], c["score"]) for c in o["categories"]])
    return out
single = load([sys.argv[1]])
spark = load(sorted(glob.glob(sys.argv[2] + "/part-*")))
assert single == spark, f"{len(single)} single results, {len(spark)} from Spark, {sum(single.get(k) != v for k, v in spark.items())} differ"
print(f"same results: {len(spark)} records")
PY
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $servers servers, $names channel and category names ($list)"
printf "classify, one process (--jobs %s)   %6.2f s   %8.0f names/s\n" "$(nproc)" "$single" "$(echo "$names / $single" | bc -l)"
printf "Spark local[*] RDD.pipe, --jobs 1    %6.2f s   %8.0f names/s   (%s)\n" "$spark" "$(echo "$names / $spark" | bc -l)" "$report"
