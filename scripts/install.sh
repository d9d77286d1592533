#!/usr/bin/env bash
# Builds classify in release mode and installs it with its rule packs:
#   PREFIX/bin/classify and PREFIX/share/classify/Rules (found by the binary from any working directory).
set -euo pipefail
prefix=${1:-/usr/local}
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product classify
install -d "$prefix/bin" "$prefix/share/classify"
install -m 755 .build/release/classify "$prefix/bin/classify"
rm -rf "$prefix/share/classify/Rules"
cp -R Rules "$prefix/share/classify/Rules"
echo "installed $prefix/bin/classify with rules in $prefix/share/classify/Rules"
