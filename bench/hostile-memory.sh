#!/usr/bin/env bash
# Peak memory on hostile input: generates padded exports and prints, for each, the exit code, seconds and peak RSS of
# `classify --format jsonl` (GNU time). The figures in the README ("Memory on hostile input") come from this script.
# Usage: bench/hostile-memory.sh [CLASSIFY] (default: the release build). Needs ~1.5 GB of free disk in $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
classify=${1:-.build/release/classify}
[ -x "$classify" ] || swift build -c release --product classify
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt install time)"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
open(f"{work}/name-100MB.json", "w").write('{"name":"' + "a" * 100_000_000 + '","channels":["general"]}')
open(f"{work}/topic-200MB.json", "w").write('{"name":"x","channels":[{"name":"general","topic":"' + "b" * 200_000_000 + '"}]}')
messages = ",".join(json.dumps({"id": str(i), "content": "x" * 200}) for i in range(700_000))
open(f"{work}/dce-minified-194MB.json", "w").write(
    '{"guild":{"id":"1","name":"G"},"channel":{"id":"2","type":"GuildTextChat","name":"general"},"messages":[' + messages + "]}")
line = json.dumps({"name": "s", "channels": [{"name": "c", "topic": "t" * 4_000_000}]})
with open(f"{work}/300x4MB.jsonl", "w") as f:
    for _ in range(300): f.write(line + "\n")
line = json.dumps({"name": "s", "channels": [{"name": f"c{i}", "topic": "ab" * 30_000} for i in range(60)]})
with open(f"{work}/300x60x60KB.jsonl", "w") as f:
    for _ in range(300): f.write(line + "\n")
PY
printf '%-24s %6s %8s %10s\n' input exit seconds peak_MB
for file in name-100MB.json topic-200MB.json dce-minified-194MB.json 300x4MB.jsonl 300x60x60KB.jsonl; do
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time" "$classify" --format jsonl "$work/$file" >/dev/null 2>&1
  code=$?
  set -e
  read -r seconds kb < <(tail -n 1 "$work/time")
  printf '%-24s %6s %8s %10s\n' "$file" "$code" "$seconds" "$((kb / 1024))"
done
