/**
 * @file The benchmark suite (`npm run bench`): every workload as a ratio of
 * kernex's median time to a hand-written Float64Array loop doing the same
 * work, measured in the same run (absolute times drift on shared machines;
 * ratios hold). Comparison rows for TensorFlow.js (cpu backend) and jax-js
 * are ratios to the same hand-written loop. Values are checked before timing.
 *
 * Usage: npm run bench [-- --quick] [-- --json out/bench.json]
 *        npm run bench -- --single       (only the single-thread rows against the hand-written loops)
 *        npm run bench -- --backward     (only the backward passes: B1, B1r against hand-written loops, their
 *                                         two-thread speed-ups with a bit-for-bit check, the kscan gradient)
 *        npm run bench -- --speedups N   (only the two-thread speed-ups, N runs: min, median, max;
 *                                         each workload in a process of its own, or all in one with --same-process;
 *                                         --default-malloc: without the C allocator settings below)
 *        npm run bench -- --peers        (only W1, W3, W4, W7: kernex on "js" and "wasm", jax-js and the
 *                                         hand-written loop interleaved call by call, one thread)
 *        npm run bench -- --webgpu [--rounds N]  (only the "webgpu" backend against "js": W1, W3, W7 and the
 *                                         T1 heat loop, with the adapter's name; bench/webgpu.ts)
 */
import { interleavedMedians } from "./interleave";
import * as kex from "kernex";
import * as hand from "./hand";
import { extraRows, loadJaxPeer } from "./comparisons";
import { firstCallCost, smallCallOverhead } from "./overhead";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { median, poolStartup, speedups, type SpeedupRow } from "./speedup";
import { backwardRows, convBackward, handBackwardRows, scanBackwardRow } from "./backward";
import { webgpuBench } from "./webgpu";
import { measuringEnv } from "./allocator";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const quick = process.argv.includes("--quick");
const jsonOut = process.argv.includes("--json") ? process.argv[process.argv.indexOf("--json") + 1] : undefined;
const speedupRuns = process.argv.includes("--speedups") ? Number(process.argv[process.argv.indexOf("--speedups") + 1]) : 0;
/** With --speedup-row: write the row here (read by the process that asked for it, below). */
const rowsOut = process.argv.includes("--rows-json") ? process.argv[process.argv.indexOf("--rows-json") + 1] : undefined;
/** With --speedups: measure every workload in this process, one after the other (the default gives each a process of its own). */
const sameProcess = process.argv.includes("--same-process");
/** Only the backward passes (backwardOnly). */
const backwardFlag = process.argv.includes("--backward");
/** --webgpu: only the webgpu rows (bench/webgpu.ts), N interleaved rounds with --rounds N. */
const webgpuFlag = process.argv.includes("--webgpu");
const webgpuRounds = process.argv.includes("--rounds") ? Number(process.argv[process.argv.indexOf("--rounds") + 1]) : 7;
/** --single: only the single-thread rows against the hand-written loops. */
const singleOnly = process.argv.includes("--single");
/** --peers: only the workloads with a jax-js version, three ways (peerRows). */
const jaxPeer = process.argv.includes("--peers") ? await loadJaxPeer() : undefined;
const peer = typeof jaxPeer === "object" ? jaxPeer : undefined;

/** Internal: measure only this row of the speed-up table (in a process of its own). */
const speedupRowIndex = process.argv.includes("--speedup-row") ? Number(process.argv[process.argv.indexOf("--speedup-row") + 1]) : undefined;

function random(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  }
  return out;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

interface Workload {
  readonly id: string;
  /** Include in the 2-thread speed-up table. */
  readonly shard?: boolean;
  readonly name: string;
  readonly target: number;
  readonly kernex: () => unknown;
  readonly hand: () => unknown;
  readonly check: () => number;
  /** The same work in jax-js (float32), with --peers. */
  readonly peer?: () => ArrayLike<number>;
}

const H = quick ? 256 : 1024;
const workloads: Workload[] = [];

