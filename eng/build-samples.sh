#!/usr/bin/env bash
# Rebuilds the committed sample modules and CLI test fixtures from their sources (needs wabt: apt-get install wabt).
set -euo pipefail
cd "$(dirname "$0")/.."
wat2wasm samples/fib/fib.wat -o samples/fib/fib.wasm
echo "built samples/fib/fib.wasm"
wat2wasm tests/Spindle.Cli.Tests/Fixtures/trap.wat -o tests/Spindle.Cli.Tests/Fixtures/trap.wasm
echo "built tests/Spindle.Cli.Tests/Fixtures/trap.wasm"
