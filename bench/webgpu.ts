/**
 * @file The "webgpu" backend against "js" (`npm run bench -- --webgpu
 * [--quick] [--rounds N]`, bench/run.ts):
 * W1 (conv2d), W3 (laplacian), W7 (7×7 blur) and the T1 heat loop (a
 * foriLoop of smap steps, 256²×200 and 1024²×20), each jitted for both
 * backends. A webgpu time is a whole `.async` call: upload, every dispatch
 * (a foriLoop's carries stay on the device) and the read-back of the result;
 * js runs on one thread (workers: 0). Calls are interleaved one by one
 * (js, webgpu, js, ...) and each time is a median, so a ratio is of the same
 * stretch of time. Values are checked first (float32 precision, as the
 * backend promises). The adapter's name is printed; on a CPU driver
 * (SwiftShader, lavapipe: a machine without a GPU) the numbers say how the
 * driver runs shaders on the CPU, not how a GPU would: for information only.
 * The GPU comes from test/helpers/gpu.ts (Dawn, `webgpu` package).
 */
import * as kex from "kernex";
import { findGpu } from "../test/helpers/gpu";
import { median } from "./interleave";
import { random } from "./random";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;
type Fn = (...args: kex.NDArray[]) => kex.NDArray;

/** One workload: its name, its function and its inputs. */
interface GpuWorkload {
  readonly name: string;
  readonly f: Fn;
  readonly args: readonly kex.NDArray[];
}

/** A measured row: medians in ms and webgpu's time over js's. */
export interface GpuRow {
  readonly name: string;
  readonly jsMs: number;
  readonly webgpuMs: number;
  readonly ratio: number;
  /** max |webgpu - js| over max(1, max |js|). */
  readonly maxRelDiff: number;
}

const r = 0.2;
const heatStep = kex.smap({ kernelSize: [3, 3], offset: 1, relative: true, scope: { r } }, (u: Win) => u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));

/** W1, W3, W7 at H×H and the T1 heat loops (smaller with `quick`). */
function workloads(quick: boolean): GpuWorkload[] {
  const H = quick ? 256 : 1024;
  const K = 7;
  const t = kex.linspace(-(K - 1) / 2, (K - 1) / 2, K);
  const g = kex.exp(kex.mul(-0.5, kex.square(t)));
  const w2 = kex.mul(g.reshape([K, 1]), g.reshape([1, K]));
  const w7 = kex.div(w2, kex.sum(w2));
  const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(x * w));
  const lap = kex.kmap({ kernelSize: [3, 3], relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
  const blur = kex.kmap({ kernelSize: [K, K], padding: "same", scope: { w7 } }, (x: Win) => kex.sum(kex.mul(x, w7)));
  const heat = (steps: number): Fn => (u) => kex.foriLoop(0, steps, (_i, v: kex.NDArray) => heatStep(v), u);
  const grid = (n: number, seed: number): kex.NDArray => kex.array(random(n * n, seed), { shape: [n, n] });
  const heatSizes: [number, number][] = quick ? [[256, 20]] : [[256, 200], [1024, 20]];
  return [
    { name: `W1 conv2d x(3,${H},${H}) w(3,3,3)`, f: (x, w) => conv(x!, w!), args: [kex.array(random(3 * H * H, 1), { shape: [3, H, H] }), kex.array(random(27, 2), { shape: [3, 3, 3] })] },
    { name: `W3 laplacian ${H}², "valid"`, f: (x) => lap(x!), args: [grid(H, 4)] },
    { name: `W7 blur ${K}×${K} ${H}², "same"`, f: (x) => blur(x!), args: [grid(H, 6)] },
    ...heatSizes.map(([n, steps]): GpuWorkload => ({ name: `T1 heat foriLoop ${n}²×${steps}`, f: heat(steps), args: [grid(n, 7)] })),
  ];
}

/** max |a - b| over max(1, max |b|). */
function relDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let scale = 1;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m / scale;
}

/** Each task's median time in ms over `rounds` interleaved rounds, after one untimed round. */
async function interleavedAsync(tasks: readonly (() => Promise<unknown>)[], rounds: number): Promise<number[]> {
  for (const t of tasks) await t();
  const samples: number[][] = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, t] of tasks.entries()) {
      const t0 = performance.now();
      await t();
      samples[i]!.push(performance.now() - t0);
    }
  }
  return samples.map(median);
}

/** One workload: checked (float32 precision), then timed on both backends, interleaved. */
async function measure(w: GpuWorkload, rounds: number): Promise<GpuRow> {
  const js = kex.jit(w.f, { backend: "js" });
  const gpu = kex.jit(w.f, { backend: "webgpu" });
  const want = js(...w.args);
  const got = await gpu.async(...w.args);
  const maxRelDiff = relDiff(got.data, want.data);
  // a few float32 ulps per accumulated term (W7 sums 49, the heat loop steps 200 times)
  if (!(maxRelDiff <= 1e-4)) throw new Error(`${w.name}: webgpu differs from js by ${maxRelDiff} (relative to the result's scale)`);
  const [jsMs, webgpuMs] = await interleavedAsync([async () => js(...w.args), () => gpu.async(...w.args)], rounds);
  return { name: w.name, jsMs: jsMs!, webgpuMs: webgpuMs!, ratio: webgpuMs! / jsMs!, maxRelDiff };
}

/**
 * Run the webgpu rows and print them as a table, headed by the adapter's
 * name (and, for a CPU driver, that the numbers are for information only).
 * Returns the rows, or an empty list (after printing why) without a GPU.
 *
 * @example
 * await webgpuBench({ quick: true, rounds: 5 });
 */
export async function webgpuBench({ quick = false, rounds = 7 }: { quick?: boolean; rounds?: number } = {}): Promise<GpuRow[]> {
  const found = await findGpu();
  if (!found.ok) {
    console.log(`webgpu rows skipped: ${found.reason}`);
    return [];
  }
  const { gpu, name, cpuDriver } = found.value;
  kex.config({ gpu, workers: 0 });
  console.log(`\nwebgpu backend on ${name}${cpuDriver ? " — CPU driver: for information only (no GPU on this machine; SwiftShader/lavapipe run the shaders on the CPU)" : ""}`);
  console.log(`${rounds} interleaved rounds (js, webgpu, ...), medians; webgpu: one whole .async call (upload, dispatches, read-back); js: one thread\n`);
  console.log("| workload | js (1 thread) | webgpu | webgpu / js | max rel. diff |");
  console.log("| --- | --- | --- | --- | --- |");
  const rows: GpuRow[] = [];
  for (const w of workloads(quick)) {
    let row: GpuRow;
    try {
      row = await measure(w, rounds);
    } catch (e) {
      // one failing workload (a shader the device rejects) does not hide the others' numbers
      console.log(`| ${w.name} | failed: ${String(e).split("\n")[0]} | | | |`);
      continue;
    }
    rows.push(row);
    console.log(`| ${row.name} | ${row.jsMs.toFixed(1)} ms | ${row.webgpuMs.toFixed(1)} ms | ${row.ratio.toFixed(2)}${cpuDriver ? " (CPU driver)" : ""} | ${row.maxRelDiff.toExponential(1)} |`);
  }
  kex.config({ gpu: null, workers: "auto" });
  return rows;
}