{
  const C = 3;
  const xd = random(C * H * H, 1);
  const wd = random(27, 2);
  const x = kex.array(xd, { shape: [C, H, H] });
  const w = kex.array(wd, { shape: [3, 3, 3] });
  const conv = kex.jit(kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(x * w)));
  const out = new Float64Array(H * H);
  workloads.push({
    id: "W1",
    shard: true,
    name: `conv2d x(3,${H},${H}) w(3,3,3) ["valid","same","same"]`,
    target: 1.15,
    kernex: () => conv(x, w),
    hand: () => hand.conv2d(xd, wd, C, H, H, new Float64Array(H * H)),
    peer: peer?.conv(xd, wd, C, H),
    check: () => (hand.conv2d(xd, wd, C, H, H, out), maxAbsDiff(conv(x, w).data, out)),
  });
}
{
  const n = quick ? 100_000 : 1_000_000;
  const xd = random(n, 3);
  const x = kex.array(xd);
  const patches = kex.jit(kex.kmap({ kernelSize: 3, padding: "same" }, (x: Win) => x));
  const out = new Float64Array(3 * n);
  workloads.push({
    id: "W2",
    name: `patches of a ${n}-vector, kernel 3, "same"`,
    target: 1.3,
    kernex: () => patches(x),
    hand: () => hand.patches1d(xd, new Float64Array(3 * n)),
    check: () => (hand.patches1d(xd, out), maxAbsDiff(patches(x).data, out)),
  });
}
{
  const xd = random(H * H, 4);
  const x = kex.array(xd, { shape: [H, H] });
  const lap = kex.jit(kex.kmap({ kernelSize: [3, 3], relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));
  const out = new Float64Array((H - 2) * (H - 2));
  workloads.push({
    id: "W3",
    shard: true,
    name: `5-point laplacian ${H}x${H}, "valid"`,
    target: 1.15,
    kernex: () => lap(x),
    hand: () => hand.laplacian(xd, H, H, new Float64Array((H - 2) * (H - 2))),
    peer: peer?.laplacian(xd, H),
    check: () => (hand.laplacian(xd, H, H, out), maxAbsDiff(lap(x).data, out)),
  });
}
{
  const C = 3;
  const xd = random(C * H * H, 5);
  const x = kex.array(xd, { shape: [C, H, H] });
  const pool = kex.kmap({ kernelSize: [3, 3], strides: 2 }, (x: Win) => kex.max(x));
  const vmap = (kex as unknown as { vmap?: (f: unknown) => (x: kex.NDArray) => kex.NDArray }).vmap;
  // vmap over channels when available; otherwise the same work as one 3-d stencil with a window of 1 on the channel axis
  const pool3 = kex.kmap({ kernelSize: [1, 3, 3], strides: [1, 2, 2] }, (x: Win) => kex.max(x));
  const run = kex.jit(vmap ? vmap(pool) : pool3);
  const oh = Math.floor((H - 3) / 2) + 1;
  const out = new Float64Array(C * oh * oh);
  workloads.push({
    id: "W4",
    name: `max-pool 3x3 stride 2 over (3,${H},${H})${vmap ? " via vmap" : " (3-d window, vmap pending)"}`,
    target: 1.3,
    kernex: () => run(x),
    hand: () => hand.maxpool(xd, C, H, H, new Float64Array(C * oh * oh)),
    peer: peer?.maxpool(xd, C, H),
    check: () => (hand.maxpool(xd, C, H, H, out), maxAbsDiff(run(x).data, out)),
  });
}
for (const [nt, nx] of quick ? [[151, 51], [1000, 1000]] : [[151, 51], [4000, 4000]]) {
  const c = 0.5;
  const dt = 0.5 / (nt! - 1);
  const dx = 2 / (nx! - 1);
  const q = Math.trunc((nx! - 1) / 4) + 1;
  const h = Math.trunc((nx! - 1) / 2);
  const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true, namedAxis: { 0: "n", 1: "i" }, scope: { c, dt, dx } });
  F.at[":, 0"] = F.at[":, -1"] = () => 1;
  F.at[`:, :${q}`] = F.at[`:, ${h}:`] = () => 1;
  F.at[`0:1, ${q}:${h}`] = () => 2;
  F.at["1:, 1:-1"] = (u: Win) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));
  const u = kex.ones([nt!, nx!]);
  const out = new Float64Array(nt! * nx!);
  workloads.push({
    id: "W5",
    shard: nt === 4000 || (quick && nt === 1000),
    name: `linear convection kscan + mesh (${nt},${nx})`,
    target: nt === 4000 ? 1.2 : Infinity,
    kernex: () => F(u),
    hand: () => hand.linearConvection(nt!, nx!, c, dt, dx, new Float64Array(nt! * nx!)),
    check: () => (hand.linearConvection(nt!, nx!, c, dt, dx, out), maxAbsDiff(F(u).data, out)),
  });
}
{
  const K = 7;
  const t = kex.linspace(-(K - 1) / 2, (K - 1) / 2, K);
  const g = kex.exp(kex.mul(-0.5, kex.square(t)));
  const w2 = kex.mul(g.reshape([K, 1]), g.reshape([1, K]));
  const w = kex.div(w2, kex.sum(w2));
  const xd = random(H * H, 6);
  const x = kex.array(xd, { shape: [H, H] });
  const blur = kex.jit(kex.kmap({ kernelSize: [K, K], padding: "same", scope: { w } }, (x: Win) => kex.sum(kex.mul(x, w))));
  const wd = Float64Array.from(w.data);
  const out = new Float64Array(H * H);
  workloads.push({
    id: "W7",
    shard: true,
    name: `gaussian blur ${K}x${K}, ${H}x${H}, "same"`,
    target: 1.15,
    kernex: () => blur(x),
    hand: () => hand.blur(xd, wd, K, H, H, new Float64Array(H * H)),
    peer: peer?.blur(xd, wd, K, H),
    check: () => (hand.blur(xd, wd, K, H, H, out), maxAbsDiff(blur(x).data, out)),
  });
}

