/**
 * @file The reverse sweep of a scan split across threads by input rows
 * (compiler/loop/lower-sweep-split.ts, decided by scan-deps.ts
 * sweepSplitDim): on the seed's linear convection with its mesh and on
 * random scans, every split of the rows, its ranges run in any order within
 * a step, gives the same bits as the whole rows, and the reference sweep's
 * values; which scans split; and, through the worker pool, the same bits for
 * 0, 1 and 2 workers with the vjp checked against finite differences.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as kex from "kernex";
import type { Program } from "../../compiler/ir";
import { Prim, type ScanSweepParams } from "../../compiler/primitives";
import { compileSweep, type CompiledSweep } from "../../runtime/executor/sweep-kernel";
import { lowerSweepCode } from "../../compiler/codegen/emit-sweep";
import { printLowered } from "../../compiler/ir-print";
import { bind } from "../../src/core/trace";
import { checkJvp, checkVjp, randomArray } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";
import { seedConvection, seedConvectionGradient } from "../helpers/convection";
import { firstBitDifference } from "../runtime/helpers";

type NDArray = kex.NDArray;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

afterEach(() => kex.config({ codegen: true, workers: "auto" }));

/** The sweep equation of grad(sum(F(x) · r)) for a random r, and random inputs for it (X = x, Y and cotangents random). */
function sweepOf(F: (x: NDArray) => NDArray, x: NDArray, seed: number): { params: ScanSweepParams; inputs: NDArray[] } {
  const rand = mulberry32(seed);
  const r = kex.astype(randomArray(rand, F(x).shape), x.dtype);
  const program: Program = kex.makeIR(kex.grad((u: NDArray) => kex.sum(kex.mul(F(u), r))))(x).program;
  const eqn = program.eqns.find((e) => e.prim === Prim.ScanSweep)!;
  const params = eqn.params as ScanSweepParams;
  const W = params.scan.nWindowed;
  const inputs = eqn.inputs.map((a, i) => (i < W ? x : kex.astype(randomArray(rand, a.aval.shape, -0.5, 0.5), a.aval.dtype)));
  return { params, inputs };
}

/**
 * Run a compiled split sweep step by step, each step's rows cut at `cuts`
 * (sorted, inside (0, n)) and its ranges run in the order `order` gives
 * (a permutation per step): what threads could do in any interleaving.
 */
function runSplit(compiled: CompiledSweep, params: ScanSweepParams, inputs: readonly NDArray[], cuts: readonly number[], order: (step: number, ranges: number) => number[]): (Float64Array | Float32Array)[] {
  const s = compiled.schedule;
  const W = params.scan.nWindowed;
  const like = (x: NDArray, n: number): Float64Array | Float32Array => (x.dtype === "float32" ? new Float32Array(n) : new Float64Array(n));
  const outs = Array.from({ length: W }, () => like(inputs[0]!, inputs[0]!.size));
  // in place, the accumulators start as the cotangents of the final state (the inputs after X, Y and the extras)
  if (params.scan.spec.placement === "inplace") outs.forEach((o, j) => o.set(inputs[2 * W + params.scan.gridDims.length + params.nCaptured + j]!.data));
  const extras = params.scan.gridDims.map((dims, j) => like(inputs[2 * W + j]!, (dims.length === 0 && s.partialRows > 0 ? s.partialRows : 1) * inputs[2 * W + j]!.size));
  const f = [...inputs.map((x) => x.data), ...outs, ...extras];
  const bounds = [0, ...cuts, s.n];
  for (let k = 0; k < s.steps; k++) {
    for (const r of order(k, bounds.length - 1)) compiled.fn(f, compiled.tables, undefined, bounds[r]!, bounds[r + 1]!, k);
  }
  return [...outs, ...extras];
}

