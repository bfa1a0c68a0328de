/**
 * @file Worker-pool overhead and speed-up, reported as times and ratios: the
 * round trip of an empty sharded job, the cost of resending a kernel body,
 * elementwise / 3-point-stencil jobs on the caller alone vs sharded, and
 * multi-step jobs (a kscan's rows: the barrier, and rows of each width). Run with
 * `npx esbuild bench/pool-overhead.ts --bundle --platform=node --format=esm --outfile=/tmp/pool-overhead.mjs && node /tmp/pool-overhead.mjs`.
 */

import { allocate } from "../runtime/buffers";
import { type Job, WorkerPool } from "../runtime/pool";
import { hardwareConcurrency } from "../runtime/platform";

/** Median time per call in microseconds over `rounds` rounds of `reps` calls. */
function timeUs(run: () => void, reps: number, rounds = 7): number {
  for (let i = 0; i < reps; i++) run(); // warm up: JIT, kernel caches, worker wake-ups
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run();
    samples.push(((performance.now() - t0) * 1000) / reps);
  }
  samples.sort((a, b) => a - b);
  return samples[rounds >> 1];
}

const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);

const single = new WorkerPool(0);
const pools = [1, 2].map((size) => new WorkerPool(size));
await Promise.all(pools.map((p) => p.ready()));
console.log(`hardware threads: ${hardwareConcurrency()}`);

// 1. Empty jobs. One step: the caller finishes first and takes the workers' empty ranges
// itself, so this is the cost of dispatch alone. Two steps: the caller must wait at the
// barrier until each worker has woken up and done step 0 — the full round trip.
const out = allocate("float64", 8);
const empty: Job = { hash: "empty", body: "", f: [out], t: [], n: 8 };
const padding = `/*${"x".repeat(4096)}*/`;
const emptyBig: Job = { ...empty, hash: "empty-4k", body: padding };
const base = timeUs(() => single.runSync(empty), 20_000);
console.log(`\nempty job, calling thread only:        ${fmt(base)}`);
for (const pool of pools) {
  const t = timeUs(() => pool.runSync(empty), 5_000);
  const tBig = timeUs(() => pool.runSync(emptyBig), 5_000);
  console.log(
    `empty job, caller + ${pool.size} worker(s):        ${fmt(t)}   (4 KB body resent each time: ${fmt(tBig)}, ×${(tBig / t).toFixed(2)})`,
  );
  const rt = timeUs(() => pool.runSync({ ...empty, steps: 2 }), 2_000);
  const rtBig = timeUs(() => pool.runSync({ ...emptyBig, steps: 2 }), 2_000);
  console.log(`  round trip (2 steps), caller + ${pool.size} worker(s): ${fmt(rt)}   (4 KB body: ${fmt(rtBig)}, ×${(rtBig / rt).toFixed(2)})`);
}
{
  const pool = pools[0];
  let total = 0;
  const reps = 2_000;
  for (let i = 0; i < 200; i++) await pool.runAsync(empty);
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) await pool.runAsync(empty);
  total = ((performance.now() - t0) * 1000) / reps;
  console.log(`empty job, runAsync on ${pool.size} worker(s):       ${fmt(total)}`);
}

// 2. Real work: elementwise and a 1-D 3-point stencil, caller alone vs sharded.
const kernels: { name: string; hash: string; body: string; halo: number }[] = [
  { name: "elementwise", hash: "ew", body: "const x = f[0], y = f[1]; for (let i = lo; i < hi; i++) y[i] = 2 * x[i] + 1;", halo: 0 },
  {
    name: "3-point stencil",
    hash: "st3",
    body: "const x = f[0], y = f[1]; for (let i = lo; i < hi; i++) y[i + 1] = 0.25 * x[i] + 0.5 * x[i + 1] + 0.25 * x[i + 2];",
    halo: 2,
  },
];
for (const k of kernels) {
  console.log(`\n${k.name}: time on caller alone, and speed-up (caller time / sharded time)`);
  for (const n of [10_000, 50_000, 100_000, 300_000, 1_000_000, 4_000_000]) {
    const x = allocate("float64", n + k.halo);
    const y = allocate("float64", n + k.halo);
    for (let i = 0; i < x.length; i++) x[i] = Math.sin(i);
    const job: Job = { hash: k.hash, body: k.body, f: [x, y], t: [], n };
    const reps = Math.max(5, Math.round(2e7 / n));
    const t1 = timeUs(() => single.runSync(job), reps);
    const ratios = pools.map((pool) => t1 / timeUs(() => pool.runSync(job), reps));
    console.log(
      `  n=${String(n).padStart(9)}  ${fmt(t1).padStart(9)}   ` +
        pools.map((p, i) => `caller+${p.size}: ×${ratios[i].toFixed(2)}`).join("   "),
    );
  }
}

// 3. Multi-step jobs, as a kscan's parallel rows: a barrier after every step. First empty steps
// (the barrier alone), then a linear-convection row (row k+1 from row k) of each width, 16M cells
// in all: the calling thread alone against it and one worker (MIN_WORK_PER_STEP; the kscan
// itself costs ~9 statements a cell).
{
  const pool = pools[0];
  const steps = 4000;
  const barrier = timeUs(() => pool.runSync({ ...empty, n: 2, steps }), 3, 5) / steps;
  console.log(`\nbarrier between steps, caller + 1 worker: ${fmt(barrier)} per step`);
  console.log("linear-convection rows, 16M cells: time per step on the caller alone, and speed-up");
  const body = "const u = f[0], w = s[0], src = k * w, dst = src + w;" + "for (let i = lo; i < hi; i++) u[dst + i] = i === 0 || i === w - 1 ? 1 : u[src + i] - 0.25 * (u[src + i] - u[src + i - 1]);";
  for (const width of [250, 500, 1000, 2000, 4000, 8000]) {
    const rows = Math.round(16_000_000 / width);
    const u = allocate("float64", rows * width).fill(1);
    const job: Job = { hash: "rows", body, f: [u], t: [], scalars: [width], n: width, steps: rows - 1 };
    const t1 = timeUs(() => single.runSync(job), 2, 5);
    const t2 = timeUs(() => pool.runSync(job), 2, 5);
    console.log(`  rows of ${String(width).padStart(5)}  ${fmt(t1 / (rows - 1)).padStart(9)} a step   caller+1: ×${(t1 / t2).toFixed(2)}`);
  }
}

for (const pool of [single, ...pools]) pool.terminate();
