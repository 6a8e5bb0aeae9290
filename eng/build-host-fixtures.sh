#!/usr/bin/env bash
# Rebuilds samples/hello/hello.wasm and the Wagi test component tests/Spindle.Host.Tests/Fixtures/wagi/fixture.wasm
# from their C sources with Debian's clang-14 + wasi-libc (apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
command -v clang-14 >/dev/null || { echo "clang-14 not found: apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32" >&2; exit 1; }
clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Werror "$repo/samples/hello/hello.c" -o "$repo/samples/hello/hello.wasm"
clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Werror "$repo/tests/Spindle.Host.Tests/Fixtures/wagi/fixture.c" -o "$repo/tests/Spindle.Host.Tests/Fixtures/wagi/fixture.wasm"
echo "built samples/hello/hello.wasm and tests/Spindle.Host.Tests/Fixtures/wagi/fixture.wasm"
