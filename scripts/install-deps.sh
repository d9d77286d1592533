#!/usr/bin/env bash
# Installs the system libraries classify builds against, when they are missing (Debian/Ubuntu).
set -euo pipefail
need=()
pkg-config --exists libpcre2-8 2>/dev/null || need+=(libpcre2-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
# ICU for the anti-evasion text views (normalisation, confusable skeletons).
[ -e /usr/include/unicode/uspoof.h ] || need+=(libicu-dev)
# SQLite's C API for the watch journal.
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
# Flags (any order): --browser: Chromium, which the HTML report's and the service page's tests drive headless;
# --api: schemathesis (PyPI), which scripts/api-test.sh runs against `classify serve`; --bench: wrk, the HTTP load
# generator of bench/serve.sh. scripts/test.sh asks for --browser and --api.
browser=0 api=0 bench=0
for flag in "$@"; do
  case "$flag" in
    --browser) browser=1 ;;
    --api) api=1 ;;
    --bench) bench=1 ;;
    *) echo "install-deps: unknown flag $flag (--browser, --api, --bench)" >&2; exit 2 ;;
  esac
done
[ $browser -eq 0 ] || command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ $bench -eq 0 ] || command -v wrk >/dev/null 2>&1 || need+=(wrk)
# curl: the service's tests make their HTTP requests with it; python3 drives Chromium and runs schemathesis.
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ $api -eq 1 ] && ! python3 -m pip --version >/dev/null 2>&1; then need+=(python3-pip); fi
# `script` runs the CLI under a pseudo-terminal in the tests (colours, the no-input hint).
command -v script >/dev/null 2>&1 || need+=(bsdutils)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" pkg-config
fi
if [ $api -eq 1 ] && ! command -v schemathesis >/dev/null 2>&1; then
  # Debian's own Python refuses system-wide pip installs (PEP 668) unless told; a pyenv or venv Python does not.
  python3 -m pip install --quiet "schemathesis>=4,<5" \
    || python3 -m pip install --quiet --break-system-packages "schemathesis>=4,<5"
fi
