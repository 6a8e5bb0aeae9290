#!/usr/bin/env bash
# Startup benchmark for issue 3: whole-process wall time of `spindle run` on the hello-world C program
# (tests/Spindle.Wasi.Tests/Programs/hello.wasm) versus node running the same .wasm through its `wasi` module.
# Times three spindle commands: the ReadyToRun publish of eng/publish.sh, the plain Release build (`bin/Release`, JIT
# only: what `dotnet run` gives) and, for the floor of .NET start, the published `spindle --version`.
# Usage: eng/bench-wasi-startup.sh   (RUNS=20 by default; needs hyperfine, node and the .NET SDK)
# hyperfine -N runs each command without a shell; the table gives its mean user and system CPU times per run.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
wasm="$repo/tests/Spindle.Wasi.Tests/Programs/hello.wasm"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release "$repo/src/Spindle.Cli" -v q -nologo -clp:ErrorsOnly >/dev/null
jit="$repo/src/Spindle.Cli/bin/Release/net10.0/spindle"
"$repo/eng/publish.sh" "$work/publish" >/dev/null
r2r="$work/publish/spindle"
cat >"$work/runner.cjs" <<'JS'
const { WASI } = require('node:wasi');
const fs = require('node:fs');
const wasi = new WASI({ version: 'preview1', args: [process.argv[2]], env: {} });
const wasm = new WebAssembly.Module(fs.readFileSync(process.argv[2]));
const instance = new WebAssembly.Instance(wasm, wasi.getImportObject());
process.exitCode = wasi.start(instance);
JS
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 3 --runs "${RUNS:-20}" --export-json "$work/times.json" \
  -n "spindle run (eng/publish.sh, ReadyToRun)" "$r2r run $wasm" \
  -n "spindle run (bin/Release, JIT)" "$jit run $wasm" \
  -n "node wasi" "node --no-warnings $work/runner.cjs $wasm" \
  -n "spindle --version (ReadyToRun)" "$r2r --version" >&2
python3 - "$work/times.json" <<'PY'
import json, sys
print("| Command | Mean wall [ms] | Min wall [ms] | CPU user + sys [ms] |")
print("|:---|---:|---:|---:|")
for r in json.load(open(sys.argv[1]))["results"]:
    user, sys_ = r["user"] * 1e3, r["system"] * 1e3
    print(f"| `{r['command']}` | {r['mean'] * 1e3:.1f} ± {r['stddev'] * 1e3:.1f} | {r['min'] * 1e3:.1f} | {user:.0f} + {sys_:.0f} = {user + sys_:.0f} |")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
