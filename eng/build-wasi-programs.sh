#!/usr/bin/env bash
# Regenerates the committed WASI test programs tests/Spindle.Wasi.Tests/Programs/*.wasm from their C sources with
# Debian's clang-14, lld-14, wasi-libc (sysroot /usr: headers in /usr/include/wasm32-wasi, libs in
# /usr/lib/wasm32-wasi) and libclang-rt-14-dev-wasm32 (compiler builtins).
# Usage: eng/build-wasi-programs.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
programs="$repo/tests/Spindle.Wasi.Tests/Programs"
command -v clang-14 >/dev/null || { echo "clang-14 not found: apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32" >&2; exit 1; }

for c in "$programs"/*.c; do
  clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Werror "$c" -o "${c%.c}.wasm"
done

# abi.wat re-exports every WASI import so tests can call the host functions with chosen (bad) arguments.
command -v wat2wasm >/dev/null || { echo "wat2wasm not found: apt-get install wabt" >&2; exit 1; }
for wat in "$programs"/*.wat; do
  wat2wasm "$wat" -o "${wat%.wat}.wasm"
done
