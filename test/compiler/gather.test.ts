/**
 * @file stencil_gather (the adjoint of window reads) compiled equals the
 * reference interpreter over geometry, pad modes, dilation and meshes, in
 * both forms (push: each window adds onto the cells it read; pull: each cell
 * sums the windows that read it, bit for bit the same), and both equal a
 * closed form on a simple case.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { bind } from "../../src/core/trace";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { mulberry32 } from "../helpers/naive";
import { compileStencil } from "../../runtime/executor/stencil-kernel";
import { firstBitDifference } from "../runtime/helpers";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;
type Opts = Record<string, unknown>;

function random(shape: number[], seed: number): kex.NDArray {
  const rand = mulberry32(seed);
  return kex.array(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rand() - 0.5), { shape });
}

/** The stencil params of a kmap whose kernel returns a window-shaped array, applied to x. */
function paramsOf(kind: "kmap" | "smap", options: Opts, kernel: (w: Win) => unknown, x: kex.NDArray, mesh?: string[]): StencilParams {
  const F = (kex[kind] as unknown as (o: Opts) => kex.FunctionMesh)(options);
  if (mesh) mesh.forEach((spec, i) => (F.at[spec] = i % 2 === 0 ? kernel : (w: Win) => kex.mul(kex.mul(w, kex.sum(w)), -3)));
  else F.at[":"] = kernel;
  return kex.makeIR((a) => F(a))(x).program.eqns.at(-1)!.params as StencilParams;
}

function gather(params: StencilParams, x: kex.NDArray): kex.NDArray {
  return bind(Prim.StencilGather, [x], params)[0]!;
}

afterEach(() => {
  kex.config({ codegen: true });
});

const kernel = (w: Win) => kex.mul(w, kex.sum(w));
const cases: [string, "kmap" | "smap", Opts, number[], string[]?][] = [
  ["1-d valid", "kmap", { kernelSize: 3 }, [9]],
  ["1-d same, stride 2", "kmap", { kernelSize: 3, padding: "same", strides: 2 }, [10]],
  ["2-d same, reflect", "kmap", { kernelSize: [3, 2], padding: "same", padMode: "reflect" }, [6, 7]],
  ["2-d wrap, dilation 2", "kmap", { kernelSize: [3, 3], padding: [[2, 2], [1, 3]], padMode: "wrap", dilation: 2 }, [7, 6]],
  ["2-d symmetric/edge per dim, crop", "kmap", { kernelSize: [2, 3], padding: [[-1, 2], "same"], padMode: ["symmetric", "edge"] }, [8, 5]],
  ["3-d same", "kmap", { kernelSize: [1, 3, 3], padding: ["valid", "same", "same"] }, [2, 5, 6]],
  ["padding wider than the kernel", "kmap", { kernelSize: [3, 3], padding: [[4, 1], [0, 3]] }, [6, 7]],
  ["mesh with strided region", "kmap", { kernelSize: [3, 3], padding: "same" }, [7, 7], [":", "::2, 1:", "0"]],
];

/** Is the compiled gather in pull form (each output cell written once)? */
function pull(params: StencilParams): boolean {
  return compileStencil(Prim.StencilGather, params, [])?.schedule.adds === false;
}

