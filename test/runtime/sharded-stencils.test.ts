/**
 * @file Sharded stencils equal single-threaded ones bit for bit, for every
 * worker count (maps, strided and padded maps, patches, meshes, parallel
 * kscan rows, sscan), and a script running a sharded kmap exits by itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { RuntimeFailure } from "../../runtime/failure";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { bind } from "../../src/core/trace";
import * as kex from "kernex";
import { getPool } from "../../runtime/pool";
import { mulberry32 } from "../helpers/naive";
import { debugLines, firstBitDifference, runChild } from "./helpers";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

function random(shape: number[], seed: number): kex.NDArray {
  const rand = mulberry32(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return kex.array(Float64Array.from({ length: n }, () => rand() - 0.5), { shape });
}

function convection(nt: number, nx: number): (u: kex.NDArray) => kex.NDArray {
  const [c, dt, dx] = [0.5, 0.5 / (nt - 1), 2 / (nx - 1)];
  const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true, namedAxis: { 0: "n", 1: "i" }, scope: { c, dt, dx } });
  F.at[":, 0"] = F.at[":, -1"] = () => 1;
  F.at[`0:1, ${Math.trunc(nx / 4)}:${Math.trunc(nx / 2)}`] = () => 2;
  F.at["1:, 1:-1"] = (u: Win) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));
  return F;
}

/** The stencil_gather of a kmap whose kernel returns a window-shaped array (x·Σx, or −3x on odd mesh regions), applied to x. */
function gatherOf(x: kex.NDArray, options: kex.StencilOptions, mesh?: string[]): kex.NDArray {
  const F = kex.kmap(options);
  const kernel = (w: Win) => kex.mul(w, kex.sum(w));
  if (mesh === undefined) F.at[":"] = kernel;
  else mesh.forEach((spec, i) => (F.at[spec] = i % 2 === 0 ? kernel : (w: Win) => kex.mul(w, -3)));
  const params = kex.makeIR((a) => F(a))(x).program.eqns.at(-1)!.params as StencilParams;
  return bind(Prim.StencilGather, [x], params)[0]!;
}

/** The stencil_gather of a kmap whose kernel gives each window cell a value of its own read (exp(x)/2): pull form. */
function pullGatherOf(x: kex.NDArray, options: kex.StencilOptions): kex.NDArray {
  const params = kex.makeIR((a) => kex.kmap(options, (w: Win) => kex.mul(kex.exp(w), 0.5))(a))(x).program.eqns.at(-1)!.params as StencilParams;
  return bind(Prim.StencilGather, [x], params)[0]!;
}

/** jit(grad) w.r.t. w of sum(conv2d(x, w) · r) (r null: of sum(conv2d)): fused into one stencil that reduces over the grid. */
function convWeightGrad(x: kex.NDArray, r: kex.NDArray | null): kex.NDArray {
  const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)));
  const loss = (k: kex.NDArray) => kex.sum(r === null ? conv(x, k) : kex.mul(conv(x, k), r));
  return kex.jit(kex.grad(loss))(kex.astype(w, x.dtype)) as kex.NDArray;
}

