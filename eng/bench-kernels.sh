#!/usr/bin/env bash
# Times every kernel in bench/kernels/kernels.txt natively (the same C, clang-14 -O2), in node's V8 (the
# committed .wasm) and in Spindle (the same .wasm; `spindle-bench kernels` mode of bench/Spindle.Bench),
# in one run, and prints a markdown table with the ratios Spindle/native and Spindle/V8 and their geometric
# means. Each figure is the fastest of RUNS timed calls after one warm-up call, inside one process (the minimum
# rather than the median, because it is the figure least disturbed by other load on a shared machine), over
# ROUNDS rounds that alternate native, V8 and Spindle.
# Needs clang-14, node and the .NET SDK. Usage: eng/bench-kernels.sh [RUNS [ROUNDS]] (default 5 calls, 3 rounds)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
rounds=${2:-3}
kernels="$repo/bench/kernels"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/bench/Spindle.Bench" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
bench_dll=$(ls "$repo"/bench/Spindle.Bench/bin/Release/net*/Spindle.Bench.dll | head -n1)

field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
fastest() { if [ -z "$1" ]; then echo "$2"; elif [ -z "$2" ]; then echo "$1"; else awk -v a="$1" -v b="$2" 'BEGIN { print (a < b ? a : b) }'; fi; }

echo "$(nproc) CPUs, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); clang-14 -O2 native, node $(node --version), .NET $(dotnet --version)"
echo
echo "| kernel | arg | native ms | V8 ms | Spindle ms | Spindle/native | Spindle/V8 |"
echo "|---|---|---|---|---|---|---|"
log_native=0; log_v8=0; count=0; mismatch=""
while read -r name arg; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  clang-14 -O2 -DKERNEL_FUNCTION="$name" -o "$work/$name" "$kernels/harness/native.c" "$kernels/$name.c" -lm
  # ROUNDS alternating rounds of the three, keeping each one's fastest: a burst of other load on a shared
  # machine then has to hit the same engine in every round to skew a ratio.
  n_ms=""; v_ms=""; s_ms=""; spindle=""
  for ((round = 0; round < rounds; round++)); do
    native=$("$work/$name" "$arg" "$runs" </dev/null)
    v8=$(node "$kernels/harness/v8.mjs" "$kernels/$name.wasm" "$name" "$arg" "$runs" </dev/null)
    spindle=$(dotnet "$bench_dll" kernels "$kernels/$name.wasm" "$name" "$arg" "$runs" </dev/null 2>&1 | tail -n1)
    n_ms=$(fastest "$n_ms" "$(echo "$native" | field min_ms)")
    v_ms=$(fastest "$v_ms" "$(echo "$v8" | field min_ms)")
    s_ms=$(fastest "$s_ms" "$(echo "$spindle" | field min_ms)")
  done
  n_res=$(echo "$native" | field result); v_res=$(echo "$v8" | field result); s_res=$(echo "$spindle" | field result)
  if [ -z "$s_ms" ]; then
    echo "| $name | $arg | $n_ms | $v_ms | failed: ${spindle:0:60} | - | - |"
    continue
  fi
  [ "$n_res" = "$v_res" ] && [ "$n_res" = "$s_res" ] || mismatch="$mismatch $name(native=$n_res v8=$v_res spindle=$s_res)"
  r_native=$(awk -v s="$s_ms" -v n="$n_ms" 'BEGIN { printf "%.2f", s / n }')
  r_v8=$(awk -v s="$s_ms" -v v="$v_ms" 'BEGIN { printf "%.2f", s / v }')
  log_native=$(awk -v a="$log_native" -v s="$s_ms" -v n="$n_ms" 'BEGIN { print a + log(s / n) }')
  log_v8=$(awk -v a="$log_v8" -v s="$s_ms" -v v="$v_ms" 'BEGIN { print a + log(s / v) }')
  count=$((count + 1))
  echo "| $name | $arg | $n_ms | $v_ms | $s_ms | $r_native | $r_v8 |"
done < "$kernels/kernels.txt"
if [ "$count" -gt 0 ]; then
  awk -v a="$log_native" -v b="$log_v8" -v c="$count" \
    'BEGIN { printf "| **geometric mean** (%d kernels) | | | | | **%.2f** | **%.2f** |\n", c, exp(a / c), exp(b / c) }'
fi
[ -z "$mismatch" ] || echo "WARNING: results differ:$mismatch"
