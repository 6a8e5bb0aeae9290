#!/usr/bin/env bash
# Publishes `spindle` ReadyToRun-compiled for linux-x64: spindle's own assemblies and its packages are precompiled
# to native code, so a start no longer JIT-compiles the engine, the WASI layer and System.CommandLine. This halves
# `spindle run` start-up (docs/perf/wasi.md). The engine still JIT-compiles the guest's functions from the IL it
# emits at run time, so NativeAOT is not an option.
# Usage: eng/publish.sh [OUT_DIR]   (default artifacts/spindle-linux-x64; then run OUT_DIR/spindle)
#   COMPOSITE=1 eng/publish.sh ...  self-contained, with spindle AND the .NET/ASP.NET frameworks compiled into one
#                                   composite image (~2 min, 136 MB): also precompiles the framework generics that
#                                   spindle instantiates; ~10 ms faster start again.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$repo/artifacts/spindle-linux-x64}
mode=(--self-contained false)
if [[ "${COMPOSITE:-0}" == 1 ]]; then
  mode=(--self-contained true -p:PublishReadyToRunComposite=true)
fi
# Both modes write their native images to the same obj folder and the ReadyToRun step is incremental: drop the
# previous mode's images, or a switch of mode would ship the other mode's files (composite stubs abort at start).
rm -rf "$repo/src/Spindle.Cli/obj/Release/net10.0/linux-x64/R2R"
dotnet publish "$repo/src/Spindle.Cli" -c Release -r linux-x64 "${mode[@]}" -p:PublishReadyToRun=true \
  -o "$out" -nologo -v q -clp:ErrorsOnly
echo "$out/spindle"