const w = random([3, 3, 3], 2);
const corpus: [string, () => kex.NDArray][] = [
  ["conv2d ['valid','same','same']", () => kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)))(random([3, 300, 301], 1), w)],
  ["laplacian 'valid'", () => kex.kmap({ kernelSize: [3, 3], relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0])(random([1100, 1000], 3))],
  ["strided max-pool", () => kex.kmap({ kernelSize: [3, 3], strides: 2 }, (x: Win) => kex.max(x))(random([1700, 1701], 4))],
  // patches are all copying: sharded, they pay only when their results stay in shared memory (a donating call)
  ["patches 'same' of a vector", () => kex.jit(kex.kmap({ kernelSize: 3, padding: "same" }, (x: Win) => x), { donate: [0] })(random([1_300_001], 5))],
  ["reflect padding, dilation 2", () => kex.kmap({ kernelSize: [3, 3], dilation: 2, padding: "same", padMode: "reflect" }, (x: Win) => kex.mean(x))(random([800, 640], 6))],
  [
    "two-region mesh",
    () => {
      const F = kex.kmap({ kernelSize: [3, 3], padding: "same" });
      F.at[":"] = (x: Win) => kex.sum(x);
      F.at["::3, 1:"] = (x: Win) => x[1][1] * 2;
      return F(random([800, 700], 7));
    },
  ],
  [
    "mesh leaving cells uncovered, after a map that filled the same scratch",
    () => {
      const x = random([800, 700], 9);
      kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: Win) => kex.add(kex.sum(x), 1))(x);
      const F = kex.kmap({ kernelSize: [3, 3], padding: "same" });
      F.at["1::2, :"] = (x: Win) => kex.sum(x);
      return F(x);
    },
  ],
  ["two values per cell", () => kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: Win) => kex.stack([kex.max(x), kex.min(x)]))(random([700, 600], 10))],
  // results above FRESH_SHARED_BYTES (32 MiB) are fresh shared buffers written by every thread
  ["a result above 32 MiB", () => kex.kmap({ kernelSize: 3, padding: "same" }, (x: Win) => x)(random([1_500_001], 11))],
  ["a kscan result above 32 MiB", () => convection(72, 60_000)(kex.ones([72, 60_000]))],
  // rows too short to shard: the scan runs on one thread, the copy it scans in place is filled by all
  ["a kscan above 32 MiB with short rows", () => convection(17_600, 250)(kex.ones([17_600, 250]))],
  // each row is a step, split across the threads, which run as a wavefront (runtime/executor/wavefront.ts):
  // each range waits only for the one left of it to finish the row before
  ["a kscan above 32 MiB with rows of 1,000 cells", () => convection(4_400, 1_000)(kex.ones([4_400, 1_000]))],
  ["a kscan above 32 MiB with rows of 4,000 cells", () => convection(1_100, 4_000)(kex.ones([1_100, 4_000]))],
  // reading both neighbours of the row before: a barrier between rows
  ["a kscan reading both sides of the row before", () => kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true }, (w: Win) => 0.5 * w[-1][-1] + 0.25 * w[-1][1] + 0.25 * w[0][0])(random([12, 60_000], 14))],
  // rows long enough that one row's work pays for the threads
  ["linear convection kscan (rows in parallel)", () => convection(12, 60_000)(kex.ones([12, 60_000]))],
  // stencil_gather (the adjoint of window reads): each thread adds onto its own rows
  ["stencil_gather, 'same', strides [1, 2]", () => gatherOf(random([400, 700], 13), { kernelSize: [3, 5], padding: "same", strides: [1, 2] })],
  [
    "stencil_gather after a map that left its values in the same scratch",
    () => {
      const x = random([400, 700], 20);
      kex.kmap({ kernelSize: [3, 3], padding: "same" }, (w: Win) => kex.add(kex.sum(w), 1))(x);
      return gatherOf(x, { kernelSize: [3, 3], padding: "same" });
    },
  ],
  ["stencil_gather, stride 2 and dilation 2 on the split dim, uneven padding", () => gatherOf(random([1101, 800], 14), { kernelSize: [3, 2], padding: [[3, 1], [0, 1]], strides: [2, 1], dilation: [2, 1] })],
  ["stencil_gather, reflect padding on the dim not split", () => gatherOf(random([500, 400], 15), { kernelSize: [5, 3], padding: "same", padMode: ["constant", "reflect"], padValue: 0.5 })],
  ["stencil_gather over a mesh", () => gatherOf(random([600, 500], 16), { kernelSize: [3, 3], padding: "same" }, ["::2, :", "1::3, 2:"])],
  ["stencil_gather, float32", () => gatherOf(kex.astype(random([300, 400], 17), "float32"), { kernelSize: [3, 3], padding: "same" })],
  ["stencil_gather with a result above 32 MiB", () => gatherOf(random([2_100, 2_100], 18), { kernelSize: [3, 3], padding: "same" })],
  // pull form (each output cell sums the windows that read it, written once)
  ["stencil_gather in pull form, reading its windows", () => pullGatherOf(random([700, 650], 20), { kernelSize: [3, 5], padding: [[2, 1], "same"], dilation: [2, 1] })],
  // pull form through periodic and reflecting borders on the split dim: rows shard like a map's (issue #22)
  ["stencil_gather in pull form, wrap rows and reflect columns", () => pullGatherOf(random([700, 650], 26), { kernelSize: [3, 5], padding: "same", padMode: ["wrap", "reflect"], dilation: [2, 1] })],
  ["stencil_gather in pull form, strides (2, 3) with dilation on the split dim", () => pullGatherOf(random([901, 700], 27), { kernelSize: [3, 4], padding: "same", strides: [2, 3], dilation: [2, 1] })],
  [
    "stencil_gather in pull form over a mesh of boxes (rows split across regions)",
    () => {
      const F = kex.kmap({ kernelSize: [3, 3], padding: "same", padMode: ["reflect", "constant"] });
      F.at[":"] = (w: Win) => kex.mul(kex.exp(w), 0.5);
      F.at["200:450, 100:"] = (w: Win) => kex.mul(kex.sin(w), -2);
      const x = random([700, 650], 28);
      const params = kex.makeIR((a) => F(a))(x).program.eqns.at(-1)!.params as StencilParams;
      return bind(Prim.StencilGather, [x], params)[0]!;
    },
  ],
  ["stencil_gather in pull form, float32", () => pullGatherOf(kex.astype(random([400, 500], 21), "float32"), { kernelSize: [3, 3], padding: "same" })],
  ["grad of sum(conv2d²) w.r.t. x (a per-cell cotangent, pull form)", () => kex.grad((a: kex.NDArray) => kex.sum(kex.square(kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)))(a, w))))(random([3, 300, 300], 22))],
  ["grad of sum(conv2d) w.r.t. x (outer channel dim, rows split)", () => kex.grad((a: kex.NDArray) => kex.sum(kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)))(a, w)))(random([3, 520, 520], 19))],
  // a reduce over the grid (the weight gradient of a convolution under jit): one partial sum per split-dim row, added in row order
  ["jit grad of sum(conv2d · r) w.r.t. w (a reduce over the grid)", () => convWeightGrad(random([3, 300, 301], 23), random([1, 300, 301], 24))],
  ["jit grad of sum(conv2d) w.r.t. w, float32", () => convWeightGrad(kex.astype(random([3, 300, 301], 25), "float32"), null)],
  ["sscan with offset, rows in parallel", () => kex.sscan({ kernelSize: [3, 1], offset: [[1, 0], 0] }, (x: Win) => x[0][0] * 0.5 + x[1][0])(random([8, 90_000], 8))],
];

