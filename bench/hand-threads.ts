/**
 * @file Two threads written by hand, as the baseline of kernex's sharding
 * (issue #23): W1 (conv2d (3,1024,1024)), W3 (laplacian 1024²), W7 (7×7
 * blur 1024²) and B1r (W1's backward pass for a given cotangent, x̄ of
 * sum(conv2d · r)) as the loops of bench/hand.ts and
 * bench/hand-backward.ts cut into row ranges (the same source on both
 * threads), run on the calling thread alone and
 * on the calling thread plus one worker_threads worker into a fresh result
 * each call, the way a careful programmer would: the inputs in shared
 * memory once, the caller writing its rows straight into the fresh result,
 * the worker writing its rows into a reused shared buffer that the caller
 * copies out (a worker cannot write an ordinary buffer, and a fresh shared
 * one costs a page fault per 4 KiB). The two halves meet with Atomics.
 *
 * Printed per workload, interleaved call by call with kernex on one thread
 * and on two (`workers: 1`): the hand-written speed-up t(1)/t(2), kernex's,
 * and kernex's as a share of the hand-written one (the target is ≥ 95%);
 * and W5's (the linear convection kscan (4000,4000)) speed-up alone.
 *
 * It measures in a child process under the C allocator settings of
 * bench/allocator.ts, as the speed-up rows of bench/run.ts do
 * (`--default-malloc`: with glibc's defaults, in this process).
 *
 * Usage: node --expose-gc scripts/run-ts.mjs bench/hand-threads.ts [--seconds S] [--default-malloc]
 */
import { Worker } from "node:worker_threads";
import * as kex from "kernex";
import { interleavedMedians } from "./interleave";
import * as hand from "./hand";
import * as handBackward from "./hand-backward";
import { random } from "./random";
import { rerunUnderAllocatorSettings } from "./allocator";

// the measurement runs in a child under the allocator settings; this process has nothing left to do
if (rerunUnderAllocatorSettings()) process.exit(0);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const seconds = process.argv.includes("--seconds") ? Number(process.argv[process.argv.indexOf("--seconds") + 1]) : 6;
const H = 1024;
const K = 7;

/**
 * The row-range loops of bench/hand.ts (its best single-thread code: the
 * interiors unrolled, weights in locals, borders in separate loops), as
 * source that both threads run: rows [lo, hi) of the output `o`, indexed as
 * the whole result (the worker writes its rows at their place in a
 * full-size scratch). x: the input; w: weights; H×W: the input's plane.
 */
const KERNELS = `
${[hand.conv2dRows, hand.conv2dBorder, hand.laplacianRows, hand.blurRows, hand.blurBorder, handBackward.convGradCotangentRows].map(String).join("\n")}
const kernels = {
  conv: (x, w, o, H, W, lo, hi) => ${hand.conv2dRows.name}(x, w, 3, H, W, o, lo, hi),
  lap: (x, w, o, H, W, lo, hi) => ${hand.laplacianRows.name}(x, H, W, o, lo, hi),
  blur: (x, w, o, H, W, lo, hi) => ${hand.blurRows.name}(x, w, 7, H, W, o, lo, hi),
  b1r: (r, w, o, H, W, lo, hi) => ${handBackward.convGradCotangentRows.name}(r, w, 3, H, W, o, lo, hi),
};
`;

/** The worker: waits on ctl[0] for a new job number, runs its rows into scratch, stores the number in ctl[1]. */
const WORKER = `
const { workerData } = require("node:worker_threads");
${KERNELS}
const { ctl, jobs } = workerData;
let seen = 0;
for (;;) {
  Atomics.wait(ctl, 0, seen);
  seen = Atomics.load(ctl, 0);
  if (seen < 0) break;
  const j = jobs[ctl[2]];
  kernels[j.kind](j.x, j.w, j.scratch, j.H, j.W, ctl[3], ctl[4]);
  Atomics.store(ctl, 1, seen);
  Atomics.notify(ctl, 1);
}
`;