/** The sharded workloads of the speed-up table. */
function shardWorkloads(): { name: string; run: () => unknown }[] {
  return [...workloads.filter((w) => w.shard).map((w) => ({ name: `${w.id} ${w.name}`, run: w.kernex })), { name: `backward of W1: grad of sum(conv2d) w.r.t. x and w, x (3,${H},${H})`, run: convBackward(H) }, { name: `backward of W1 given a cotangent: grad of sum(conv2d · r), r (1,${H},${H})`, run: convBackward(H, true) }];
}

/**
 * Only the speed-up table, `runs` times over: the machine's spread between
 * runs, per workload. Each workload is measured in a process of its own
 * (`speedupRowInFreshProcess`) unless --same-process is given.
 */
async function speedupSpread(runs: number): Promise<void> {
  if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`--speedups: got ${runs}, expected a positive integer`);
  const shard = shardWorkloads();
  const all: number[][] = [];
  const sharded = shard.map(() => true);
  for (let i = 0; i < runs; i++) {
    const rows = sameProcess ? await speedups(shard, quick) : shard.map((_, j) => speedupRowInFreshProcess(j));
    rows.forEach((r, j) => {
      (all[j] ??= []).push(r.speedup);
      sharded[j] &&= r.sharded;
    });
    console.log(`run ${i + 1}: ${rows.map((r, j) => `${j + 1}. ${r.sharded ? `${r.speedup.toFixed(2)}× (${r.oneMs.toFixed(1)}/${r.twoMs.toFixed(1)} ms)` : "not sharded"}`).join(", ")}`);
  }
  console.log(`\n| workload | speed-up over ${runs} runs: min | median | max |`);
  console.log("| --- | --- | --- | --- |");
  shard.forEach((w, j) => {
    const v = [...all[j]!].sort((a, b) => a - b);
    const x = (s: number): string => `${s.toFixed(2)}×`;
    console.log(`| ${j + 1}. ${w.name} | ${sharded[j] ? `${x(v[0]!)} | ${x(median(v))} | ${x(v[v.length - 1]!)}` : "not sharded | | "} |`);
  });
}

/**
 * Row `j` of the speed-up table, measured by a fresh process running this
 * same script with --speedup-row j. Measured at the end of this process
 * (after hundreds of MB allocated and dropped, TensorFlow.js and jax-js
 * run), the two-thread times of W3 and of the backward pass came out lower
 * and moved more between runs; measured one after the other in one process,
 * a workload inherits the allocator's state from the ones before (W5
 * allocates and drops 128 MB arrays): the backward given a cotangent then
 * took 9.6–12.0 ms on two threads over five runs, against 8.0–8.4 ms in 14
 * of 20 runs in a process of its own (see the README).
 */