// a kernel whose window cells' values depend on one read each: its gathers are emitted in pull form
const pointwise = (w: Win) => kex.mul(kex.exp(w), 0.5);
/** A mesh whose regions alternate between two pointwise kernels (region specs in order, the last wins). */
function meshParams(options: Opts, x: kex.NDArray, mesh: string[]): StencilParams {
  const F = (kex.kmap as unknown as (o: Opts) => kex.FunctionMesh)(options);
  mesh.forEach((spec, i) => (F.at[spec] = i % 2 === 0 ? pointwise : (w: Win) => kex.mul(kex.cos(w), -3)));
  return kex.makeIR((a) => F(a))(x).program.eqns.at(-1)!.params as StencilParams;
}
const pullCases: [string, Opts, number[], "float32"?, string[]?][] = [
  ["1-d valid", { kernelSize: 3 }, [9]],
  ["1-d same, dilation 3", { kernelSize: 3, padding: "same", dilation: 3 }, [11]],
  ["2-d same, pad value 2", { kernelSize: [3, 2], padding: "same", padValue: 2 }, [6, 7]],
  ["2-d padding wider than the kernel", { kernelSize: [3, 3], padding: [[4, 1], [0, 3]] }, [6, 7]],
  ["2-d cropping (negative padding), reflect where nothing is padded", { kernelSize: [2, 3], padding: [[-1, -2], [1, 1]], padMode: ["reflect", "constant"] }, [8, 5]],
  ["3-d valid/same", { kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, [3, 5, 6]],
  ["kernel wider than the input", { kernelSize: [5], padding: [[4, 4]] }, [3]],
  ["float32, 2-d dilation 2", { kernelSize: [3, 3], padding: "same", dilation: 2 }, [7, 9], "float32"],
  // every pad mode (issue #22): outside reads land on border cells, each summed in push order
  ["1-d same, wrap", { kernelSize: 3, padding: "same", padMode: "wrap" }, [9]],
  ["1-d same, edge, dilation 2", { kernelSize: 3, padding: "same", padMode: "edge", dilation: 2 }, [8]],
  ["1-d reflect, padding wider than the input", { kernelSize: 4, padding: [[5, 3]], padMode: "reflect" }, [4]],
  ["1-d symmetric, kernel wider than the input", { kernelSize: 7, padding: "same", padMode: "symmetric" }, [3]],
  ["2-d wrap rows, reflect columns, dilation (2, 1)", { kernelSize: [3, 3], padding: [[2, 2], [1, 3]], padMode: ["wrap", "reflect"], dilation: [2, 1] }, [7, 6]],
  ["2-d symmetric/edge, crop on one side", { kernelSize: [2, 3], padding: [[-1, 2], "same"], padMode: ["symmetric", "edge"] }, [8, 5]],
  ["3-d edge, valid/same/same", { kernelSize: [3, 3, 3], padding: ["valid", "same", "same"], padMode: "edge" }, [3, 5, 6]],
  ["float32, 2-d wrap", { kernelSize: [3, 3], padding: "same", padMode: "wrap" }, [5, 6], "float32"],
  // strides: each interval is one loop per residue class (j + P) mod stride (issue #22)
  ["1-d same, stride 2", { kernelSize: 3, padding: "same", strides: 2 }, [10]],
  ["1-d stride 3, dilation 2, kernel 4", { kernelSize: 4, padding: [[2, 3]], strides: 3, dilation: 2 }, [13]],
  ["2-d strides (2, 3), reflect/wrap", { kernelSize: [3, 3], padding: "same", strides: [2, 3], padMode: ["reflect", "wrap"] }, [9, 10]],
  ["3-d stride 2 pool-like, edge", { kernelSize: [1, 3, 3], strides: [1, 2, 2], padding: ["valid", "same", "same"], padMode: "edge" }, [2, 7, 8]],
  ["stride wider than the kernel", { kernelSize: 2, strides: 3 }, [11]],
  ["float32, stride 2, symmetric", { kernelSize: [3, 2], padding: "same", strides: 2, padMode: "symmetric" }, [7, 6], "float32"],
  // meshes whose regions are boxes: each slot's window falls in one region per box of cells (issue #22)
  ["mesh of two boxes", { kernelSize: [3, 3], padding: "same" }, [7, 8], undefined, [":", "2:5, 1:"]],
  ["mesh leaving cells uncovered, wrap", { kernelSize: [3, 3], padding: "same", padMode: "wrap" }, [6, 7], undefined, ["1:4, :", "4:, 2:6"]],
  ["1-d mesh, stride 2, dilation 2, reflect", { kernelSize: 3, padding: "same", strides: 2, dilation: 2, padMode: "reflect" }, [13], undefined, [":", "3:9", "0"]],
  ["float32 mesh, edge", { kernelSize: [2, 3], padding: "same", padMode: "edge" }, [5, 6], "float32", [":, :3", ":, 3:"]],
];

describe("stencil_gather", () => {
  for (const [name, options, shape, dtype, mesh] of pullCases) {
    it(`pull form == interpreter, bit for bit: ${name}`, () => {
      const x64 = random(shape, name.length);
      const x = dtype === "float32" ? kex.astype(x64, "float32") : x64;
      const params = mesh === undefined ? paramsOf("kmap", options, pointwise, x) : meshParams(options, x, mesh);
      expect(pull(params)).toBe(true);
      const compiled = gather(params, x);
      kex.config({ codegen: false });
      const interpreted = gather(params, x);
      expect(compiled.shape).toEqual(shape);
      expect(compiled.dtype).toBe(x.dtype);
      expect(firstBitDifference(compiled.data, interpreted.data)).toBe(-1);
    });
  }

  it("a kernel that sums its window, or a mesh with stepped regions, gathers in push form (pull would repeat the sum per cell)", () => {
    const x = random([6, 6], 1);
    expect(pull(paramsOf("kmap", { kernelSize: [3, 3], padding: "same" }, kernel, x))).toBe(false);
    // and so do meshes with stepped regions, whatever the kernel (pad modes, strides and box meshes do not: see the pull cases)
    expect(pull(paramsOf("kmap", { kernelSize: 3, padding: "same" }, pointwise, random([9], 4), [":", "::2"]))).toBe(false);
  });

  for (const [name, kind, options, shape, mesh] of cases) {
    it(`compiled == interpreter: ${name}`, () => {
      const x = random(shape, name.length);
      const params = paramsOf(kind, options, kernel, x, mesh);
      const compiled = gather(params, x);
      kex.config({ codegen: false });
      const interpreted = gather(params, x);
      expect(compiled.shape).toEqual(shape);
      expect(compiled.data).toBeAllclose(interpreted.data, { rtol: 1e-12, atol: 1e-12 });
    });
  }

  it("closed form: the adjoint of a 3-wide 'valid' identity read counts the windows covering each cell", () => {
    const x = kex.arange(1, 8);
    const params = paramsOf("kmap", { kernelSize: 3 }, (w: Win) => kex.mul(w, 1), x);
    // cell i is read by min(i, 2, 6 - i) + 1 windows of the 5
    expect(gather(params, x).toArray()).toEqual([1, 4, 9, 12, 15, 12, 7]);
  });
});
