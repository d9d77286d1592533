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
# --browser: Chromium, which the HTML report's tests drive headless (scripts/test.sh asks for it).
if [ "${1:-}" = "--browser" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
# `script` runs the CLI under a pseudo-terminal in the tests (colours, the no-input hint).
command -v script >/dev/null 2>&1 || need+=(bsdutils)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" pkg-config
fi
