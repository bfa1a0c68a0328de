/**
 * @file Scans whose steps run as a wavefront (scan-deps.ts pipelineLag,
 * runtime/executor/wavefront.ts): which scans may, and, for random scans
 * that may, that every interleaving the wavefront allows gives the bits of
 * one thread. An interleaving is simulated on one thread: the rows are cut
 * into ranges at least `lag` wide, and at each turn a random range whose
 * left neighbour has finished the step before runs its next step, so the
 * leftmost range may run far ahead, as a thread that is never kept waiting
 * does. Two scans whose reads the wavefront must not allow show that the
 * simulation catches a wrong answer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { pipelineLag } from "../../compiler/passes/scan-deps";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { compileStencil, type CompiledStencil } from "../../runtime/executor/stencil-kernel";
import { prepareLocal } from "../../runtime/executor/stencil-buffers";
import { mulberry32 } from "../helpers/naive";
import { firstBitDifference } from "../runtime/helpers";

type NDArray = kex.NDArray;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

/** A kscan over `shape` (one step dim per leading axis but the last) whose kernel sums `reads` (window offsets from the centre), weighted. */
function scanOf(reads: readonly (readonly number[])[], nd: number, options: Partial<kex.StencilOptions> = {}): (x: NDArray) => NDArray {
  const terms = reads.map((o, i) => `${(0.3 + 0.1 * i).toFixed(1)} * w${o.map((v) => `[${v}]`).join("")}`);
  const kernel = new Function("w", `return ${terms.join(" + ")};`) as (w: Win) => unknown;
  const k = Array(nd).fill(5);
  return kex.kscan({ kernelSize: k, padding: Array(nd).fill([2, 2]), relative: true, ...options }, kernel as (w: Win) => NDArray);
}

/**
 * The seed's linear convection on an (nt, nx) grid with its mesh (fixed
 * boundaries, the square wave on row 0), every constant written into its
 * kernel: a kernel returning a constant, or reading `scope`, makes it an
 * extra input of the stencil, which these runs do not pass.
 */
function convection(nt: number, nx: number): (x: NDArray) => NDArray {
  const k = (0.5 * (0.5 / (nt - 1))) / (2 / (nx - 1));
  const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true, namedAxis: { 0: "n", 1: "i" } });
  const constant = (v: number) => new Function("u", `return u.at("i", "n") * 0 + ${v};`) as (u: Win) => NDArray;
  F.at[":, 0"] = F.at[":, -1"] = constant(1);
  F.at[`0:1, ${Math.trunc(nx / 4)}:${Math.trunc(nx / 2)}`] = constant(2);
  F.at["1:, 1:-1"] = new Function("u", `return u.at("i", "n-1") - ${k} * (u.at("i", "n-1") - u.at("i-1", "n-1"));`) as (u: Win) => NDArray;
  return F;
}

interface Compiled {
  readonly params: StencilParams;
  readonly compiled: CompiledStencil;
  readonly x: NDArray;
}

function compile(F: (x: NDArray) => NDArray, x: NDArray): Compiled {
  const eqn = kex.makeIR(F)(x).program.eqns.at(-1)!;
  expect(eqn.inputs).toHaveLength(1);
  const params = eqn.params as StencilParams;
  const compiled = compileStencil(Prim.Stencil, params, [])!;
  return { params, compiled, x };
}

/** The scan's result on one thread, every step over the whole split dim. */
function oneThread({ params, compiled, x }: Compiled): Float64Array {
  const { f } = prepareLocal(Prim.Stencil, [x], params, [{ shape: x.shape, dtype: x.dtype }], compiled.schedule, compiled.uncovered);
  compiled.fn(f, compiled.tables, undefined, 0, compiled.schedule.n, -1);
  return f[0] as Float64Array;
}

/**
 * The scan's result with the split dim cut at `cuts`, steps run in a random
 * order the wavefront allows: range r runs its step j once range r − 1 has
 * finished j steps (`waits`: false lets every range run ahead freely).
 */
function wavefront({ params, compiled, x }: Compiled, cuts: readonly number[], seed: number, waits = true): Float64Array {
  const { f } = prepareLocal(Prim.Stencil, [x], params, [{ shape: x.shape, dtype: x.dtype }], compiled.schedule, compiled.uncovered);
  const { steps, n } = compiled.schedule;
  const bounds = [0, ...cuts, n];
  const done = new Array<number>(bounds.length - 1).fill(0);
  const rand = mulberry32(seed);
  for (;;) {
    const ready = done.flatMap((j, r) => (j < steps && (!waits || r === 0 || done[r - 1]! > j) ? [r] : []));
    if (ready.length === 0) break;
    const r = ready[Math.floor(rand() * ready.length)]!;
    compiled.fn(f, compiled.tables, undefined, bounds[r]!, bounds[r + 1]!, done[r]!);
    done[r]!++;
  }
  expect(done.every((j) => j === steps)).toBe(true);
  return f[0] as Float64Array;
}

function randomInput(shape: number[], seed: number): NDArray {
  const rand = mulberry32(seed);
  return kex.array(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rand() - 0.5), { shape });
}

