/**
 * @file Heap retained by the "wasm" backend's kernels: 20 W7 blurs (7×7,
 * "same") over 20 shapes (21×21 to 40×40), each its own stencil and
 * module. Their JavaScript kernels are compiled first (backend "js"), then
 * the same calls on "wasm" build the modules; the kernel cache keeps both.
 * Prints `process.memoryUsage().heapUsed` after gc at each step, the
 * difference per module, and the same for `arrayBuffers` (off the heap:
 * the bytes of large typed arrays, such as a module's binary).
 *
 * Usage: node --expose-gc scripts/run-ts.mjs bench/wasm-retained.ts
 */
import { execSync } from "node:child_process";
import * as kex from "kernex";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc");

function heap(): number {
  for (let i = 0; i < 4; i++) gc!();
  buffers = process.memoryUsage().arrayBuffers;
  return process.memoryUsage().heapUsed;
}
let buffers = 0;

const count = 20;
const w = kex.full([7, 7], 1 / 49);
const blur = kex.kmap({ kernelSize: [7, 7], padding: "same", scope: { w } }, (x: Win) => kex.sum(kex.mul(x, w)));
const inputs = Array.from({ length: count }, (_, i) => kex.array(new Float64Array((21 + i) ** 2).map((_, j) => Math.cos(j)), { shape: [21 + i, 21 + i] }));
const js = kex.jit(blur, { backend: "js" });
const wasm = kex.jit(blur, { backend: "wasm" });
const start = heap();
for (const x of inputs) js(x);
const afterJs = heap();
const buffersJs = buffers;
for (const x of inputs) {
  const a = wasm(x).data;
  const b = js(x).data;
  if (!a.every((v, i) => Object.is(v, b[i]))) throw new Error("wasm and js differ");
}
const afterWasm = heap();
const mib = (b: number): string => (b / 2 ** 20).toFixed(2);
console.log(`heapUsed: start ${mib(start)} MiB, after ${count} js kernels ${mib(afterJs)} MiB, after ${count} wasm modules ${mib(afterWasm)} MiB`);
console.log(`retained by the wasm modules: ${mib(afterWasm - afterJs)} MiB, ${Math.round((afterWasm - afterJs) / count / 1024)} KiB per module`);
console.log(`arrayBuffers retained by the wasm modules: ${mib(buffers - buffersJs)} MiB, ${Math.round((buffers - buffersJs) / count / 1024)} KiB per module`);
console.log(`load average: ${execSync("uptime").toString().trim()}`);
