#!/usr/bin/env python3
"""Flattens the packs' patterns (PATTERNS.json from bench/pack_patterns.py) into as few alternations as `rg -P`
compiles - all of them in one exceeds PCRE2's pattern size limit ("regular expression is too large") - and prints
them one a line. bench/peers.sh runs them one after the other with `rg -v`, each over the names the ones before did
not match: an any-match on one core. Usage: bench/rg_alternations.py PATTERNS.json"""
import json
import subprocess
import sys


def compiles(patterns):
    alternation = "|".join("(?:%s)" % p for p in patterns)
    run = subprocess.run(["rg", "-P", "-i", "-c", "--no-config", "-e", alternation, "/dev/null"],
                         capture_output=True)
    return run.returncode in (0, 1)


def main():
    patterns = json.load(open(sys.argv[1], encoding="utf-8"))
    groups, current = [], []
    for pattern in patterns:
        if compiles(current + [pattern]):
            current.append(pattern)
            continue
        if current:
            groups.append(current)
        if not compiles([pattern]):
            print(f"rg_alternations: rg -P cannot compile: {pattern[:60]}", file=sys.stderr)
            current = []
            continue
        current = [pattern]
    if current:
        groups.append(current)
    for group in groups:
        print("|".join("(?:%s)" % p for p in group))
    print(f"rg_alternations: {len(patterns)} patterns in {len(groups)} alternations", file=sys.stderr)


main()
