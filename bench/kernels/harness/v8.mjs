// V8 timing harness (node): instantiates a kernel .wasm with no imports and times one export.
// Usage: node v8.mjs KERNEL.wasm EXPORT ARG RUNS; prints "median_ms=<m> min_ms=<m> result=<r>" after one warm-up run.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [file, name, argText, runsText] = process.argv.slice(2);
const arg = Number(argText), runs = Number(runsText);
const { instance } = await WebAssembly.instantiate(readFileSync(file), {});
const kernel = instance.exports[name];
let result = kernel(arg); // warm-up (and tier-up)
const times = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  result = kernel(arg);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`median_ms=${times[runs >> 1].toFixed(3)} min_ms=${times[0].toFixed(3)} result=${result}`);
