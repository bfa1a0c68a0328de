/**
 * @file Per-call cost of a large result (issue #23): the seed's linear
 * convection kscan at 1000² (jitted, one thread), 20 calls in a fresh
 * process while the caller keeps its last three results, reported as the
 * median call over the fastest (1.0 when every call costs what the fastest
 * does; fresh 8 MB results from the kernel take ~2,000 page faults each):
 *
 * - `turns`: plain calls with a turn of the event loop between them (dropped
 *   results come back through the pool's FinalizationRegistry);
 * - `donate`: a synchronous loop u = f(u) with f = jit(F, { donate: [0] }).
 *
 * And the fixed cost of a small call (`small`): a jitted kmap on a
 * 16-element array against calling its generated function directly on the
 * same buffers (interleaved medians of batches of calls), the difference
 * being what kernex adds above the loop; and the first call of W1's kernel
 * in a fresh process, import included (bench/first-call.ts).
 *
 * Usage: node scripts/run-ts.mjs bench/call-cost.ts [--child turns|donate|small]
 * (without --child it runs each mode in a process of its own and prints every row).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import * as kex from "kernex";
import { interleavedMedians, median } from "./interleave";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const CALLS = 20;
const mode = process.argv.includes("--child") ? process.argv[process.argv.indexOf("--child") + 1] : undefined;

function convection(nt: number, nx: number): (u: kex.NDArray) => kex.NDArray {
  const [c, dt, dx] = [0.5, 0.5 / (nt - 1), 2 / (nx - 1)];
  const q = Math.trunc((nx - 1) / 4) + 1;
  const h = Math.trunc((nx - 1) / 2);
  const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true, namedAxis: { 0: "n", 1: "i" }, scope: { c, dt, dx } });
  F.at[":, 0"] = F.at[":, -1"] = () => 1;
  F.at[`:, :${q}`] = F.at[`:, ${h}:`] = () => 1;
  F.at[`0:1, ${q}:${h}`] = () => 2;
  F.at["1:, 1:-1"] = (u: Win) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));
  return F;
}


/** Calls per timed sample of the small-call mode (one call is a few µs, near the timer's resolution). */
const BATCH = 256;

/** Overhead of a jitted call on 16 elements above its generated loop, in µs. */
function smallCall(): void {
  kex.config({ workers: 0 });
  const f = kex.jit(kex.kmap({ kernelSize: 3 }, (w: Win) => kex.sum(w)));
  const x = kex.array(Float64Array.from({ length: 16 }, (_, i) => Math.sin(i)));
  // the generated function of the one stencil, built from its source as kernex builds it
  const loop = new Function(`"use strict";\n${f.lower(x).js}`)() as (f: Float64Array[], t: Int32Array[], s: undefined, lo: number, hi: number, k: number) => void;
  const out = new Float64Array(14);
  loop([x.data as Float64Array, out], [], undefined, 0, 14, -1);
  const expected = (f(x) as kex.NDArray).toArray() as number[];
  if (expected.some((v, i) => v !== out[i])) throw new Error(`the generated function gives ${String(Array.from(out))}, the jitted call ${String(expected)}`);
  const [jitted, direct] = interleavedMedians(
    [
      () => {
        for (let i = 0; i < BATCH; i++) f(x);
      },
      () => {
        for (let i = 0; i < BATCH; i++) loop([x.data as Float64Array, out], [], undefined, 0, 14, -1);
      },
    ],
    { timeMs: 3000, warmup: 20, minRounds: 50 },
  );
  const us = (ms: number): number => (ms / BATCH) * 1000;
  console.log(JSON.stringify({ mode: "small", jitted: us(jitted!), direct: us(direct!), overhead: us(jitted! - direct!) }));
}

async function child(which: string): Promise<void> {
  if (which === "small") return smallCall();
  kex.config({ workers: 0 });
  const F = convection(1000, 1000);
  const times: number[] = [];
  const faults: number[] = [];
  const kept: kex.NDArray[] = [];
  let u = kex.ones([1000, 1000]);
  if (which === "turns") {
    const f = kex.jit(F);
    for (let i = 0; i < CALLS; i++) {
      const f0 = process.resourceUsage().minorPageFault;
      const t0 = performance.now();
      const r = f(u);
      times.push(performance.now() - t0);
      faults.push(process.resourceUsage().minorPageFault - f0);
      kept.push(r);
      if (kept.length > 3) kept.shift();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } else {
    const f = kex.jit(F, { donate: [0] });
    for (let i = 0; i < CALLS; i++) {
      const f0 = process.resourceUsage().minorPageFault;
      const t0 = performance.now();
      u = f(u);
      times.push(performance.now() - t0);
      faults.push(process.resourceUsage().minorPageFault - f0);
      kept.push(u);
      if (kept.length > 3) kept.shift();
    }
  }
  const fastest = Math.min(...times);
  if (process.argv.includes("--each")) console.error(times.map((t, i) => `${t.toFixed(1)}/${faults[i]}`).join(" "));
  console.log(JSON.stringify({ mode: which, median: median(times), fastest, ratio: median(times) / fastest, faults: median(faults) }));
}

if (mode !== undefined) {
  await child(mode);
} else {
  // run from the repository's root, as npm scripts are
  const run = (file: string, ...args: string[]): string => spawnSync(process.execPath, [join(process.cwd(), "scripts/run-ts.mjs"), join(process.cwd(), file), ...args], { encoding: "utf8" }).stdout.trim().split("\n").at(-1) ?? "";
  const small = JSON.parse(run("bench/call-cost.ts", "--child", "small")) as { jitted: number; direct: number; overhead: number };
  console.log(`| jitted kmap on 16 elements | call ${small.jitted.toFixed(2)} µs | generated loop ${small.direct.toFixed(2)} µs | overhead ${small.overhead.toFixed(2)} µs |`);
  const first = JSON.parse(run("bench/first-call.ts")) as { importMs: number; callMs: number; repeatMs: number };
  const fixed = first.callMs - first.repeatMs;
  console.log(`| W1 first call, fresh process | import ${first.importMs.toFixed(1)} ms | first call ${first.callMs.toFixed(1)} ms, second ${first.repeatMs.toFixed(1)} ms | import + fixed cost ${(first.importMs + fixed).toFixed(1)} ms |`);
  for (const which of ["turns", "donate"]) {
    const r = spawnSync(process.execPath, [join(process.cwd(), "scripts/run-ts.mjs"), join(process.cwd(), "bench/call-cost.ts"), "--child", which], { encoding: "utf8" });
    const line = r.stdout.trim().split("\n").at(-1) ?? r.stderr;
    const row = JSON.parse(line) as { median: number; fastest: number; ratio: number; faults: number };
    console.log(`| convection kscan 1000², ${CALLS} calls, ${which} | median ${row.median.toFixed(1)} ms | fastest ${row.fastest.toFixed(1)} ms | median/fastest ${row.ratio.toFixed(2)} | median minor page faults per call ${row.faults} |`);
  }
}