afterEach(() => {
  kex.config({ workers: "auto" });
});

describe("sharded stencils equal single-threaded ones bit for bit", () => {
  for (const [name, run] of corpus) {
    it(name, async () => {
      kex.config({ workers: 0 });
      const reference = run();
      for (const workers of [1, 2, 3]) {
        kex.config({ workers });
        await getPool(workers).ready();
        const before = getPool(workers).lastRun;
        const sharded = run();
        expect(sharded.shape).toEqual(reference.shape);
        expect(sharded.dtype).toBe(reference.dtype);
        expect(firstBitDifference(sharded.data, reference.data)).toBe(-1);
        // a run of this case, not one left from an earlier case
        expect(getPool(workers).lastRun).not.toBe(before);
        expect(getPool(workers).lastRun?.ranBy.length).toBeGreaterThan(1);
      }
    });
  }
});

describe("which scans shard their rows", () => {
  /** The cells of each sharded stencil run of `run` (kernex reports them at debug level 4). */
  const shardedCells = (run: () => unknown): number[] =>
    debugLines(run).flatMap((line) => {
      const m = /^\[kernex\] sharded (\d+) cells/.exec(line);
      return m ? [Number(m[1])] : [];
    });

  it("rows of 4,000 or 1,000 cells above 32 MiB run on every thread, as a wavefront when they may; rows of 250, or a scan through scratch, on one", async () => {
    kex.config({ workers: 1 });
    await getPool(1).ready();
    expect(shardedCells(() => convection(1_100, 4_000)(kex.ones([1_100, 4_000])))).toEqual([1_100 * 4_000]);
    // a wavefront (runtime/executor/wavefront.ts): no barrier per row, so rows of 1,000 cells pay
    expect(shardedCells(() => convection(4_400, 1_000)(kex.ones([4_400, 1_000])))).toEqual([4_400 * 1_000]);
    expect(shardedCells(() => convection(17_600, 250)(kex.ones([17_600, 250])))).toEqual([]);
    const how = (run: () => unknown): string[] => debugLines(run).flatMap((line) => /steps (as a wavefront|with barriers)/.exec(line)?.[1] ?? []);
    expect(how(() => convection(1_100, 4_000)(kex.ones([1_100, 4_000])))).toEqual(["as a wavefront"]);
    const bothSides = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true }, (w: Win) => 0.5 * w[-1][-1] + 0.5 * w[-1][1]);
    expect(how(() => bothSides(kex.ones([1_100, 4_000])))).toEqual(["with barriers"]);
    // 4.4 MB: sharded, the scan would also copy its working array out of scratch
    expect(shardedCells(() => convection(138, 4_000)(kex.ones([138, 4_000])))).toEqual([]);
  });
});

