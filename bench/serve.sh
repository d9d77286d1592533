#!/usr/bin/env bash
# `classify serve` under load (issue 17): wrk on loopback against a release build, bounded in time. Throughput,
# p50/p99 latency and the service's peak RSS at 1, 8 and 64 concurrent clients, posting one fixture, then 1 MiB
# JSON Lines bodies; then, when SOAK=SECONDS is set, a long run at 8 clients that samples RSS every 10 s to show
# whether memory stays flat.
# Usage: bench/serve.sh   (DURATION=10s per run, BIG_DURATION=60s with 1 MiB bodies; SOAK=300 for the 5-minute
# memory run; BENCH_DIR=.build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench
# CLASSIFY=PATH measures another build (and skips building the release one).
if [ -z "${CLASSIFY:-}" ]; then swift build -c release --product classify >/dev/null; fi
classify="${CLASSIFY:-.build/release/classify}"
dir="${BENCH_DIR:-.build-bench}"
mkdir -p "$dir"
duration="${DURATION:-10s}"
big_duration="${BIG_DURATION:-60s}"

# Bodies: one server export, and about 1 MiB of JSON Lines made of every fixture (each minified on one line).
small=Fixtures/leaks-influ-hub.json
big="$dir/serve-1mib.jsonl"
python3 - "$big" <<'PY'
import glob, json, sys
lines = [json.dumps(json.load(open(p)), ensure_ascii=False) for p in sorted(glob.glob("Fixtures/*.json"))
         if not p.endswith(".expected.json")]
out, size, i = [], 0, 0
while size < 1 << 20:
    out.append(lines[i % len(lines)]); size += len(out[-1].encode()) + 1; i += 1
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
lua() {  # a wrk script posting the file $1
  cat > "$dir/post.lua" <<LUA
local f = io.open("$1", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
LUA
}

# The cap on classifications is raised to the clients' number so that the runs measure work, not refusals; a last
# run at 64 clients with the default cap (one per core) shows the refusals instead.
start() {
  CLASSIFY_REDACT_KEY=bench "$classify" serve --port 0 --log-level warning "$@" 2>"$dir/serve.log" &
  pid=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$dir/serve.log" | head -1)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "serve.sh: the service did not start" >&2; cat "$dir/serve.log" >&2; exit 1; }
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null' EXIT
rss() { awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$pid/status"; }
run() {  # clients, body, label
  local clients=$1 body=$2 label=$3 threads=$(( $1 < 2 ? 1 : 2 )) out
  lua "$body"
  out=$(wrk -t"$threads" -c"$clients" -d"$duration" --timeout 30s --latency -s "$dir/post.lua" "http://127.0.0.1:$port/v1/classify")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf "| %-22s | %7s | %9s | %8s | %8s | %9s | %s |\n" "$label" "$clients" "$rps" "$p50" "$p99" "$(rss)" "${non2xx:-0}"
}

echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $duration per run ($big_duration with 1 MiB bodies), wrk on loopback, $classify"
echo "| body                   | clients |     req/s |      p50 |      p99 | peak RSS  | non-2xx |"
echo "|---|---|---|---|---|---|---|"
start --max-concurrent 64
for c in 1 8 64; do run "$c" "$small" "one server ($(wc -c <"$small") B)"; done
stop
# A 1 MiB body is about 2,600 servers: seconds of work each, so longer runs; a fresh service per run, so no
# classification left over from the run before holds a slot. At 64 clients the default cap (one per core) answers
# most with 503 at once, and memory stays bounded by the cap, not by the clients.
duration=$big_duration
start --max-concurrent 8 --jobs 2
run 1 "$big" "1 MiB JSON Lines"
stop
start --max-concurrent 8 --jobs 2
run 8 "$big" "1 MiB JSON Lines"
stop
start --jobs 2
run 64 "$big" "1 MiB JSON Lines, default cap"
stop
duration="${DURATION:-10s}"
start
run 64 "$small" "one server, default cap"
stop

if [ -n "${SOAK:-}" ]; then
  start --max-concurrent 8
  lua "$small"
  echo
  echo "# memory over a ${SOAK}s run at 8 clients (RSS every 10 s, MB):"
  wrk -t2 -c8 -d"${SOAK}s" --timeout 30s -s "$dir/post.lua" "http://127.0.0.1:$port/v1/classify" >"$dir/soak.txt" &
  load=$!
  samples=""
  while kill -0 "$load" 2>/dev/null; do
    samples+="$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status") "
    sleep 10
  done
  echo "$samples"
  grep "Requests/sec" "$dir/soak.txt"
  stop
fi