// the caller's copies of the row loops (built from the same source)
const local = new Function(`${KERNELS}; return kernels;`)() as Record<string, (x: Float64Array, w: Float64Array, o: Float64Array, H: number, W: number, lo: number, hi: number) => void>;

interface HandJob {
  readonly kind: "lap" | "conv" | "blur" | "b1r";
  readonly x: Float64Array;
  readonly w: Float64Array;
  /** Output rows and row length. */
  readonly H: number;
  readonly W: number;
  /** Output row length. */
  readonly Wout: number;
  /** The worker's rows, reused. */
  readonly scratch: Float64Array;
}

function sharedCopy(a: Float64Array): Float64Array {
  const s = new Float64Array(new SharedArrayBuffer(a.byteLength));
  s.set(a);
  return s;
}

const ctl = new Int32Array(new SharedArrayBuffer(32));
let jobNo = 0;

/** One call on the caller alone: a fresh result, every row. */
function handOne(j: HandJob, rows: number): Float64Array {
  const out = new Float64Array(rows * j.Wout);
  local[j.kind]!(j.x, j.w, out, j.H, j.W, 0, rows);
  return out;
}

/** One call on two threads: the worker takes the last `rows − split` rows into scratch, copied out at the end. */
function handTwo(id: number, j: HandJob, rows: number): Float64Array {
  const out = new Float64Array(rows * j.Wout);
  const split = rows >> 1;
  Atomics.store(ctl, 2, id);
  Atomics.store(ctl, 3, split);
  Atomics.store(ctl, 4, rows);
  const no = ++jobNo;
  Atomics.store(ctl, 0, no);
  Atomics.notify(ctl, 0);
  local[j.kind]!(j.x, j.w, out, j.H, j.W, 0, split);
  // wait on the value just compared: loading it again for the wait could see `no` and sleep for good
  for (let v = Atomics.load(ctl, 1); v !== no; v = Atomics.load(ctl, 1)) Atomics.wait(ctl, 1, v);
  out.set(j.scratch.subarray(split * j.Wout, rows * j.Wout), split * j.Wout);
  return out;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const x3 = random(3 * H * H, 1);
const w3 = random(27, 2);
const u = random(H * H, 4);
const t = Array.from({ length: K }, (_, i) => Math.exp(-0.5 * (i - (K - 1) / 2) ** 2));
const g2 = Float64Array.from({ length: K * K }, (_, i) => t[Math.floor(i / K)]! * t[i % K]!);
const gsum = g2.reduce((a, b) => a + b, 0);
const wb = g2.map((v) => v / gsum);
const rB = Float64Array.from({ length: H * H }, (_, i) => Math.cos(i / 7));

const jobs: HandJob[] = [
  { kind: "conv", x: sharedCopy(x3), w: sharedCopy(w3), H, W: H, Wout: H, scratch: new Float64Array(new SharedArrayBuffer(H * H * 8)) },
  { kind: "lap", x: sharedCopy(u), w: sharedCopy(new Float64Array(1)), H, W: H, Wout: H - 2, scratch: new Float64Array(new SharedArrayBuffer(H * H * 8)) },
  { kind: "blur", x: sharedCopy(u), w: sharedCopy(wb), H, W: H, Wout: H, scratch: new Float64Array(new SharedArrayBuffer(H * H * 8)) },
  // B1r's rows are the 3·H rows of its (3, H, H) gradient; its input is the cotangent r
  { kind: "b1r", x: sharedCopy(rB), w: sharedCopy(w3), H, W: H, Wout: H, scratch: new Float64Array(new SharedArrayBuffer(3 * H * H * 8)) },
];
const rowsOf = [H, H - 2, H, 3 * H];
const worker = new Worker(WORKER, { eval: true, workerData: { ctl, jobs } });

const conv2d = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)));
const conv = kex.jit(conv2d);
const lap = kex.jit(kex.kmap({ kernelSize: [3, 3], relative: true }, (q: Win) => q[1][0] + q[-1][0] + q[0][1] + q[0][-1] - 4 * q[0][0]));
const wbArr = kex.array(wb, { shape: [K, K] });
const blur = kex.jit(kex.kmap({ kernelSize: [K, K], padding: "same", scope: { wbArr } }, (x: Win) => kex.sum(kex.mul(x, wbArr))));
const kx3 = kex.array(x3, { shape: [3, H, H] });
const kw3 = kex.array(w3, { shape: [3, 3, 3] });
const ku = kex.array(u, { shape: [H, H] });
const kr = kex.array(rB, { shape: [1, H, H] });
const b1r = kex.jit(kex.grad((x: kex.NDArray, w: kex.NDArray) => kex.sum(kex.mul(conv2d(x, w), kr))));
const kernexCalls: (() => kex.NDArray)[] = [() => conv(kx3, kw3) as kex.NDArray, () => lap(ku) as kex.NDArray, () => blur(ku) as kex.NDArray, () => b1r(kx3, kw3) as kex.NDArray];

