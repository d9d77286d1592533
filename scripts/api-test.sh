#!/usr/bin/env bash
# Checks the running service against its OpenAPI document (GET /openapi.json) with schemathesis: every operation
# called with generated and example inputs, answers checked for status codes, content types and schemas, no 5xx.
# Starts `classify serve` on a free loopback port, bounded in examples and time, and stops it. scripts/test.sh runs
# it; scripts/install-deps.sh installs schemathesis from PyPI when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${CLASSIFY:-.build/debug/classify}
st=$(command -v schemathesis || command -v st || true)
if [ -z "$st" ]; then
  echo "api-test: schemathesis is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
log=$(mktemp)
# With a token, as a service reachable from elsewhere runs: the document's bearer security is then enforced, and
# schemathesis checks that /v1 and /metrics refuse requests without it.
token_file=$(mktemp)
token="api-test-$RANDOM$RANDOM"
echo "$token" > "$token_file"
CLASSIFY_REDACT_KEY=api-test "$binary" serve --port 0 --log-level warning --token-file "$token_file" 2>"$log" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log" "$token_file"' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log" | head -1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "api-test: the service did not start" >&2; cat "$log" >&2; exit 1; }
base="http://127.0.0.1:$port"
# positive_data_acceptance is left out: the body schema of /v1/classify accepts any JSON, as the route does, but only
# the shapes classify reads are servers - any other JSON is rightly refused with 400 unknown-shape.
timeout 600 "$st" run "$base/openapi.json" --url "$base" --checks all -H "Authorization: Bearer $token" \
  --exclude-checks positive_data_acceptance --max-examples "${API_TEST_EXAMPLES:-25}" --no-color \
  --suppress-health-check all
