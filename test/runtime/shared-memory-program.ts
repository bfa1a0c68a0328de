/**
 * @file User programs on large arrays with a worker on, each a synchronous
 * loop that drops what it gets back, as test/runtime/shared-memory.test.ts
 * runs them (in a process of their own, with --expose-gc). Prints one JSON
 * line: the memory of live ArrayBuffers and SharedArrayBuffers before the
 * loop, at its peak during the loop and after the loop once collected
 * (MiB; Node's count, which the C allocator's caching does not blur as it
 * does the resident size), and whether the values were right.
 *
 *     node --expose-gc scripts/run-ts.mjs test/runtime/shared-memory-program.ts map|loop|array
 */
import * as kex from "kernex";
import type { Window } from "../helpers/check";

const MiB = 1 << 20;
const buffers = (): number => process.memoryUsage().arrayBuffers / MiB;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with --expose-gc");

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setTimeout(r, 50));
  }
}

function pseudoRandom(n: number): Float64Array {
  const a = new Float64Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    a[i] = s / 2147483648;
  }
  return a;
}

/** `calls` calls of `call` in a synchronous loop, buffer memory sampled after each. */
async function measure(calls: number, call: () => void, check: () => boolean): Promise<void> {
  call();
  await settle();
  const before = buffers();
  let peak = before;
  for (let i = 0; i < calls; i++) {
    call();
    peak = Math.max(peak, buffers());
  }
  const right = check();
  await settle();
  console.log(JSON.stringify({ before, peak, after: buffers(), right }));
}

kex.config({ workers: 1 });
const scenario = process.argv[2];
const r = 0.2;
const heat = kex.smap({ kernelSize: [3, 3], offset: 1, relative: true, scope: { r } }, (u: Window) => u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));

if (scenario === "map") {
  // results of 32.04 MiB: above the size written in place on fresh shared memory
  const [rows, cols] = [1500, 2800];
  const xd = pseudoRandom(rows * cols);
  const x = kex.array(xd, { shape: [rows, cols] });
  const f = kex.jit(heat);
  let y = f(x);
  await measure(40, () => (y = f(x)), () => {
    for (let i = 1; i < rows - 1; i++) {
      for (let j = 1; j < cols - 1; j++) {
        const k = i * cols + j;
        const want = xd[k]! + r * (xd[k + cols]! + xd[k - cols]! + xd[k + 1]! + xd[k - 1]! - 4 * xd[k]!);
        if (Math.abs(y.data[k]! - want) > 1e-12) return false;
      }
    }
    return y.data[0] === xd[0] && y.data[rows * cols - 1] === xd[rows * cols - 1];
  });
} else if (scenario === "loop") {
  // a 1024² loop of 4 steps, sharded (too short for the loop's probe of one thread against the pool)
  const u0 = kex.array(pseudoRandom(1 << 20), { shape: [1024, 1024] });
  const run = (): kex.NDArray => kex.foriLoop(0, 4, (_i, u: kex.NDArray) => heat(u), u0);
  kex.config({ workers: 0 });
  const want = run().data;
  kex.config({ workers: 1 });
  let got = run();
  await measure(100, () => (got = run()), () => got.data.every((v, i) => Object.is(v, want[i])));
} else if (scenario === "array") {
  // 8 MiB arrays made one after the other, each dropped (1.6 GiB in all)
  const data = pseudoRandom(1 << 20);
  let a = kex.array(data);
  await measure(200, () => (a = kex.array(data)), () => a.data.every((v, i) => v === data[i]));
} else {
  throw new Error(`scenario: got ${String(scenario)}, expected map, loop or array`);
}