function convection(nt: number, nx: number): (u: kex.NDArray) => kex.NDArray {
  const [c, dt, dx] = [0.5, 0.5 / (nt - 1), 2 / (nx - 1)];
  const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true, namedAxis: { 0: "n", 1: "i" }, scope: { c, dt, dx } });
  F.at[":, 0"] = F.at[":, -1"] = () => 1;
  F.at[`0:1, ${Math.trunc(nx / 4)}:${Math.trunc(nx / 2)}`] = () => 2;
  F.at["1:, 1:-1"] = (q: Win) => q.at("i", "n-1") - ((c * dt) / dx) * (q.at("i", "n-1") - q.at("i-1", "n-1"));
  return F;
}

const withWorkers = (workers: number, f: () => unknown) => (): unknown => {
  kex.config({ workers });
  return f();
};

async function main(): Promise<void> {
  // the first sharded call starts kernex's pool (bundled with kernex: not the one "../runtime/pool" would start here)
  kex.config({ workers: 1 });
  kernexCalls[0]!();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const names = ["W1 conv2d (3,1024,1024)", "W3 laplacian 1024²", "W7 blur 7×7 1024²", "B1r conv2d backward (3,1024,1024)"];
  for (let id = 0; id < jobs.length; id++) {
    const j = jobs[id]!;
    const rows = rowsOf[id]!;
    const ref = handOne(j, rows);
    const two = handTwo(id, j, rows);
    const k = kernexCalls[id]!().data;
    const d = Math.max(maxAbsDiff(two, ref), maxAbsDiff(k, ref));
    if (!(d <= 1e-9)) throw new Error(`${names[id]}: the hand-written threads or kernex differ from the one-thread loop by ${d}`);
    const [h1, h2, k1, k2] = interleavedMedians([() => handOne(j, rows), () => handTwo(id, j, rows), withWorkers(0, kernexCalls[id]!), withWorkers(1, kernexCalls[id]!)], { timeMs: seconds * 1000, warmup: 3 });
    const hs = h1! / h2!;
    const ks = k1! / k2!;
    console.log(`| ${names[id]} | hand ${h1!.toFixed(2)} / ${h2!.toFixed(2)} ms: ${hs.toFixed(2)}× | kernex ${k1!.toFixed(2)} / ${k2!.toFixed(2)} ms: ${ks.toFixed(2)}× | kernex/hand speed-up ${((100 * ks) / hs).toFixed(0)}% |`);
  }
  const F = convection(4000, 4000);
  const ones = kex.ones([4000, 4000]);
  const w5 = (): unknown => F(ones);
  const [o1, o2] = interleavedMedians([withWorkers(0, w5), withWorkers(1, w5)], { timeMs: seconds * 1000, warmup: 1, minRounds: 5 });
  console.log(`| W5 linear convection kscan (4000,4000) | kernex ${o1!.toFixed(1)} / ${o2!.toFixed(1)} ms: ${(o1! / o2!).toFixed(2)}× (target ≥ 1.6×) |`);
  Atomics.store(ctl, 0, -1);
  Atomics.notify(ctl, 0);
  await worker.terminate();
  kex.config({ workers: "auto" });
}

await main();