function speedupRowInFreshProcess(j: number): SpeedupRow {
  const dir = mkdtempSync(join(tmpdir(), "kernex-bench-"));
  const file = join(dir, "speedups.json");
  try {
    const args = ["--expose-gc", process.argv[1]!, "--speedup-row", String(j), "--rows-json", file, ...(quick ? ["--quick"] : [])];
    // the C allocator settings of bench/allocator.ts (--default-malloc: glibc's defaults)
    const child = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], env: measuringEnv() });
    if (child.status !== 0) throw new Error(`the speed-up run of row ${j + 1} failed (exit code ${child.status})`);
    return (JSON.parse(readFileSync(file, "utf8")) as SpeedupRow[])[0]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** With --speedup-row j: measure that row alone and write it to --rows-json. */
async function speedupRow(j: number): Promise<void> {
  const w = shardWorkloads()[j];
  if (w === undefined || rowsOut === undefined) throw new Error(`--speedup-row: got ${j} (with --rows-json ${String(rowsOut)}), expected a row of the speed-up table and a file to write it to`);
  writeFileSync(rowsOut, JSON.stringify(await speedups([w], quick)));
}

/**
 * With --backward: B1 and B1r against the hand-written backward loops (one
 * thread, interleaved calls), their speed-ups on two threads (the rows of
 * the speed-up table, each in a process of its own) after checking that one
 * and two threads give the same bits, and the kscan gradient against its
 * forward pass.
 */
async function backwardOnly(): Promise<void> {
  const hand = handBackwardRows(H, quick);
  for (const r of hand) console.log(`${r.name}: kernex ${r.kernexMs.toFixed(2)} ms, hand ${r.handMs.toFixed(2)} ms, ratio ${r.ratio.toFixed(2)} (max |diff| ${r.maxDiff.toExponential(1)})`);
  for (const cotangent of [false, true]) {
    const run = convBackward(H, cotangent);
    kex.config({ workers: 0 });
    const one = run();
    kex.config({ workers: 1 });
    run();
    const two = run();
    const same = one.every((a, j) => a.every((v, i) => Object.is(v, two[j]![i])));
    if (!same) throw new Error(`${cotangent ? "B1r" : "B1"}: one and two threads give different bits`);
  }
  kex.config({ workers: "auto" });
  console.log("B1, B1r: one and two threads give the same bits");
  const rows = shardWorkloads();
  const b1 = rows.findIndex((w) => w.name.startsWith("backward of W1:"));
  const shard = [b1, b1 + 1].map((j) => speedupRowInFreshProcess(j));
  for (const r of shard) console.log(`${r.name}: 1 thread ${r.oneMs.toFixed(1)} ms, 2 threads ${r.twoMs.toFixed(1)} ms, ${r.sharded ? `${r.speedup.toFixed(2)}×` : "not sharded"}`);
  const N = quick ? 500 : 1000;
  const scan = scanBackwardRow(N, quick);
  console.log(`kscan, seed's linear convection with its mesh (${N},${N}), grad of sum(F(u)·r): forward ${scan.forwardMs.toFixed(1)} ms, backward ${scan.backwardMs.toFixed(1)} ms, ratio ${scan.ratio.toFixed(2)}; backward on two threads ${scan.backwardTwoMs.toFixed(1)} ms`);
}

/**
 * --peers: W1, W3, W4 and W7 four ways (kernex on "js" and on "wasm",
 * jax-js, the hand-written loop), calls interleaved one by one, one
 * thread; "wasm" is checked bit for bit against "js", and jax-js's values are
 * checked first against kernex's, which are checked against the
 * hand-written loop's (float32: relative 1e-5).
 */
function peerRows(device: string): void {
  kex.config({ workers: 0 });
  console.log(`jax-js device: ${device}`);
  console.log("| workload | kernex js / hand | kernex wasm / hand | jax-js / hand | jax-js / best kernex |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const wl of workloads) {
    if (!wl.peer) continue;
    if (!(wl.check() <= 1e-9)) throw new Error(`${wl.id}: kernex and the hand-written loop disagree`);
    const ref = (wl.kernex() as kex.NDArray).data;
    const got = wl.peer();
    let scale = 0;
    for (let i = 0; i < ref.length; i++) scale = Math.max(scale, Math.abs(ref[i]!));
    const diff = maxAbsDiff(got, ref);
    if (!(diff <= 1e-5 * (1 + scale))) throw new Error(`${wl.id}: jax-js and kernex disagree (max |diff| = ${diff})`);
    const onWasm = (): kex.NDArray => {
      kex.config({ backend: "wasm" });
      try {
        return wl.kernex() as kex.NDArray;
      } finally {
        kex.config({ backend: "js" });
      }
    };
    if (!onWasm().data.every((v, i) => Object.is(v, ref[i]))) throw new Error(`${wl.id}: "wasm" and "js" give different bits`);
    const [k, w, j, h] = interleavedMedians([wl.kernex, onWasm, wl.peer, wl.hand], { timeMs: quick ? 600 : 4000 });
    console.log(`| ${wl.id} | ${(k! / h!).toFixed(2)} | ${(w! / h!).toFixed(2)} | ${(j! / h!).toFixed(2)} | ${(j! / Math.min(k!, w!)).toFixed(2)} |`);
  }
}