/** The same bits for the whole rows, several splits and orders of their ranges; the values of the reference sweep. */
function expectSplitsAgree(F: (x: NDArray) => NDArray, x: NDArray, seed: number): boolean {
  const { params, inputs } = sweepOf(F, x, seed);
  const compiled = compileSweep(params, inputs.map((a) => a.shape), x.dtype)!;
  expect(compiled).not.toBeNull();
  if (compiled.schedule.steps === 1) return false;
  const n = compiled.schedule.n;
  const whole = runSplit(compiled, params, inputs, [], () => [0]);
  const rand = mulberry32(seed + 1);
  const splits: number[][] = [[Math.floor(n / 2)], [1], [n - 1], Array.from({ length: n - 1 }, (_, i) => i + 1)];
  for (let i = 0; i < 3; i++) splits.push([...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => 1 + Math.floor(rand() * (n - 1))))].sort((a, b) => a - b));
  for (const cuts of splits.filter((c) => c.every((v) => v > 0 && v < n))) {
    for (const reversed of [false, true]) {
      const got = runSplit(compiled, params, inputs, cuts, (_, m) => {
        const ids = Array.from({ length: m }, (_, i) => i);
        return reversed ? ids.reverse() : ids;
      });
      got.forEach((g, j) => expect(firstBitDifference(g, whole[j]!), `output ${j}, rows cut at ${cuts.join(",")}${reversed ? ", ranges in reverse" : ""}`).toBe(-1));
    }
  }
  // and the reference sweep (its scalar extras' cotangents summed in another order: close, not equal)
  const compiledOuts = bind(Prim.ScanSweep, inputs, params);
  kex.config({ codegen: false });
  const want = bind(Prim.ScanSweep, inputs, params);
  kex.config({ codegen: true });
  const tol = x.dtype === "float32" ? 1e-5 : 1e-12;
  compiledOuts.forEach((o, j) => expect(o.data).toBeAllclose(want[j]!.data, { rtol: tol, atol: tol }));
  expect(firstBitDifference(compiledOuts[0]!.data, whole[0]!)).toBe(-1);
  return true;
}

