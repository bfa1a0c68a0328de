/**
 * @file Property-based differential test of kmap gradients: random geometry
 * (stride 1 mostly, so that most gathers take the pull form), pad modes and
 * kernel expressions; grad of sum(kmap(f)(x) · r), jitted and not, equals
 * the reference interpreter's. And the gathers themselves over random
 * strides, dilations, every pad mode and two-region meshes: in pull form,
 * equal to the interpreter bit for bit.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { compileStencil } from "../../runtime/executor/stencil-kernel";
import { bind } from "../../src/core/trace";
import { firstBitDifference } from "../runtime/helpers";

interface Case {
  readonly shape: number[];
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly dilation: number[];
  readonly padding: ([number, number] | string)[];
  readonly padMode: string;
  readonly kernel: string;
  readonly float32: boolean;
  readonly data: number[];
}

/** A random kernel over window reads: mostly one smooth function per cell, sometimes a whole-window one. */
function kernelArb(kernelSize: number[]): fc.Arbitrary<string> {
  const read = fc.tuple(...kernelSize.map((k) => fc.integer({ min: 0, max: k - 1 }))).map((idx) => `x.at(${idx.join(", ")})`);
  const term = fc.oneof(
    read.map((r) => `Math.sin(${r})`),
    read.map((r) => `${r} * ${r}`),
    fc.tuple(read, fc.double({ min: -2, max: 2, noNaN: true })).map(([r, c]) => `${r} * (${c.toFixed(3)})`),
    read.map((r) => `Math.tanh(${r})`),
  );
  const local = fc.array(term, { minLength: 1, maxLength: 4 }).map((ts) => ts.join(" + "));
  return fc.oneof({ weight: 4, arbitrary: local }, { weight: 1, arbitrary: local.map((e) => `(${e}) * kex.sum(x)`) });
}

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 3 }).chain((ndim) =>
  fc
    .record({
      shape: fc.array(fc.integer({ min: 2, max: 6 }), { minLength: ndim, maxLength: ndim }),
      kernelSize: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: ndim, maxLength: ndim }),
      strides: fc.array(fc.constantFrom(1, 1, 1, 2), { minLength: ndim, maxLength: ndim }),
      dilation: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: ndim, maxLength: ndim }),
      padding: fc.array(fc.oneof(fc.constant("same"), fc.constant("valid"), fc.tuple(fc.integer({ min: -1, max: 3 }), fc.integer({ min: -1, max: 3 }))), { minLength: ndim, maxLength: ndim }),
      padMode: fc.constantFrom("constant", "constant", "constant", "edge", "reflect", "symmetric", "wrap"),
      float32: fc.boolean(),
      data: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 432, maxLength: 432 }),
    })
    .chain((r) => kernelArb(r.kernelSize).map((kernel) => ({ ...r, kernel }) as Case)),
);

/** How many jitted gradients had a gather in pull form (each cell written once: `o<j>[p<d>] = ...`, or `o<j>[j0] = ...` in 1-d), and of those through a non-constant pad mode. */
let pulled = 0;
let pulledThroughPadModes = 0;

/** grad of sum(kmap(f)(x) · r) at x, or the KernexError message (geometry that fits no window). */
function run(c: Case, jit: boolean): kex.NDArray | string {
  const size = c.shape.reduce((a, b) => a * b, 1);
  const dtype = c.float32 ? "float32" : "float64";
  const x = kex.astype(kex.array(Float64Array.from(c.data.slice(0, size)), { shape: c.shape }), dtype);
  const F = kex.kmap({ kernelSize: c.kernelSize, strides: c.strides, dilation: c.dilation, padding: c.padding as never, padMode: c.padMode as never });
  F.at[":"] = new Function("kex", `return (x) => ${c.kernel};`)(kex) as kex.Kernel;
  try {
    const y = F(x);
    const r = kex.astype(kex.array(Float64Array.from({ length: y.size }, (_, i) => c.data[size + i]!), { shape: y.shape }), dtype);
    const g = kex.grad((a: kex.NDArray) => kex.sum(kex.mul(F(a), r)));
    if (!jit) return g(x);
    const jg = kex.jit(g);
    if (/\bo\d+\[[pj]\d+\] = /.test(jg.lower(x).js)) {
      pulled++;
      if (c.padMode !== "constant") pulledThroughPadModes++;
    }
    return jg(x);
  } catch (e) {
    if (e instanceof kex.KernexError) return e.message;
    throw e;
  }
}

