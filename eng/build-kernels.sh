#!/usr/bin/env bash
# Rebuilds the benchmark kernels bench/kernels/*.c into bench/kernels/*.wasm (committed beside the sources),
# and bench/Spindle.Bench/Modules/*.wat into .wasm. Kernels are
# freestanding wasm32, no libc, no imports, every KERNEL function exported.
# Needs clang-14, lld-14 and wabt (apt-get install clang-14 lld-14 wabt). Usage: eng/build-kernels.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo/bench/kernels"
for source in *.c; do
  name=${source%.c}
  clang-14 --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--export-dynamic -o "$name.wasm" "$source"
  # A kernel must stand alone: any import would mean a libc call slipped in.
  if wasm-objdump -x -j Import "$name.wasm" 2>/dev/null | grep -q ' <- '; then
    echo "eng/build-kernels.sh: $name.wasm has imports:" >&2
    wasm-objdump -x -j Import "$name.wasm" >&2
    exit 1
  fi
  echo "built bench/kernels/$name.wasm ($(stat -c %s "$name.wasm") bytes)"
done

# The benchmark modules written in the text format (bench/Spindle.Bench/Modules/*.wat), with wabt's wat2wasm.
cd "$repo/bench/Spindle.Bench/Modules"
for source in *.wat; do
  wat2wasm "$source" -o "${source%.wat}.wasm"
  echo "built bench/Spindle.Bench/Modules/${source%.wat}.wasm ($(stat -c %s "${source%.wat}.wasm") bytes)"
done

# The decode/validate/compile benchmark modules, from C (bench/Spindle.Bench/Modules/frontend.c): the large one
# (~850 KB) and a small one with -DSMALL. --export-all keeps every function so nothing is dead-stripped.
cd "$repo/bench/Spindle.Bench/Modules"
for variant in frontend:"" frontend-small:-DSMALL; do
  name=${variant%%:*}
  clang-14 --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--export-all ${variant#*:} -o "$name.wasm" frontend.c
  echo "built bench/Spindle.Bench/Modules/$name.wasm ($(stat -c %s "$name.wasm") bytes)"
done
