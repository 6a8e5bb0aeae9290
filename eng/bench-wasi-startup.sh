#!/usr/bin/env bash
# Startup benchmark for issue 3: whole-process wall time of `spindle run` on the hello-world C program
# (tests/Spindle.Wasi.Tests/Programs/hello.wasm) versus node running the same .wasm through its `wasi` module.
# Usage: eng/bench-wasi-startup.sh   (builds spindle in Release first; needs hyperfine and node)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
wasm="$repo/tests/Spindle.Wasi.Tests/Programs/hello.wasm"
dotnet build -c Release "$repo/src/Spindle.Cli" -v q -nologo >/dev/null
spindle="$repo/src/Spindle.Cli/bin/Release/net10.0/spindle"
runner=$(mktemp --suffix=.cjs)
trap 'rm -f "$runner"' EXIT
cat >"$runner" <<'JS'
const { WASI } = require('node:wasi');
const fs = require('node:fs');
const wasi = new WASI({ version: 'preview1', args: [process.argv[2]], env: {} });
const wasm = new WebAssembly.Module(fs.readFileSync(process.argv[2]));
const instance = new WebAssembly.Instance(wasm, wasi.getImportObject());
process.exitCode = wasi.start(instance);
JS
hyperfine --warmup 3 --runs "${RUNS:-20}" --export-markdown /dev/stdout \
  -n "spindle run" "$spindle run $wasm" \
  -n "node wasi" "node --no-warnings $runner $wasm"