describe("random kmap gradients", () => {
  afterEach(() => {
    kex.config({ codegen: true });
  });
  it("compiled (jitted and not) == reference interpreter", () => {
    let compared = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        kex.config({ codegen: true });
        const eager = run(c, false);
        const jitted = run(c, true);
        kex.config({ codegen: false });
        const interpreted = run(c, false);
        kex.config({ codegen: true });
        if (typeof eager === "string" || typeof jitted === "string" || typeof interpreted === "string") {
          expect([eager, jitted]).toEqual([interpreted, interpreted]);
          return;
        }
        compared++;
        const tol = c.float32 ? { rtol: 1e-5, atol: 1e-5 } : { rtol: 1e-12, atol: 1e-12 };
        expect(eager.shape).toEqual(interpreted.shape);
        expect(eager.data).toBeAllclose(interpreted.data, tol);
        expect(jitted.data).toBeAllclose(interpreted.data, tol);
      }),
      { seed: 20261125, numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(120);
    expect(pulled).toBeGreaterThan(50);
    expect(pulledThroughPadModes).toBeGreaterThan(15);
  });

  it("stencil_gather over random strides, dilations and pad modes: pull form == interpreter, bit for bit", () => {
    let pulls = 0;
    let meshes = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const size = c.shape.reduce((a, b) => a * b, 1);
        const dtype = c.float32 ? "float32" : "float64";
        const x = kex.astype(kex.array(Float64Array.from(c.data.slice(0, size)), { shape: c.shape }), dtype);
        const options = { kernelSize: c.kernelSize, strides: c.strides, dilation: c.dilation, padding: c.padding as never, padMode: c.padMode as never };
        // a kernel whose window cells each get a value of their own read (pull form wherever the geometry allows),
        // on half the cases a mesh: a second kernel on a box of centres along the first axis
        // (a mesh whose regions hold no window's centre runs no kernel, and stays in push form: nothing to pull)
        const pointwise = (w: kex.NDArray) => kex.mul(kex.sin(w), 0.5);
        const mesh = c.data[431]! > 0;
        const F = mesh ? kex.kmap(options) : kex.kmap(options, pointwise);
        if (mesh) {
          const from = Math.floor(c.shape[0]! / 3);
          (F as kex.FunctionMesh).at[":"] = pointwise;
          (F as kex.FunctionMesh).at[`${from}:${from + 1 + Math.floor(Math.abs(c.data[430]!) * c.shape[0]!)}`] = (w: kex.NDArray) => kex.mul(kex.cos(w), -2);
        }
        let params: StencilParams;
        try {
          params = kex.makeIR((a) => F(a))(x).program.eqns.at(-1)!.params as StencilParams;
        } catch (e) {
          if (e instanceof kex.KernexError) return;
          throw e;
        }
        const compiled = compileStencil(Prim.StencilGather, params, []);
        if (compiled === null) return;
        const isPull = !compiled.schedule.adds;
        if (!mesh) expect(isPull).toBe(true);
        if (isPull) pulls++;
        if (isPull && mesh) meshes++;
        const got = bind(Prim.StencilGather, [x], params)[0]!;
        kex.config({ codegen: false });
        const want = bind(Prim.StencilGather, [x], params)[0]!;
        kex.config({ codegen: true });
        expect(firstBitDifference(got.data, want.data)).toBe(-1);
      }),
      { seed: 20261202, numRuns: 200 },
    );
    expect(pulls).toBeGreaterThan(120);
    expect(meshes).toBeGreaterThan(40);
  });
});
