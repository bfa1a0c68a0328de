/**
 * @file stencil_gather (the adjoint of window reads) compiled equals the
 * reference interpreter over geometry, pad modes, dilation and meshes, and
 * both equal a closed form on a simple case.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { bind } from "../../src/core/trace";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { mulberry32 } from "../helpers/naive";

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

describe("stencil_gather", () => {
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
