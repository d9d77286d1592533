#!/usr/bin/env python3
"""Measures the mix of the real server layouts (guild templates) for `classify-bench generate --realistic`.

Usage: bench/realistic-mix.py [DIR] > bench/realistic-mix.json
DIR defaults to ../shared/data/real-world/discord. Only counts and shares are written, never a name: the layouts
stay where they are, the numbers are committed.
"""
import json
import os
import sys
import unicodedata


def kind(name):
    """'decorated' (emoji, symbols, box drawing, non-ASCII punctuation or styled letters), 'accented' (other
    non-ASCII letters) or 'plain'."""
    accented = False
    for char in name:
        if ord(char) < 0x80:
            continue
        category = unicodedata.category(char)
        styled = 0x1D400 <= ord(char) <= 0x1D7FF or "SMALL CAPITAL" in unicodedata.name(char, "")
        if category[0] in "SPZC" or styled or char in "\u200d\ufe0f":
            return "decorated"
        accented = True
    return "accented" if accented else "plain"


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../shared/data/real-world/discord")
    servers = 0
    categories = channels = topics = 0
    kinds = {"plain": 0, "accented": 0, "decorated": 0}
    channel_counts = []
    category_counts = []
    for file in sorted(os.listdir(root)):
        if not file.endswith(".json"):
            continue
        with open(os.path.join(root, file), encoding="utf-8") as handle:
            document = json.load(handle)
        guild = document.get("serialized_source_guild") if isinstance(document, dict) else None
        items = guild.get("channels") if guild else document if isinstance(document, list) else None
        if not items:
            continue
        servers += 1
        names = [document.get("name") or guild.get("name") or ""] if guild else []
        server_categories = server_channels = 0
        for item in items:
            names.append(item.get("name") or "")
            if item.get("type") == 4:
                server_categories += 1
            else:
                server_channels += 1
                if item.get("topic"):
                    topics += 1
        categories += server_categories
        channels += server_channels
        channel_counts.append(server_channels)
        category_counts.append(server_categories)
        for name in names:
            kinds[kind(name)] += 1
    named = sum(kinds.values())
    channel_counts.sort()
    result = {
        "source": "real-world/discord guild templates (bench/realistic-mix.py)",
        "servers": servers,
        "names": named,
        "decorated_share": round(kinds["decorated"] / named, 4),
        "accented_share": round(kinds["accented"] / named, 4),
        "topics_per_channel": round(topics / channels, 4),
        "channels_per_server": round(channels / servers, 2),
        "channels_per_server_min": channel_counts[0],
        "channels_per_server_median": channel_counts[len(channel_counts) // 2],
        "channels_per_server_max": channel_counts[-1],
        "categories_per_server": round(categories / servers, 2),
        "channels_per_category": round(channels / max(1, categories), 2),
    }
    json.dump(result, sys.stdout, indent=2)
    print()


main()