describe("which scans run their steps as a wavefront", () => {
  const lagOf = (reads: number[][], options: Partial<kex.StencilOptions> = {}, shape = [8, 12]): number | null => {
    const { params, compiled } = compile(scanOf(reads, shape.length, options), kex.ones(shape));
    return pipelineLag(params, compiled.schedule.splitDim);
  };
  it("reads of earlier steps at the same or lower columns: the largest distance to the left", () => {
    expect(lagOf([[-1, 0], [-1, -1]])).toBe(1);
    expect(lagOf([[-1, 0], [-2, -2], [0, 0]])).toBe(2);
    // no read of another column: the ranges never wait
    expect(lagOf([[-1, 0], [-2, 0]])).toBe(0);
    // a later step of its own column is read from the input, by its own thread
    expect(lagOf([[-1, -1], [1, 0]])).toBe(1);
    expect(lagOf([[0, -1, -1], [-1, 2, 0]], {}, [4, 5, 9])).toBe(1);
  });
  it("a read to the right, of a later step in another column, or through padding that folds: barriers", () => {
    expect(lagOf([[-1, 0], [-1, 1]])).toBeNull();
    expect(lagOf([[-1, -1], [1, -1]])).toBeNull();
    expect(lagOf([[0, -1, 0], [-1, -2, -1], [1, 0, -1]], {}, [4, 5, 9])).toBeNull();
    expect(lagOf([[-1, 0], [-1, -1]], { padMode: "edge" })).toBeNull();
    expect(lagOf([[-1, 0], [-1, -1]], { padMode: "wrap" })).toBeNull();
  });
  it("the seed's linear convection with its mesh: lag 1", () => {
    const { params, compiled } = compile(convection(20, 15), kex.ones([20, 15]));
    expect(pipelineLag(params, compiled.schedule.splitDim)).toBe(1);
  });
});

describe("every interleaving a wavefront allows gives one thread's bits", () => {
  // reads of earlier steps (offsets -2, -1) at columns -2 … 0, and of the cell itself or a later step of its own column
  const earlier = fc.tuple(fc.integer({ min: -2, max: -1 }), fc.integer({ min: -2, max: 0 }));
  const own = fc.constantFrom([0, 0], [1, 0], [2, 0]);
  const scans = fc.record({
    reads: fc.tuple(fc.array(earlier, { minLength: 1, maxLength: 4 }), fc.array(own, { maxLength: 1 })).map(([a, b]) => [...a, ...b]),
    steps: fc.integer({ min: 2, max: 9 }),
    width: fc.integer({ min: 6, max: 40 }),
    ranges: fc.integer({ min: 2, max: 5 }),
    seed: fc.integer({ min: 1, max: 1 << 30 }),
  });
  it("random 2-d scans, cuts and orders", () => {
    fc.assert(
      fc.property(scans, ({ reads, steps, width, ranges, seed }) => {
        const c = compile(scanOf(reads, 2), randomInput([steps, width], seed));
        const lag = pipelineLag(c.params, c.compiled.schedule.splitDim);
        expect(lag).not.toBeNull();
        const wide = Math.max(1, lag!);
        const parts = Math.min(ranges, Math.floor(width / wide));
        const cuts = Array.from({ length: parts - 1 }, (_, i) => Math.floor(((i + 1) * width) / parts));
        const reference = oneThread(c);
        for (let order = 0; order < 3; order++) expect(firstBitDifference(wavefront(c, cuts, seed + order), reference)).toBe(-1);
      }),
      { numRuns: 60, seed: 2026 },
    );
  });
  it("a 3-d scan over two step dims, and the seed's convection with its mesh", () => {
    const c3 = compile(scanOf([[0, -1, -1], [-1, 2, 0], [0, -2, -2]], 3), randomInput([3, 5, 17], 9));
    expect(pipelineLag(c3.params, c3.compiled.schedule.splitDim)).toBe(2);
    for (const seed of [1, 2, 3]) expect(firstBitDifference(wavefront(c3, [4, 9, 13], seed), oneThread(c3))).toBe(-1);
    const conv = compile(convection(30, 40), kex.ones([30, 40]));
    for (const seed of [1, 2, 3]) expect(firstBitDifference(wavefront(conv, [7, 15, 19, 33], seed), oneThread(conv))).toBe(-1);
  });
  it("the simulation catches what the wavefront must not allow: a read to the right, a read of a later step", () => {
    for (const reads of [[[-1, 0], [-1, 1]], [[-1, 0], [1, -1]]]) {
      const c = compile(scanOf(reads, 2), randomInput([8, 20], 4));
      expect(pipelineLag(c.params, c.compiled.schedule.splitDim)).toBeNull();
      const reference = oneThread(c);
      // waiting on the left neighbour alone: some order gives other bits
      expect([1, 2, 3, 4, 5].some((seed) => firstBitDifference(wavefront(c, [10], seed), reference) !== -1)).toBe(true);
    }
    // and ranges that do not wait at all break a scan that reads to its left
    const left = compile(scanOf([[-1, -1]], 2), randomInput([8, 20], 5));
    expect([1, 2, 3, 4, 5].some((seed) => firstBitDifference(wavefront(left, [10], seed, false), oneThread(left)) !== -1)).toBe(true);
  });
});