describe("the reverse sweep split by input rows", () => {
  it("lists the split form: the previous slice's λ cleared on the call's rows, then the slice's cells, ends tested per add", () => {
    const F = kex.kscan({ kernelSize: [3, 1], padding: [[1, 1], [0, 0]] }, (u: Win) => u.at(0, 0) * 0.5);
    const { params, inputs } = sweepOf(F as unknown as (x: NDArray) => NDArray, randomArray(mulberry32(1), [3, 4]), 1);
    expect(printLowered(lowerSweepCode(params, inputs.map((a) => a.shape), "float64"))).toMatchInlineSnapshot(`
      "d0 = f[2] input 12
      a0 = f[3] output 12
      t0 = t[0] table 5
      t1 = t[1] table 4
      fn r0(a0, cl0, ch0, ca, cb):
        for g0 ∈ [max(2, cl0), min(3, ch0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ca), min(4, cb)) rev dim 1 split:
            let q1 = q0 + g1
            if ((b0 + 1 >= 0 && b0 + 1 < 3) && (g1 >= 0 && g1 < 4)):
              a0[q1 + 4] = 0.0
        for g0 ∈ [max(1, cl0), min(2, ch0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ca), min(4, cb)) rev dim 1 split:
            let q1 = q0 + g1
            a0[q1 + 4] = 0.0
        for g0 ∈ [max(0, cl0), min(1, ch0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ca), min(4, cb)) rev dim 1 split:
            let q1 = q0 + g1
            if ((b0 + 1 >= 0 && b0 + 1 < 3) && (g1 >= 0 && g1 < 4)):
              a0[q1 + 4] = 0.0
      fn r1(d0, a0, t0, t1, kl0, kh0, gb, ib, lo, hi):
        for g0 ∈ [max(2, kl0), min(3, kh0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ib), min(4, gb)) rev dim 1 split:
            let q1 = q0 + g1
            val dv0 = d0[q1 + 4]
            acc l0 = dv0
            if ((b0 + 1 >= 0 && b0 + 1 < 3) && (g1 >= 0 && g1 < 4)):
              val ta0 = a0[q1 + 4]
              l0 += ta0
            val v5 = mul(l0, 0.5)
            let i0 = t0[b0 + 1] + t1[g1]
            if (g1 >= lo && g1 < hi):
              a0[i0] += v5 if ≥ 0
        for g0 ∈ [max(1, kl0), min(2, kh0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ib), min(4, gb)) rev dim 1 split:
            let q1 = q0 + g1
            val dv0 = d0[q1 + 4]
            acc l0 = dv0
            val ta0 = a0[q1 + 4]
            l0 += ta0
            val v5 = mul(l0, 0.5)
            if (g1 >= lo && g1 < hi):
              a0[q1] += v5
        for g0 ∈ [max(0, kl0), min(1, kh0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ib), min(4, gb)) rev dim 1 split:
            let q1 = q0 + g1
            val dv0 = d0[q1 + 4]
            acc l0 = dv0
            if ((b0 + 1 >= 0 && b0 + 1 < 3) && (g1 >= 0 && g1 < 4)):
              val ta0 = a0[q1 + 4]
              l0 += ta0
            val v5 = mul(l0, 0.5)
            let i0 = t0[b0 + 1] + t1[g1]
            if (g1 >= lo && g1 < hi):
              a0[i0] += v5 if ≥ 0
      fn r2(d0, a0, t0, t1, kl0, kh0, ia, ib):
        for g0 ∈ [max(2, kl0), min(3, kh0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ia), min(4, ib)) rev dim 1 split:
            let q1 = q0 + g1
            val dv0 = d0[q1 + 4]
            acc l0 = dv0
            if ((b0 + 1 >= 0 && b0 + 1 < 3) && (g1 >= 0 && g1 < 4)):
              val ta0 = a0[q1 + 4]
              l0 += ta0
            val v5 = mul(l0, 0.5)
            let i0 = t0[b0 + 1] + t1[g1]
            a0[i0] += v5 if ≥ 0
        for g0 ∈ [max(1, kl0), min(2, kh0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ia), min(4, ib)) rev dim 1 split:
            let q1 = q0 + g1
            val dv0 = d0[q1 + 4]
            acc l0 = dv0
            val ta0 = a0[q1 + 4]
            l0 += ta0
            val v5 = mul(l0, 0.5)
            a0[q1] += v5
        for g0 ∈ [max(0, kl0), min(1, kh0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ia), min(4, ib)) rev dim 1 split:
            let q1 = q0 + g1
            val dv0 = d0[q1 + 4]
            acc l0 = dv0
            if ((b0 + 1 >= 0 && b0 + 1 < 3) && (g1 >= 0 && g1 < 4)):
              val ta0 = a0[q1 + 4]
              l0 += ta0
            val v5 = mul(l0, 0.5)
            let i0 = t0[b0 + 1] + t1[g1]
            a0[i0] += v5 if ≥ 0
      fn r3(d0, a0, t0, t1, kl0, kh0, ga, ia, lo, hi):
        for g0 ∈ [max(2, kl0), min(3, kh0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ga), min(4, ia)) rev dim 1 split:
            let q1 = q0 + g1
            val dv0 = d0[q1 + 4]
            acc l0 = dv0
            if ((b0 + 1 >= 0 && b0 + 1 < 3) && (g1 >= 0 && g1 < 4)):
              val ta0 = a0[q1 + 4]
              l0 += ta0
            val v5 = mul(l0, 0.5)
            let i0 = t0[b0 + 1] + t1[g1]
            if (g1 >= lo && g1 < hi):
              a0[i0] += v5 if ≥ 0
        for g0 ∈ [max(1, kl0), min(2, kh0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ga), min(4, ia)) rev dim 1 split:
            let q1 = q0 + g1
            val dv0 = d0[q1 + 4]
            acc l0 = dv0
            val ta0 = a0[q1 + 4]
            l0 += ta0
            val v5 = mul(l0, 0.5)
            if (g1 >= lo && g1 < hi):
              a0[q1] += v5
        for g0 ∈ [max(0, kl0), min(1, kh0)) rev dim 0:
          let b0 = g0 - 1
          let q0 = b0*4
          for g1 ∈ [max(0, ga), min(4, ia)) rev dim 1 split:
            let q1 = q0 + g1
            val dv0 = d0[q1 + 4]
            acc l0 = dv0
            if ((b0 + 1 >= 0 && b0 + 1 < 3) && (g1 >= 0 && g1 < 4)):
              val ta0 = a0[q1 + 4]
              l0 += ta0
            val v5 = mul(l0, 0.5)
            let i0 = t0[b0 + 1] + t1[g1]
            if (g1 >= lo && g1 < hi):
              a0[i0] += v5 if ≥ 0
      main(f, t, s, lo, hi, k):
        if k > 0:
          let cs = (k - 1)*-1 + 2
          let cl0 = cs % 3
          let ch0 = cl0 + 1
          let ca = max(0, lo)
          let cb = max(ca, min(4, hi))
          call r0(a0, cl0, ch0, ca, cb)
        if k < 3:
          let ks = k*-1 + 2
          let kl0 = ks % 3
          let kh0 = kl0 + 1
          let ga = (lo == 0 ? 0 : max(0, lo))
          let gb = max(ga, (hi == 4 ? 4 : min(4, hi)))
          let ia = min(gb, max(ga, lo))
          let ib = max(ia, min(gb, hi))
          call r1(d0, a0, t0, t1, kl0, kh0, gb, ib, lo, hi)
          call r2(d0, a0, t0, t1, kl0, kh0, ia, ib)
          call r3(d0, a0, t0, t1, kl0, kh0, ga, ia, lo, hi)"
    `);
  });

  it("seed's linear convection with its mesh: every split gives the bits of the whole rows, and the reference values", () => {
    const rand = mulberry32(7);
    for (const [nt, nx] of [
      [6, 9],
      [12, 10],
      [3, 17],
    ] as const) {
      const u = kex.array(Float64Array.from({ length: nt * nx }, () => 1 + rand()), { shape: [nt, nx] });
      expect(expectSplitsAgree(seedConvection(nt, nx), u, nt * 31 + nx)).toBe(true);
    }
  });

  it("an sscan (in place: λ starts as the final state's cotangent) and a float32 kscan: splits give the same bits", () => {
    const S = kex.sscan({ kernelSize: [3, 3], offset: [[1, 1], [1, 1]], relative: true }, (u: Win) => u[-1][0] * 0.5 + Math.sin(u[-1][1]) - u[-1][-1] * u[-1][-1]);
    expect(expectSplitsAgree(S as unknown as (x: NDArray) => NDArray, randomArray(mulberry32(5), [5, 8]), 5)).toBe(true);
    const K = kex.kscan({ kernelSize: [3, 3], padding: "same", relative: true }, (u: Win) => u[-1][0] * 0.5 + Math.tanh(u[-1][1]));
    expect(expectSplitsAgree(K as unknown as (x: NDArray) => NDArray, kex.astype(randomArray(mulberry32(6), [6, 7]), "float32"), 6)).toBe(true);
  });

  it("splits along the first dim that carries no dependence, and only with constant padding there and before it", () => {
    const stepsOf = (F: (x: NDArray) => NDArray, shape: number[]): [number, number] => {
      const { params, inputs } = sweepOf(F, randomArray(mulberry32(3), shape), 3);
      const s = compileSweep(params, inputs.map((a) => a.shape), "float64")!.schedule;
      return [s.steps, s.splitDim];
    };
    const rows = (opts: Record<string, unknown>) => kex.kscan({ kernelSize: [3, 3], padding: "same", relative: true, ...opts }, (u: Win) => u[-1][0] * 0.5 + Math.sin(u[-1][1]));
    // rows one after another, each split: 5 steps of slices and the last step's clear
    expect(stepsOf(rows({}) as never, [5, 7])).toEqual([6, 1]);
    // wrap padding along the rows folds row -1 onto row 4: not split
    expect(stepsOf(rows({ padMode: ["wrap", "constant"] }) as never, [5, 7])[0]).toBe(1);
    // wrap padding along the split dim folds column -1 onto column 6, far from a call's rows: not split
    expect(stepsOf(rows({ padMode: ["constant", "wrap"] }) as never, [5, 7])[0]).toBe(1);
    // reflect padding along a dim after the split dim: split (a read stays in the row above, and in its column range)
    const deep = kex.kscan({ kernelSize: [3, 3, 3], padding: "same", padMode: ["constant", "constant", "reflect"], relative: true }, (u: Win) => u[-1][1][-1] * u[-1][0][1]);
    expect(stepsOf(deep as never, [3, 4, 5])).toEqual([4, 1]);
    // reading its own centre: not split
    expect(stepsOf(kex.kscan({ kernelSize: [3, 3], padding: "same", relative: true }, (u: Win) => u[-1][0] * u[0][0]) as never, [5, 7])[0]).toBe(1);
    // 3-d, the dependence carried by dim 0: split along dim 1
    expect(stepsOf(kex.kscan({ kernelSize: [3, 3, 3], padding: "same", relative: true }, (u: Win) => u[-1][1][0] + u[-1][0][-1]) as never, [3, 4, 5])).toEqual([4, 1]);
  });

  it("random scans over kernel sizes, dilations, pad modes and meshes: splits agree bit for bit", () => {
    let split = 0;
    const arb = fc.record({
      ndim: fc.constantFrom(2, 2, 3),
      shape: fc.array(fc.integer({ min: 3, max: 7 }), { minLength: 3, maxLength: 3 }),
      // even sizes too: under dilation their centres leave the input at the first cells (the sweep skips λ there)
      kernelSize: fc.array(fc.constantFrom(1, 2, 3, 4, 5), { minLength: 3, maxLength: 3 }),
      dilation: fc.array(fc.constantFrom(1, 1, 2), { minLength: 3, maxLength: 3 }),
      innerPad: fc.constantFrom("constant", "edge", "reflect", "symmetric", "wrap"),
      splitPad: fc.constantFrom("constant", "constant", "constant", "edge"),
      outerPad: fc.constantFrom("constant", "constant", "constant", "wrap"),
      mesh: fc.boolean(),
      // the kernel given to kscan (one branch over every cell) rather than assigned over ":" (a mesh's region)
      direct: fc.boolean(),
      terms: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom("sin", "sq", "lin")), { minLength: 1, maxLength: 4 }),
      seed: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(arb, (c) => {
        const nd = c.ndim;
        const ks = [3, ...c.kernelSize.slice(1, nd)];
        // reads in the window's first row only (the row before the centre): the rows carry the dependence, and the
        // sweep splits along dim 1 where the padding allows (wrap along dim 0 or edge along dim 1 keep it whole)
        const reads = c.terms.map(([_, b, d, fn]) => {
          const idx = [0, Math.min(b, ks[1]! - 1), ...(nd === 3 ? [Math.min(d, ks[2]! - 1)] : [])].join(", ");
          const r = `x.at(${idx})`;
          return fn === "sin" ? `Math.sin(${r})` : fn === "sq" ? `${r} * ${r} * 0.25` : `${r} * (-0.7)`;
        });
        const kernel = new Function("kex", `return (x) => ${reads.join(" + ")};`)(kex) as kex.Kernel;
        const padMode = [c.outerPad, c.splitPad, c.innerPad].slice(0, nd);
        const options = { kernelSize: ks, padding: "same", padMode, dilation: [1, ...c.dilation.slice(1, nd)] } as never;
        const F = c.direct && !c.mesh ? kex.kscan(options, kernel) : kex.kscan(options);
        if (!(c.direct && !c.mesh)) (F as kex.FunctionMesh).at[":"] = kernel;
        if (c.mesh) (F as kex.FunctionMesh).at["1:, 1:"] = new Function("kex", `return (x) => ${reads[0]} * 2 - 1;`)(kex) as kex.Kernel;
        const x = randomArray(mulberry32(c.seed), c.shape.slice(0, nd));
        let ok: boolean;
        try {
          ok = expectSplitsAgree(F as unknown as (x: NDArray) => NDArray, x, c.seed);
        } catch (e) {
          if (e instanceof kex.KernexError) return;
          throw e;
        }
        if (ok) split++;
      }),
      { seed: 20261202, numRuns: 60 },
    );
    expect(split).toBeGreaterThan(20);
  });
});

