#!/usr/bin/env python3
"""The peer a platform engineer would script: orjson reads each JSON Lines record, Hyperscan tells whether any of
the packs' patterns matches each name (server, category and channel names; caseless, UTF-8). Prints
`names matched seconds`.

Usage: bench/peer_hyperscan.py --compile PATTERNS.json DB    (bench/pack_patterns.py writes PATTERNS.json; once)
       bench/peer_hyperscan.py DB WATCHLIST.jsonl            (the timed run: load the database, read, match)
       bench/peer_hyperscan.py --names WATCHLIST.jsonl       (the flat list of names, one a line, for rg)

Hyperscan has no lookaround, \K or backreference: a pattern it refuses is compiled with HS_FLAG_PREFILTER, which
matches a superset, and the two with \K are left out. Unicode classes (HS_FLAG_UCP) are off: with them the
database did not compile in ten minutes; without them it takes about four, so it is compiled once and cached. This
peer, like rg, does less than classify: no views, topics, rules or scores.
"""
import sys
import time

import orjson


def names(record):
    """The names classify counts: the server's, then every category's and channel's."""
    if isinstance(record, list):
        items, server = record, None
    else:
        guild = record.get("serialized_source_guild") or {}
        items = guild.get("channels") or record.get("channels") or []
        server = record.get("name") or guild.get("name")
    if server:
        yield server
    for item in items:
        if isinstance(item, dict):
            yield item.get("name") or ""
        elif isinstance(item, str):
            yield item


def flat(path):
    out = sys.stdout
    with open(path, "rb") as handle:
        for line in handle:
            for name in names(orjson.loads(line)):
                out.write(name.replace("\n", " ") + "\n")


def database(patterns):
    import hyperscan

    base = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH
    expressions, flags = [], []
    for pattern in patterns:
        encoded = pattern.encode()
        for extra in (0, hyperscan.HS_FLAG_PREFILTER):
            try:
                probe = hyperscan.Database()
                probe.compile(expressions=[encoded], flags=[base | extra])
            except hyperscan.error:
                continue
            expressions.append(encoded)
            flags.append(base | extra)
            break
        else:
            print(f"peer_hyperscan: skipped a pattern Hyperscan cannot compile: {pattern[:60]}", file=sys.stderr)
    db = hyperscan.Database()
    db.compile(expressions=expressions, ids=list(range(len(expressions))), flags=flags)
    return db, len(expressions)


def main():
    import hyperscan

    if sys.argv[1] == "--names":
        flat(sys.argv[2])
        return
    if sys.argv[1] == "--compile":
        start = time.perf_counter()
        with open(sys.argv[2], "rb") as handle:
            db, compiled = database(orjson.loads(handle.read()))
        with open(sys.argv[3], "wb") as handle:
            handle.write(hyperscan.dumpb(db))
        print(f"peer_hyperscan: {compiled} patterns compiled in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        return
    start = time.perf_counter()
    with open(sys.argv[1], "rb") as handle:
        db = hyperscan.loadb(handle.read(), hyperscan.HS_MODE_BLOCK)
    db.scratch = hyperscan.Scratch(db)  # a loaded database comes without one
    hits = [False]

    def on_match(id, start, end, flags, context):
        hits[0] = True
        return True  # stop at the first match: any-match

    count = matched = 0
    scan = db.scan
    terminated = hyperscan.ScanTerminated
    with open(sys.argv[2], "rb") as handle:
        for line in handle:
            for name in names(orjson.loads(line)):
                count += 1
                hits[0] = False
                try:
                    scan(name.encode(), match_event_handler=on_match)
                except terminated:  # the handler stopped it at the first match
                    pass
                matched += hits[0]
    print(count, matched, f"{time.perf_counter() - start:.3f}")


main()