describe("a kscan whose edge padding folds the row before onto its own row", () => {
  it("runs on one thread, and ten calls with workers on give one thread's bits", async () => {
    // row 0 reads row -1, which edge padding maps to row 0: cells of one row read each other
    const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], padMode: "edge", relative: true }, (w: Win) => 0.5 * w[-1][-1] + 0.5 * w[-1][0]);
    const x = random([12, 60_000], 16);
    kex.config({ workers: 0 });
    const reference = F(x).data;
    kex.config({ workers: 1 });
    await getPool(1).ready();
    const lines = debugLines(() => F(x));
    expect(lines.filter((l) => /^\[kernex\] sharded \d+ cells/.test(l))).toEqual([]);
    for (let i = 0; i < 10; i++) expect(firstBitDifference(F(x).data, reference)).toBe(-1);
  });
});

describe("a time loop of a scan run as a wavefront", () => {
  it("u = f(u), donated, 40 calls at 4,400 × 1,000 on 2 and 4 threads: one thread's bits after every call", async () => {
    const f = kex.jit(convection(4_400, 1_000), { donate: [0] });
    const loop = (workers: number): Float64Array[] => {
      kex.config({ workers });
      let u = random([4_400, 1_000], 15);
      const seen: Float64Array[] = [];
      for (let i = 0; i < 40; i++) {
        u = f(u);
        // a few cells of every call (the whole array of the last)
        seen.push(Float64Array.from([0, 999, 1_000, 2_345_678, 4_399_999], (k) => u.data[k]!));
      }
      seen.push(Float64Array.from(u.data));
      return seen;
    };
    const reference = loop(0);
    for (const workers of [1, 3]) {
      await getPool(workers).ready();
      const sharded = loop(workers);
      sharded.forEach((s, i) => expect(firstBitDifference(s, reference[i]!)).toBe(-1));
      expect(getPool(workers).lastRun?.ranBy.length).toBe(workers + 1);
    }
  });
});

describe("process lifetime", () => {
  const tmp = mkdtempSync(join(tmpdir(), "kernex-lifetime-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("a script running a sharded kmap exits by itself within 2 s", async () => {
    const src = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
    const program = `
import * as kex from ${JSON.stringify(src)};
kex.config({ workers: 1 });
const x = kex.ones([1000, 1000]);
// (bundled into this script, kex is renamed: the kernel uses operators only)
const y = kex.kmap({ kernelSize: [3, 3] }, (w) => w[0][0] + w[1][1] + w[2][2] + w[0][2] + w[2][0] + w[0][1] + w[1][0] + w[1][2] + w[2][1])(x);
console.log("RESULT", y.data[0], y.shape.join("x"), Date.now());
`;
    const out = await build({ stdin: { contents: program, resolveDir: tmp, loader: "ts" }, bundle: true, platform: "node", format: "esm", target: "node20", write: false, logLevel: "silent", external: ["acorn", "astring"], nodePaths: [fileURLToPath(new URL("../../node_modules", import.meta.url))] });
    const file = join(fileURLToPath(new URL("../../", import.meta.url)), ".cache", `lifetime-${process.pid}.mjs`);
    writeFileSync(file, out.outputFiles[0]!.text);
    const result = await runChild(file);
    rmSync(file, { force: true });
    expect(result.code, result.stderr).toBe(0);
    const [, value, shape, printedAt] = result.stdout.trim().split(" ");
    expect(Number(value)).toBe(9);
    expect(shape).toBe("998x998");
    expect(result.exitedAt - Number(printedAt)).toBeLessThan(2000);
  });
});

