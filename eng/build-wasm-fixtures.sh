#!/usr/bin/env bash
# Regenerates the committed .wasm test fixtures of tests/Spindle.Wasm.Tests/Fixtures from their .wat sources
# (wat2wasm from Debian's wabt). --debug-names keeps function names so trap stack traces can be tested.
# Usage: eng/build-wasm-fixtures.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$repo/tests/Spindle.Wasm.Tests/Fixtures"
command -v wat2wasm >/dev/null || { echo "wat2wasm not found: apt-get install wabt" >&2; exit 1; }

# Engine back end (compiler, runtime, API) fixtures: every .wat in the folder.
for wat in "$fixtures"/*.wat; do
  wat2wasm --debug-names "$wat" -o "${wat%.wat}.wasm"
done