describe("second derivatives through the split sweep", () => {
  it("jvp and vjp of the gradient of the seed's convection (whose first sweep splits) match finite differences", () => {
    const F = seedConvection(6, 9);
    const r = randomArray(mulberry32(21), [6, 9]);
    const g = (u: NDArray) => kex.grad((a: NDArray) => kex.sum(kex.mul(kex.square(F(a)), r)))(u) as NDArray;
    const u = kex.array(Float64Array.from({ length: 54 }, (_, i) => 1 + 0.3 * Math.sin(i)), { shape: [6, 9] });
    checkJvp(g, [u], { seed: 22 });
    checkVjp(g, [u], { seed: 23 });
  });
});

describe("the split sweep through the worker pool", () => {
  it("0, 1 and 2 workers give the same bits (seed's convection, rows of 24,000 cells), and the vjp matches finite differences", () => {
    // rows long enough to pay for copying the inputs to shared memory (MIN_WORK_PER_COPIED_STEP)
    const [nt, nx] = [8, 24_000];
    const F = seedConvection(nt, nx);
    const { g, u } = seedConvectionGradient(nt, nx);
    let sharded = 0;
    // kernex reports each sharded sweep at debug level 4, on stderr
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((line: unknown) => {
      if (typeof line === "string" && line.startsWith("[kernex] sharded a scan_sweep")) sharded++;
      return true;
    });
    const results = [0, 1, 2].map((w) => {
      kex.config({ workers: w, debug: 4 });
      try {
        return (g(u) as NDArray).data;
      } finally {
        kex.config({ debug: 0 });
      }
    });
    spy.mockRestore();
    expect(sharded).toBe(2);
    expect(firstBitDifference(results[1]!, results[0]!)).toBe(-1);
    expect(firstBitDifference(results[2]!, results[0]!)).toBe(-1);
    // (the values against the reference sweep: the small cases above; here the vjp, sharded)
    kex.config({ workers: 1 });
    checkVjp((a: NDArray) => F(a), [u], { rtol: 1e-5, atol: 1e-7 });
  });
});
