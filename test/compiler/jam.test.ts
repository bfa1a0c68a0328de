/**
 * @file Unroll-and-jam of innermost interior loops (compiler/loop/jam.ts):
 * random maps (kernel sizes, strides, dilations, paddings, odd extents that
 * leave a remainder) compiled with the jam equal the interpreter bit for
 * bit; the jammed loop shares its cells' common reads; the cost model's
 * choices; the verifier rejecting a jam that runs past its box.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import type { NDArray } from "kernex";
import { compileBody } from "../../compiler/codegen/compile";
import { emitJs } from "../../compiler/codegen/emit-js";
import { printLowered } from "../../compiler/ir-print";
import { jamFactor, jamLowered } from "../../compiler/loop/jam";
import { checkLowered } from "../../compiler/loop/loop-check";
import { lowerNest } from "../../compiler/loop/lower";
import { lowerStencil } from "../../compiler/loop/lower-stencil";
import type { LoweredCode, Stmt } from "../../compiler/loop/lowered-ir";
import { simplifyLowered } from "../../compiler/loop/simplify-index";
import { runPipeline } from "../../compiler/passes/pipeline";
import type { StencilParams } from "../../compiler/primitives";
import { randomArray } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

/** The loop nest of the one stencil f binds on x. */
function nestOf(f: (x: NDArray) => NDArray, x: NDArray) {
  const eqn = kex.makeIR(f)(x).program.eqns.at(-1)!;
  const params = eqn.params as StencilParams;
  return runPipeline(params, eqn.inputs.slice(params.nWindowed).map((a) => [...a.aval.shape]), { check: true });
}

/** The jammed loops of lowered code (after outlining: in its functions too). */
function jammedLoops(code: LoweredCode): Extract<Stmt, { kind: "for" }>[] {
  const out: Extract<Stmt, { kind: "for" }>[] = [];
  const walk = (body: readonly Stmt[]): void => {
    for (const s of body) {
      if (s.kind === "for") {
        if ((s.jam ?? 1) > 1) out.push(s);
        walk(s.body);
      } else if (s.kind === "block") walk(s.body);
      else if (s.kind === "if") [s.then, s.else].forEach(walk);
    }
  };
  walk(code.body);
  code.fns.forEach((f) => walk(f.body));
  return out;
}

/** The source of a kernel over a window of `sizes`: a weighted sum, a max, or a nonlinear mix of its cells, in a random order. */
function randomKernel(rand: () => number, sizes: readonly number[]): (x: Win) => Win {
  const cells: string[] = [];
  const walk = (prefix: string, d: number): void => {
    if (d === sizes.length) return void cells.push(`x${prefix}`);
    for (let i = 0; i < sizes[d]!; i++) walk(`${prefix}[${i}]`, d + 1);
  };
  walk("", 0);
  cells.sort(() => rand() - 0.5);
  const weight = (): string => String(Math.round((rand() * 2 - 1) * 100) / 37);
  const kind = Math.floor(rand() * 3);
  let src: string;
  if (kind === 0) src = cells.map((c) => `${weight()} * ${c}`).join(" + ");
  else if (kind === 1) src = cells.slice(1).reduce((acc, c) => `Math.max(${acc}, ${c})`, cells[0]!);
  else src = cells.slice(1).reduce((acc, c) => `(${acc}) * 0.5 + ${c} * ${c}`, `Math.tanh(${cells[0]} * ${weight()})`);
  return new Function("x", `return ${src};`) as (x: Win) => Win;
}

afterEach(() => {
  kex.config({ codegen: true });
});