async function main(): Promise<void> {
  if (jaxPeer !== undefined) return typeof jaxPeer === "string" ? console.log(`jax-js cannot run here: ${jaxPeer}`) : peerRows(jaxPeer.device);
  if (speedupRowIndex !== undefined) return speedupRow(speedupRowIndex);
  if (backwardFlag) return backwardOnly();
  if (webgpuFlag) return void (await webgpuBench({ quick, rounds: webgpuRounds }));
  if (speedupRuns > 0) return speedupSpread(speedupRuns);
  // single-thread rows: ratios against a single-threaded hand-written loop
  kex.config({ workers: 0 });
  const rows: { id: string; name: string; kernexMs: number; handMs: number; ratio: number; target: number; maxDiff: number }[] = [];
  for (const wl of workloads) {
    const maxDiff = wl.check();
    if (!(maxDiff <= 1e-9)) throw new Error(`${wl.id}: kernex and the hand-written loop disagree (max |diff| = ${maxDiff})`);
    const [k, h] = interleavedMedians([wl.kernex, wl.hand], { timeMs: quick ? 300 : 1200 });
    rows.push({ id: wl.id, name: wl.name, kernexMs: k!, handMs: h!, ratio: k! / h!, target: wl.target, maxDiff });
    console.log(`${wl.id} ${wl.name}: kernex ${k!.toFixed(2)} ms, hand ${h!.toFixed(2)} ms, ratio ${(k! / h!).toFixed(2)}`);
  }
  if (singleOnly) return;
  // kernex rows above run single-threaded; sharding is measured separately
  const extra = await extraRows(H, quick);
  const backward = await backwardRows(H, quick ? 500 : 4000, quick);
  const shardRows = shardWorkloads().map((_, j) => speedupRowInFreshProcess(j));
  const startup = await poolStartup();
  const first = firstCallCost(H);
  const small = smallCallOverhead();
  console.log("\n| workload | kernex / hand-written (median) | target |");
  console.log("| --- | --- | --- |");
  for (const r of rows) console.log(`| ${r.id} ${r.name} | ${r.ratio.toFixed(2)} | ${Number.isFinite(r.target) ? `≤ ${r.target}` : "—"} |`);
  for (const e of extra) console.log(`| ${e.name} | ${e.ratio} | comparison |`);
  console.log("\n| backward pass | forward ms | backward ms | backward / forward |");
  console.log("| --- | --- | --- | --- |");
  for (const r of backward) console.log(`| ${r.name} | ${r.forwardMs.toFixed(1)} | ${r.backwardMs.toFixed(1)} | ${r.ratio.toFixed(2)} |`);
  console.log("\n| workload | 1 thread (median) | 2 threads (median) | speed-up |");
  console.log("| --- | --- | --- | --- |");
  for (const r of shardRows) console.log(`| ${r.name} | ${r.oneMs.toFixed(1)} ms | ${r.twoMs.toFixed(1)} ms | ${r.sharded ? `${r.speedup.toFixed(2)}×` : "not sharded"} |`);
  console.log(`\npool start-up (one worker ready): ${startup.toFixed(1)} ms`);
  console.log(`\nfirst call of W1's kernel (trace + codegen + compile, excluding the run): ${first.toFixed(1)} ms`);
  console.log(`repeated call on a 10-element input: ${small.toFixed(2)} µs per call`);
  if (jsonOut) {
    mkdirSync(dirname(jsonOut), { recursive: true });
    writeFileSync(jsonOut, JSON.stringify({ date: new Date().toISOString(), rows, extra, backward, shardRows, poolStartupMs: startup, firstCallMs: first, smallCallUs: small }, null, 2));
  }
}

await main();
