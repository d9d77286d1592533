#!/usr/bin/env bash
# The README's scale-out recipes, run for real (issue 14): a watch list classified in one process and in shards -
# GNU parallel splitting stdin into blocks, and `split -n l/N` with one process per shard, concatenated - gives the
# same results. Record numbers restart in every shard, so `source.record` is set aside; every result must find its
# twin by `source.key` (the hash of the record's bytes), in the same order.
# Usage: scripts/sharding-test.sh [CLASSIFY] (default .build/debug/classify). Installs GNU parallel when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
classify=${1:-.build/debug/classify}
[ -x "$classify" ] || swift build --product classify
[ -x .build/debug/classify-bench ] || swift build --product classify-bench
classify=$(realpath "$classify")
if ! command -v parallel >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq parallel
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/classify-bench generate --realistic --servers 600 --output "$work/list.jsonl" > /dev/null
# A bad line among them: its error line must be keyed and placed like the others.
sed -i '300s/^{/{"broken": /' "$work/list.jsonl"
# classify on standard input, as the recipes run it; exit 2 (the broken line) is expected.
cat > "$work/run" <<RUN
#!/usr/bin/env bash
"$classify" --format jsonl --jobs 1 --no-summary --no-progress 2>/dev/null || [ \$? -le 2 ]
RUN
chmod +x "$work/run"
"$work/run" < "$work/list.jsonl" > "$work/single.jsonl"
# The README's recipe, with blocks small enough to make several shards of this small list.
parallel --pipe --block 200k -k -j 4 "$work/run" < "$work/list.jsonl" > "$work/parallel.jsonl"
split -n l/8 -d "$work/list.jsonl" "$work/shard-"
for shard in "$work"/shard-*; do "$work/run" < "$shard" > "$shard.out"; done
cat "$work"/shard-*.out > "$work/split.jsonl"
python3 - "$work/single.jsonl" "$work/parallel.jsonl" "$work/split.jsonl" <<'PY'
import json, sys

def load(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        source = row["server"]["source"]
        assert source.get("key"), f"{path}: a result without source.key: {line[:120]}"
        source.pop("record")
        rows.append(row)
    return rows

single = load(sys.argv[1])
assert len(single) == 600, len(single)
assert sum(row["verdict"] is None for row in single) == 1, "the broken line must be an error line"
by_key = {row["server"]["source"]["key"]: row for row in single}
for path in sys.argv[2:]:
    shards = load(path)
    assert len(shards) == len(single), f"{path}: {len(shards)} results, {len(single)} expected"
    for index, row in enumerate(shards):
        key = row["server"]["source"]["key"]
        assert key in by_key, f"{path}: result {index + 1} has a key no single-process result has"
        # Error messages name the record, whose number restarts in every shard.
        for error in row["errors"] + by_key[key]["errors"]:
            if error.get("kind") == "input":
                error["message"] = error["message"].split("record")[0]
        assert row == by_key[key], f"{path}: result {index + 1} differs from the single-process one"
        assert row == single[index], f"{path}: result {index + 1} is out of order"
print(f"sharding: {len(single)} results equal in one process, through GNU parallel and over split shards")
PY