describe("async calls", () => {
  it("kmap.async, mesh.async and jit(f).async resolve to the synchronous values", async () => {
    kex.config({ workers: 1 });
    await getPool(1).ready();
    // sized so that each call shards; `sharded` checks that it did
    const sharded = async <T>(call: () => Promise<T>): Promise<T> => {
      const before = getPool(1).lastRun;
      const out = await call();
      expect(getPool(1).lastRun).not.toBe(before);
      expect(getPool(1).lastRun?.ranBy.some((by) => by > 0)).toBe(true);
      return out;
    };
    const x = random([1100, 1000], 9);
    const lap = kex.kmap({ kernelSize: [3, 3], relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
    expect(firstBitDifference((await sharded(() => lap.async(x))).data, lap(x).data)).toBe(-1);
    const F = kex.kmap({ kernelSize: 1 });
    F.at["::2"] = (v: Win) => v[0] * 2;
    F.at["1::2"] = (v: Win) => v[0] * 3;
    const y = random([2_500_000], 10);
    expect(firstBitDifference((await sharded(() => F.async(y))).data, F(y).data)).toBe(-1);
    const g = kex.jit((a: kex.NDArray) => kex.sum(kex.mul(lap(a), 2)));
    expect((await g.async(x)).item()).toBe(g(x).item());
    // a gradient: its gather runs on the workers alone, into scratch that the second call reuses
    const dg = kex.jit(kex.grad((a: kex.NDArray) => kex.sum(kex.square(lap(a)))));
    const want = dg(x).data;
    for (let i = 0; i < 2; i++) expect(firstBitDifference((await sharded(() => dg.async(x))).data, want)).toBe(-1);
  });
});

describe("worker failures", () => {
  it("a pool whose workers were terminated is replaced, and the next call works", async () => {
    kex.config({ workers: 1 });
    const f = kex.kmap({ kernelSize: [3, 3] }, (w: Win) => w[0][0] - w[2][2]);
    const x = random([800, 800], 11);
    kex.config({ workers: 0 });
    const want = Array.from(f(x).data);
    kex.config({ workers: 1 });
    getPool(1).terminate();
    expect(Array.from(f(x).data)).toEqual(want);
  });

  it("a worker failure reaches the caller as a KernexError naming what failed", () => {
    kex.config({ workers: 1 });
    const pool = getPool(1);
    const spy = vi.spyOn(pool, "runSync").mockImplementationOnce(() => {
      throw new RuntimeFailure("worker-died", "worker 0 exited with code 1 while running a range");
    });
    // enough work per cell to pay for copying the workers' share of the result out
    const f = kex.kmap({ kernelSize: [3, 3] }, (w: Win) => kex.sum(kex.mul(w, w)));
    const x = random([1600, 1600], 12);
    expect(() => f(x)).toThrow(kex.KernexError);
    spy.mockImplementationOnce(() => {
      throw new RuntimeFailure("kernel-threw", "RangeError: boom");
    });
    expect(() => f(x)).toThrow(/worker failed while running a stencil \(kernel-threw\): RangeError: boom/);
    spy.mockRestore();
    kex.config({ workers: 0 });
    const want = Array.from(f(x).data);
    kex.config({ workers: 1 });
    expect(Array.from(f(x).data)).toEqual(want);
  });
});
