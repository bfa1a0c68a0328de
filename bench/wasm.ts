/**
 * @file The "wasm" backend against the hand-written loops of bench/hand.ts:
 * W1 (conv2d 3×3×3), W3 (5-point laplacian: the decider keeps it on
 * JavaScript), W4 (3×3 max-pool of stride 2 via vmap) and W7 (7×7 blur),
 * each as kernex "wasm", kernex "js" and hand, interleaved call by call,
 * medians of wall time and of the process's CPU time per call, with the
 * load average. Values are checked first (wasm against js
 * bit for bit, js against hand). With --hand: the hand-built f64x2 interiors
 * of W4 and W7 (bench/wasm-hand.ts) with and without the copies in and out,
 * the feasibility measurement of docs/wasm.md. One thread (workers: 0), as
 * the hand loops.
 *
 * With --float32: the same kernels on float32 arrays (f32x4 loops), still
 * as ratios to the float64 hand loops.
 *
 * With --only W4 (or another id): that row alone.
 *
 * With --threads: "js" and "wasm" each on one thread and on two (the
 * calling thread and one worker: a wasm kernel then runs on a shared
 * Memory in both), interleaved call by call, as times and speed-ups, and
 * the two-thread times over the one-thread hand loop.
 *
 * Usage: node --expose-gc scripts/run-ts.mjs bench/wasm.ts [--hand | --float32 | --threads] [--only id] [--quick] [--time ms]
 */
import { execSync } from "node:child_process";
import * as kex from "kernex";
import * as hand from "./hand";
import { interleavedMedians, median } from "./interleave";
import { random } from "./random";
import { wasmBlur, wasmMaxpool } from "./wasm-hand";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const quick = process.argv.includes("--quick");
const timeMs = process.argv.includes("--time") ? Number(process.argv[process.argv.indexOf("--time") + 1]) : quick ? 800 : 4000;
const H = quick ? 256 : 1024;

/** Elements that differ (Object.is; NaN equals NaN). */
function differing(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) && !(Number.isNaN(a[i]!) && Number.isNaN(b[i]!))) n++;
  return n;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

interface Row {
  readonly id: string;
  readonly target: number;
  readonly run: (backend: "js" | "wasm") => () => { data: ArrayLike<number> };
  readonly hand: () => Float64Array;
}

function rows(dtype: "float64" | "float32"): Row[] {
  const C = 3;
  const x1 = random(C * H * H, 1);
  const w1 = random(27, 2);
  const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(x * w));
  const X1 = kex.array(x1, { shape: [C, H, H], dtype });
  const W1 = kex.array(w1, { shape: [3, 3, 3], dtype });
  const x3 = random(H * H, 4);
  const lap = kex.kmap({ kernelSize: [3, 3], relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
  const X3 = kex.array(x3, { shape: [H, H], dtype });
  const x4 = random(C * H * H, 5);
  const pool = kex.vmap(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (x: Win) => kex.max(x)));
  const X4 = kex.array(x4, { shape: [C, H, H], dtype });
  const oh = Math.floor((H - 3) / 2) + 1;
  const K = 7;
  const t = kex.linspace(-(K - 1) / 2, (K - 1) / 2, K);
  const g = kex.exp(kex.mul(-0.5, kex.square(t)));
  const w2 = kex.mul(g.reshape([K, 1]), g.reshape([1, K]));
  const w64 = kex.div(w2, kex.sum(w2));
  const w = dtype === "float32" ? kex.array(Float32Array.from(w64.data), { shape: [K, K], dtype }) : w64;
  const wd = Float64Array.from(w.data);
  const x7 = random(H * H, 6);
  const blur = kex.kmap({ kernelSize: [K, K], padding: "same", scope: { w } }, (x: Win) => kex.sum(kex.mul(x, w)));
  const X7 = kex.array(x7, { shape: [H, H], dtype });
  return [
    { id: "W1", target: 0.85, run: (backend) => ((f) => () => f(X1, W1))(kex.jit(conv, { backend })), hand: () => ((o) => (hand.conv2d(x1, w1, C, H, H, o), o))(new Float64Array(H * H)) },
    { id: "W3", target: Infinity, run: (backend) => ((f) => () => f(X3))(kex.jit(lap, { backend })), hand: () => ((o) => (hand.laplacian(x3, H, H, o), o))(new Float64Array((H - 2) * (H - 2))) },
    { id: "W4", target: 0.7, run: (backend) => ((f) => () => f(X4))(kex.jit(pool, { backend })), hand: () => ((o) => (hand.maxpool(x4, C, H, H, o), o))(new Float64Array(C * oh * oh)) },
    { id: "W7", target: 0.55, run: (backend) => ((f) => () => f(X7))(kex.jit(blur, { backend })), hand: () => ((o) => (hand.blur(x7, wd, K, H, H, o), o))(new Float64Array(H * H)) },
  ];
}

