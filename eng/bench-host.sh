#!/usr/bin/env bash
# Throughput and latency of `spindle up samples/hello` (a fresh Wasm instance per request) against a bare Kestrel
# handler returning the same bytes, with the same load generator in the same run. Results go in docs/perf/host.md.
# Usage: eng/bench-host.sh [duration=10s] [connections=16]     (needs wrk: apt-get install wrk)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-10s}
connections=${2:-16}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
dotnet build -c Release "$repo/src/Spindle.Cli" -v q -nologo >/dev/null
bare_dll=$(dotnet build -c Release "$repo/eng/bench-host/bare-kestrel.cs" -nologo 2>&1 | sed -n 's/.* -> \(.*bare-kestrel.dll\)$/\1/p' | tail -1)

run() { # name url
  wrk -t1 -c"$connections" -d2s "$2" >/dev/null # warm-up (JIT, tiering)
  echo "== $1"
  wrk -t1 -c"$connections" -d"$duration" --latency "$2" | grep -E 'Requests/sec|50%|99%|Non-2xx|errors'
}

dotnet "$bare_dll" 3991 & bare=$!
dotnet "$repo/src/Spindle.Cli/bin/Release/net10.0/spindle.dll" up -f "$repo/samples/hello" --listen 127.0.0.1:3992 -L /tmp/spindle-bench-logs >/dev/null & spindle=$!
trap 'kill $bare $spindle 2>/dev/null || true' EXIT
sleep 5
run "bare Kestrel" http://127.0.0.1:3991/hello
run "spindle up samples/hello" http://127.0.0.1:3992/hello
kill $bare $spindle 2>/dev/null || true
echo "== in-process"
dotnet run -c Release "$repo/eng/bench-host/instantiate.cs" -- "$repo/samples/hello/hello.wasm"