describe("unroll-and-jam", () => {
  it("random maps: compiled (jammed) equals the interpreter bit for bit", () => {
    const rand = mulberry32(2026);
    let jammed = 0;
    for (let trial = 0; trial < 24; trial++) {
      const nd = 1 + Math.floor(rand() * 2);
      const kernelSize = Array.from({ length: nd }, () => 1 + Math.floor(rand() * 5));
      const strides = Array.from({ length: nd }, () => 1 + Math.floor(rand() * 2));
      const dilation = Array.from({ length: nd }, () => (rand() < 0.25 ? 2 : 1));
      const padding = rand() < 0.5 ? "valid" : "same";
      const shape = Array.from({ length: nd }, () => 9 + Math.floor(rand() * 23));
      const F = kex.kmap({ kernelSize, strides, dilation, padding }, randomKernel(rand, kernelSize));
      const x = randomArray(rand, shape);
      const compiled = F(x).toArray();
      kex.config({ codegen: false });
      const interpreted = F(x).toArray();
      kex.config({ codegen: true });
      expect(compiled, JSON.stringify({ kernelSize, strides, dilation, padding, shape })).toEqual(interpreted);
      if (jammedLoops(lowerNest(nestOf(F, x))).length > 0) jammed++;
    }
    // many of these kernels share reads between neighbouring cells: the jam must have run on them
    expect(jammed).toBeGreaterThan(7);
  });

  it("float32 and several outputs per cell: bit-equal to the interpreter", () => {
    const F = kex.kmap({ kernelSize: [3, 5], padding: "same" }, (x: Win) => kex.stack([x[0][0] * 0.3 + x[1][4] - x[2][2], Math.max(x[1][1], x[0][3])]));
    const x = kex.astype(randomArray(mulberry32(7), [11, 13]), "float32");
    const compiled = F(x).toArray();
    kex.config({ codegen: false });
    expect(compiled).toEqual(F(x).toArray());
  });

  it("a 7-wide row at stride 1 reads 7 + J - 1 values per J cells", () => {
    const F = kex.kmap({ kernelSize: 7 }, (x: Win) => x[0] + x[1] + x[2] + x[3] + x[4] + x[5] + x[6]);
    const loops = jammedLoops(lowerNest(nestOf(F, kex.ones([50]))));
    expect(loops.length).toBe(1);
    const J = loops[0]!.jam!;
    const reads = loops[0]!.body.filter((s) => s.kind === "value" && s.value.kind === "load").length;
    const stores = loops[0]!.body.filter((s) => s.kind === "store").length;
    expect([J, reads, stores]).toEqual([J, 7 + J - 1, J]);
    expect(J).toBeGreaterThan(1);
  });

  it("runs each cell once: a remainder loop covers ranges that are not a multiple of J", () => {
    for (const n of [17, 18, 19, 20, 21]) {
      const F = kex.kmap({ kernelSize: 3 }, (x: Win) => x[0] - 2 * x[1] + x[2]);
      const code = lowerNest(nestOf(F, kex.ones([n])));
      expect(jammedLoops(code).length).toBe(1);
      const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) + i);
      const want = Array.from({ length: n - 2 }, (_, i) => x[i]! - 2 * x[i + 1]! + x[i + 2]!);
      const run = compileBody(emitJs(code));
      const out = new Float64Array(n - 2).fill(NaN);
      run([x, out], code.tables, [], 0, n - 2, -1);
      expect(Array.from(out)).toEqual(want);
      // the split dim run in two calls, as two workers do: [0, 5) and [5, n - 2), each with its own remainder
      const halves = new Float64Array(n - 2).fill(NaN);
      run([x, halves], code.tables, [], 0, 5, -1);
      run([x, halves], code.tables, [], 5, n - 2, -1);
      expect(Array.from(halves)).toEqual(want);
    }
  });

  it("the cost model: jams shared-read windows, not memory-bound or unshared cells", () => {
    // a 7×7 window at stride 1: 49 reads, 49 multiplies and 48 adds, one store per cell; J = 4 keeps 10 values live
    expect(jamFactor({ reads: 49, arithmetic: 97, stores: 1, distinctReads: [49, 56, 63, 70], live: [2, 4, 7, 10] })).toBe(3);
    // the same with fewer live values: the deepest jam
    expect(jamFactor({ reads: 49, arithmetic: 97, stores: 1, distinctReads: [49, 56, 63, 70], live: [2, 4, 6, 8] })).toBe(4);
    // pointwise (no shared reads): a longer body saves nothing
    expect(jamFactor({ reads: 2, arithmetic: 3, stores: 1, distinctReads: [2, 4, 6, 8], live: [2, 3, 4, 5] })).toBe(1);
    // patches (reads copied to stores, no arithmetic): bound by memory traffic
    expect(jamFactor({ reads: 3, arithmetic: 0, stores: 3, distinctReads: [3, 4, 5, 6], live: [3, 4, 5, 6] })).toBe(1);
    // no reads at all (a constant fill)
    expect(jamFactor({ reads: 0, arithmetic: 1, stores: 1, distinctReads: [0, 0, 0, 0], live: [1, 1, 1, 1] })).toBe(1);
  });

  it("the cost model weighs the jam's warm-up against the grid: 1024² pays it back, 256² does not, tiny grids are exempt", () => {
    // W7's profile (7×7 blur): 359 statements jammed 3 deep
    const w7 = { reads: 49, arithmetic: 97, stores: 1, distinctReads: [49, 56, 63, 70], live: [2, 4, 7, 10], statements: [149, 254, 359, 464] };
    expect(jamFactor({ ...w7, gridCells: 1024 * 1024 })).toBe(3);
    // 16 calls × 65,536 cells × 58.7 units × 0.15 ns = 9 ms < 359 × 0.24 ms = 86 ms (J = 2: 7 ms < 61 ms)
    expect(jamFactor({ ...w7, gridCells: 256 * 256 })).toBe(1);
    expect(jamFactor({ ...w7, gridCells: 100 })).toBe(3);
    // W4's profile (max-pool 3×3 stride 2 over (3, 1024, 1024)): J = 2 pays back, J = 3 keeps 9 values live
    const w4 = { reads: 9, arithmetic: 8, stores: 1, distinctReads: [9, 15, 21, 27], live: [3, 6, 9, 12], statements: [21, 36, 51, 66] };
    expect(jamFactor({ ...w4, gridCells: 3 * 511 * 511 })).toBe(2);
  });

  it("leaves scans, gathers and grid reductions alone", () => {
    const scan = kex.kscan({ kernelSize: 3, padding: "same" }, (x: Win) => x[0] * 0.5 + x[2]);
    expect(jammedLoops(lowerNest(nestOf(scan, kex.ones([40]))))).toEqual([]);
  });

  describe("the verifier", () => {
    const F = kex.kmap({ kernelSize: 3 }, (x: Win) => x[0] - 2 * x[1] + x[2]);
    const jammedCode = (): LoweredCode => jamLowered(simplifyLowered(lowerStencil(nestOf(F, kex.ones([12])))));

    it("accepts the jammed code", () => {
      const code = jammedCode();
      expect(jammedLoops(code).length).toBe(1);
      expect(() => checkLowered(code, "jam")).not.toThrow();
      expect(printLowered(code)).toMatch(/for g0 ∈ \[g0lo, g0hi\) step 3 jam 3 dim 0 split:/);
    });

    it("rejects a jam that runs past the box (cells per iteration not counted in its bound)", () => {
      const code = jammedCode();
      const body = mapFor(code.body, (s) => ({ ...s, jam: 1 }));
      expect(() => checkLowered({ ...code, body }, "test")).toThrow(/a (read of x0|store into o0)\[\d+\.\.\d+\], outside \[0, (12|10)\)/);
    });

    it("rejects a jam whose step skips or repeats cells", () => {
      const code = jammedCode();
      const body = mapFor(code.body, (s) => ({ ...s, step: s.jam! + 1 }));
      expect(() => checkLowered({ ...code, body }, "test")).toThrow(/loop g0 jams \d cells with step \d/);
    });
  });
});

/** Replace every jammed loop of a body by `f` of it. */
function mapFor(body: readonly Stmt[], f: (s: Extract<Stmt, { kind: "for" }>) => Stmt): Stmt[] {
  return body.map((s): Stmt => {
    if (s.kind === "for") return (s.jam ?? 1) > 1 ? f(s) : { ...s, body: mapFor(s.body, f) };
    if (s.kind === "block") return { ...s, body: mapFor(s.body, f) };
    if (s.kind === "if") return { ...s, then: mapFor(s.then, f), else: mapFor(s.else, f) };
    return s;
  });
}
