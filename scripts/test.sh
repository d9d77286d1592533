#!/usr/bin/env bash
# Every test: the Swift test suite (PCRE2 wrapper, readers, rules, scoring, CLI, the journal on real SQLite files,
# the HTML report and the service's page in headless Chromium, the service over real HTTP), every rule example, the
# fixtures, and the service against its OpenAPI document.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --browser --api
swift build
swift test
.build/debug/classify rules lint
.build/debug/classify rules test --evasion
.build/debug/classify test Fixtures
# Inputs once found by fuzzing (and the fixtures) through the fuzz checks: readers, views, prefilter equality.
.build/debug/classify-fuzz Fuzz/regressions Fixtures
# `classify serve` against its OpenAPI document (schemathesis).
scripts/api-test.sh
# The README's scale-out recipes (GNU parallel, split shards) give the single process's results.
scripts/sharding-test.sh