function kernexRows(): void {
  const float32 = process.argv.includes("--float32");
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
  for (const row of rows(float32 ? "float32" : "float64").filter((r) => only === undefined || r.id === only)) {
    const wasm = row.run("wasm");
    const js = row.run("js");
    const bad = differing(wasm().data, js().data);
    const err = maxAbsDiff(js().data, row.hand());
    if (bad !== 0 || err > (float32 ? 1e-5 : 1e-12)) throw new Error(`${row.id}: wasm differs from js at ${bad} elements; js from hand by ${err}`);
    const cpu: number[][] = [[], [], []];
    const timed = [wasm, js, row.hand].map((t, i) => () => {
      const c0 = process.cpuUsage();
      t();
      const c1 = process.cpuUsage(c0);
      cpu[i]!.push((c1.user + c1.system) / 1000);
    });
    const [w, j, h] = interleavedMedians(timed, { timeMs, minRounds: 15 });
    const [cw, cj, ch] = cpu.map(median);
    const load = execSync("uptime").toString().trim().replace(/.*load average: /, "");
    const met = float32 ? "float32 (the hand loops are float64)" : w! / h! <= row.target ? "met" : "not met";
    console.log(`${row.id}  wasm/hand ${(w! / h!).toFixed(2)} (cpu ${(cw! / ch!).toFixed(2)})  js/hand ${(j! / h!).toFixed(2)} (cpu ${(cj! / ch!).toFixed(2)})  (hand ${h!.toFixed(2)} ms; target ${row.target}: ${Number.isFinite(row.target) ? met : "none (float64: the decider keeps it on js)"})  load ${load}`);
  }
}

/** --threads: each backend on one thread and on two, interleaved (after checking that two threads give the same bits). */
async function threadRows(): Promise<void> {
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
  // arrays made while workers are allowed are shared (the workers read them in place)
  kex.config({ workers: 1 });
  const selected = rows("float64").filter((r) => r.id !== "W3" && (only === undefined || r.id === only));
  // the first sharded call starts kernex's pool; its worker is up after a turn of the event loop
  selected[0]?.run("js")();
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const row of selected) {
    const on = (backend: "js" | "wasm", workers: number) => {
      const f = row.run(backend);
      return () => {
        kex.config({ workers });
        return f();
      };
    };
    const runs = [on("js", 0), on("js", 1), on("wasm", 0), on("wasm", 1)];
    const ref = runs[0]!().data;
    for (const r of runs.slice(1)) if (differing(r().data, ref) !== 0) throw new Error(`${row.id}: a setting differs from js on one thread`);
    const [j1, j2, w1, w2, h] = interleavedMedians([...runs, row.hand], { timeMs, minRounds: 15 });
    const load = execSync("uptime").toString().trim().replace(/.*load average: /, "");
    console.log(`${row.id}  js ${j1!.toFixed(2)} / ${j2!.toFixed(2)} ms (${(j1! / j2!).toFixed(2)}×)  wasm ${w1!.toFixed(2)} / ${w2!.toFixed(2)} ms (${(w1! / w2!).toFixed(2)}×)  two threads over the hand loop: js ${(j2! / h!).toFixed(2)}, wasm ${(w2! / h!).toFixed(2)}  load ${load}`);
  }
  kex.config({ workers: 0 });
}

function handRows(): void {
  const C = 3;
  const x = random(C * H * H, 5);
  const oh = Math.floor((H - 3) / 2) + 1;
  const mp = wasmMaxpool(C, H, H);
  const K = 7;
  const wd = random(49, 3);
  const xb = random(H * H, 6);
  const bl = wasmBlur(wd, K, H, H);
  const [a, b, c, d, e, f] = interleavedMedians(
    [() => hand.maxpool(x, C, H, H, new Float64Array(C * oh * oh)), () => mp(x), () => mp(x, false), () => hand.blur(xb, wd, K, H, H, new Float64Array(H * H)), () => bl(xb), () => bl(xb, false)],
    { timeMs, minRounds: 15 },
  );
  const load = execSync("uptime").toString().trim().replace(/.*load average: /, "");
  console.log(`W4 hand-built f64x2: with copies ${(b! / a!).toFixed(2)}, without ${(c! / a!).toFixed(2)} of hand (${a!.toFixed(2)} ms)  load ${load}`);
  console.log(`W7 hand-built f64x2 (interior): with copies ${(e! / d!).toFixed(2)}, without ${(f! / d!).toFixed(2)} of hand (${d!.toFixed(2)} ms)  load ${load}`);
}

// single-thread rows, like npm run bench's: the hand loops run on one thread
kex.config({ workers: 0 });
if (process.argv.includes("--hand")) handRows();
else if (process.argv.includes("--threads")) await threadRows();
else kernexRows();
