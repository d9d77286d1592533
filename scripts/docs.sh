#!/usr/bin/env bash
# API documentation of the library targets (Classifier, ClassifierTesting) with DocC, through swift-docc-plugin.
#
#   scripts/docs.sh            # site in .build-docs/site
#
# The plugin is a dependency only under CLASSIFY_DOCS=1 (end of Package.swift): normal builds and CI never resolve
# or fetch it. Everything is built in .build-docs (ignored by git), apart from the checkout's .build.
# One combined site: ClassifierTesting's pages may link to Classifier's symbols. Open the site through a web
# server (static hosting layout), e.g. `python3 -m http.server -d .build-docs/site` then
# http://localhost:8000/documentation/ (both modules; /documentation/classifier/ for the library alone).
set -euo pipefail

cd "$(dirname "$0")/.."

build_path=.build-docs
site="$build_path/site"

# The plugin's pins must not stay in the checkout's Package.resolved, or the next normal build would re-resolve
# against a manifest that no longer names the plugin: keep the file as it was.
resolved_backup=""
if [[ -f Package.resolved ]]; then
    mkdir -p "$build_path"
    resolved_backup="$build_path/Package.resolved.normal"
    cp Package.resolved "$resolved_backup"
fi
restore_resolved() {
    if [[ -n "$resolved_backup" && -f "$resolved_backup" ]]; then
        mv "$resolved_backup" Package.resolved
    else
        rm -f Package.resolved
    fi
}
trap restore_resolved EXIT

export CLASSIFY_DOCS=1
swift package --build-path "$build_path" \
    --allow-writing-to-directory "$site" \
    generate-documentation \
    --target Classifier --target ClassifierTesting \
    --enable-experimental-combined-documentation \
    --disable-indexing \
    --transform-for-static-hosting \
    --output-path "$site"

echo
echo "API documentation: $(pwd)/$site"
echo "  serve it:  python3 -m http.server -d $site  then open http://localhost:8000/documentation/"
