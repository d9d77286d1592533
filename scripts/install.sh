#!/usr/bin/env bash
# Builds classify in release mode and installs it with its rule packs, man page and shell completions:
#   PREFIX/bin/classify, PREFIX/share/classify/Rules (found by the binary from any working directory),
#   PREFIX/share/man/man1/classify.1, and completions for bash, zsh and fish under PREFIX/share.
# Usage: scripts/install.sh [PREFIX] (default /usr/local).
set -euo pipefail
prefix=${1:-/usr/local}
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product classify
install -d "$prefix/bin" "$prefix/share/classify" "$prefix/share/man/man1" \
  "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 .build/release/classify "$prefix/bin/classify"
rm -rf "$prefix/share/classify/Rules"
cp -R Rules "$prefix/share/classify/Rules"
# The man page comes from the command's own help (swift-argument-parser's generate-manual plugin).
man=$(mktemp -d)
swift package --allow-writing-to-directory "$man" generate-manual --output-directory "$man" >/dev/null
install -m 644 "$man/classify.1" "$prefix/share/man/man1/classify.1"
rm -rf "$man"
"$prefix/bin/classify" --generate-completion-script bash > "$prefix/share/bash-completion/completions/classify"
"$prefix/bin/classify" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_classify"
"$prefix/bin/classify" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/classify.fish"
echo "installed $prefix/bin/classify with rules in $prefix/share/classify/Rules, its man page and completions"
