#!/usr/bin/env python3
"""Prints every pattern of the bundled rule packs (Rules/*.yaml, signals and rules alike), once each, as one JSON
array: what the peers of bench/peers.sh match with. Usage: bench/pack_patterns.py [RULES_DIR]"""
import glob
import json
import os
import sys

import yaml


def patterns(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "patterns" and isinstance(value, list):
                found.extend(p for p in value if isinstance(p, str))
            else:
                patterns(value, found)
    elif isinstance(node, list):
        for value in node:
            patterns(value, found)


def main():
    rules = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Rules")
    found = []
    for path in sorted(glob.glob(os.path.join(rules, "*.yaml"))):
        with open(path, encoding="utf-8") as handle:
            patterns(yaml.safe_load(handle), found)
    json.dump(list(dict.fromkeys(found)), sys.stdout, ensure_ascii=False)
    print()


main()
