/**
 * @file Time loops (issue #23, "Programs, not calls"): the 2-D heat equation
 * u ← u + r·Δu stepped on the interior of an n×n grid, written three ways
 * with kernex against a plain two-buffer JavaScript loop (bench/hand.ts
 * heatSteps), in the same process:
 *
 * - `foriLoop`: the whole loop as one compiled program, one thread;
 * - `jit+donate`: `u = f(u)` in a synchronous loop, `f = jit(step, { donate: [0] })`, one thread;
 * - `jit`: the same without donation (every step a fresh result), one thread;
 * - `foriLoop auto`, `jit+donate auto`, `jit auto`: the same loops with `workers: "auto"` (their one-thread times over these are the speed-ups).
 *
 * Calls are interleaved one by one (plain, foriLoop, jit+donate, auto, plain,
 * ...), not run in blocks: a shared 2-core machine changes speed within a
 * second, and every ratio is of medians over the same stretch of time.
 * Values are checked against the plain loop first.
 *
 * Usage: node --expose-gc scripts/run-ts.mjs bench/loops.ts [--rounds N] [--grad]
 *   --grad: also the gradient row (64², 200 steps): grad time over forward time (--grad-only: just that row).
 */
import * as kex from "kernex";
import * as hand from "./hand";
import { median } from "./interleave";
import { random } from "./random";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const argValue = (flag: string, fallback: number): number => (process.argv.includes(flag) ? Number(process.argv[process.argv.indexOf(flag) + 1]) : fallback);
const ROUNDS = argValue("--rounds", 15);
const r = 0.2;

const step = kex.smap({ kernelSize: [3, 3], offset: 1, relative: true, scope: { r } }, (u: Win) => u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));



function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function timed(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

interface Variant {
  readonly name: string;
  readonly run: () => ArrayLike<number>;
}

/** Check `variants` against the first (the plain loop), time them in interleaved rounds; their medians. */
function measure(n: number, variants: readonly Variant[]): number[] {
  const want = variants[0]!.run();
  for (const v of variants.slice(1)) {
    const d = maxAbsDiff(v.run(), want);
    if (!(d <= 1e-12)) throw new Error(`heat ${n}²: ${v.name} differs from the plain loop by ${d}`);
  }
  const times = variants.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) variants.forEach((v, i) => times[i]!.push(timed(v.run)));
  return times.map(median);
}

/** One line of variants: µs per step, and the ratio to the plain loop (the first). */
function cells(variants: readonly Variant[], med: readonly number[], steps: number): string {
  return variants.map((v, i) => `${v.name} ${((med[i]! / steps) * 1000).toFixed(1)} µs/step (${(med[i]! / med[0]!).toFixed(2)})`).join(" | ");
}

/**
 * One size: the loops the targets name, interleaved; then, in rounds of
 * their own (each of its steps drops a fresh result, and the garbage would
 * disturb the others' times), the undonated jit loop on one thread and "auto".
 */
function heatRow(n: number, steps: number): void {
  const u0d = random(n * n, n);
  const u0 = kex.array(u0d, { shape: [n, n] });
  const loop = (workers: number | "auto") => (): ArrayLike<number> => {
    kex.config({ workers });
    return kex.foriLoop(0, steps, (_i, u: kex.NDArray) => step(u), u0).data;
  };
  const stepLoop = (f: (u: kex.NDArray) => kex.NDArray) => (workers: number | "auto") => (): ArrayLike<number> => {
    kex.config({ workers });
    let u = kex.array(u0d, { shape: [n, n] }); // a copy (kex.array copies), as a user would write it
    for (let s = 0; s < steps; s++) u = f(u);
    return u.data;
  };
  const donatedLoop = stepLoop(kex.jit((u: kex.NDArray) => step(u), { donate: [0] }));
  const plainLoop = stepLoop(kex.jit((u: kex.NDArray) => step(u)));
  const handLoop: Variant = { name: "plain", run: () => hand.heatSteps(u0d, n, r, steps) };
  const main: Variant[] = [
    handLoop,
    { name: "foriLoop", run: loop(0) },
    { name: "jit+donate", run: donatedLoop(0) },
    { name: "foriLoop auto", run: loop("auto") },
    { name: "jit+donate auto", run: donatedLoop("auto") },
  ];
  const m = measure(n, main);
  console.log(`| heat ${n}²×${steps} | ${cells(main, m, steps)} | auto speed-up: foriLoop ${(m[1]! / m[3]!).toFixed(2)}×, jit+donate ${(m[2]! / m[4]!).toFixed(2)}× |`);
  const undonated: Variant[] = [handLoop, { name: "jit", run: plainLoop(0) }, { name: "jit auto", run: plainLoop("auto") }];
  const u = measure(n, undonated);
  console.log(`| heat ${n}²×${steps}, undonated | ${cells(undonated, u, steps)} | auto speed-up ${(u[1]! / u[2]!).toFixed(2)}× |`);
  kex.config({ workers: "auto" });
}

/** Gradient of sum(foriLoop(...)²) w.r.t. the initial grid over its forward time, interleaved. */
function gradRow(n: number, steps: number): void {
  kex.config({ workers: 0 });
  const u0 = kex.array(random(n * n, 7), { shape: [n, n] });
  const loss = (u: kex.NDArray) => kex.sum(kex.square(kex.foriLoop(0, steps, (_i, v: kex.NDArray) => step(v), u)));
  // both jitted: traced once, so the ratio is of the computations
  const forward = kex.jit(loss);
  const g = kex.jit(kex.grad(loss));
  const tf: number[] = [];
  const tg: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    tf.push(timed(() => forward(u0)));
    tg.push(timed(() => g(u0)));
  }
  const k = Math.ceil(Math.sqrt(steps));
  const kept = Math.floor(steps / k) + k;
  console.log(`| grad heat ${n}²×${steps} | forward ${median(tf).toFixed(2)} ms | grad ${median(tg).toFixed(2)} ms | ratio ${(median(tg) / median(tf)).toFixed(2)} | carries kept at most ${kept} (2√n = ${(2 * Math.sqrt(steps)).toFixed(1)}) |`);
}

console.log(`heat equation, ${ROUNDS} interleaved rounds, medians; ratio to the plain two-buffer loop in parentheses`);
if (!process.argv.includes("--grad-only")) for (const [n, steps] of [[64, 1000], [256, 200], [1024, 20]] as const) heatRow(n, steps);
if (process.argv.includes("--grad") || process.argv.includes("--grad-only")) gradRow(64, 200);
