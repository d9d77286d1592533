#!/usr/bin/env bash
# The rg peer of bench/peers.sh: any-match of the packs' patterns over a flat list of names, one core. The
# alternations of bench/rg_alternations.py run one after the other, each with `rg -v` over the names the ones before
# left unmatched. Prints "names matched". Usage: bench/peer_rg.sh ALTERNATIONS NAMES
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
current=$2
step=0
while IFS= read -r alternation; do
  step=$((step + 1))
  # rg exits 1 when nothing is left unmatched.
  rg -v -P -i --no-config -e "$alternation" "$current" > "$work/$step" || [ $? -eq 1 ]
  current="$work/$step"
done < "$1"
total=$(wc -l < "$2")
echo "$total $((total - $(wc -l < "$current")))"
