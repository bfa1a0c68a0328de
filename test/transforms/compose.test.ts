/**
 * @file Transforms composed with each other, on stencil programs: jit∘grad,
 * grad∘jit, vmap∘grad, grad∘vmap, jvp∘grad and grad∘grad (second
 * derivatives of kmap, gathers and scans, checked by finite differences of
 * the gradient), jit∘vmap∘grad, and the nested-derivative "perturbation
 * confusion" test from Autodidax.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { checkProgram } from "../../compiler/ir-check";
import { grad } from "../../src/transforms/grad";
import { jvp } from "../../src/transforms/jvp";
import { vmap } from "../../src/transforms/vmap";
import { checkJvp, checkVjp, checkVmap, randomArray, type Window } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";

type NDArray = kex.NDArray;
type Win = Window;

const lap = kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (x: Win) => x[1][0] + x[-1][0] + x[0][1] + x[0][-1] - 4 * x[0][0]);
/** A non-quadratic loss over a stencil, so second derivatives are not constant. */
const energy = (u: NDArray) => kex.sum(kex.add(kex.square(lap(u)), kex.cos(u)));
const conv = kex.kmap({ kernelSize: [3, 3], padding: "same", padMode: "reflect" }, (x: Win, w: Win) => kex.sum(kex.mul(kex.tanh(x), w)));
const convLoss = (w: NDArray, x: NDArray) => kex.sum(kex.square(conv(x, w)));
const scan = kex.kscan({ kernelSize: 3, padding: "same" }, (x: Win) => x[0] * x[2] * 0.5 + Math.sin(x[1]));
const scanLoss = (x: NDArray) => kex.sum(kex.square(scan(x)));

const rand = mulberry32(40);
const u = randomArray(rand, [5, 6]);

describe("jit", () => {
  it("jit(grad(f)) equals grad(f)", () => {
    const g = grad(energy)(u) as NDArray;
    const jg = kex.jit((x: NDArray) => grad(energy)(x) as NDArray)(u);
    expect(jg.data).toBeAllclose(g.data, { rtol: 1e-12, atol: 1e-12 });
  });

  it("grad(jit(f)) equals grad(f)", () => {
    const g = grad(energy)(u) as NDArray;
    const gj = grad(kex.jit(energy))(u) as NDArray;
    expect(gj.data).toBeAllclose(g.data, { rtol: 1e-12, atol: 1e-12 });
  });

  it("jit of a scan gradient equals the eager one", () => {
    const x = randomArray(rand, [9]);
    const g = grad(scanLoss)(x) as NDArray;
    const jg = kex.jit((y: NDArray) => grad(scanLoss)(y) as NDArray)(x);
    expect(jg.data).toBeAllclose(g.data, { rtol: 1e-12, atol: 1e-12 });
  });

  it("jit(vmap(grad(f))) equals a loop of gradients", () => {
    const f = kex.jit(vmap(grad(convLoss), [0, 0]));
    checkVmap((w, x) => grad(convLoss)(w, x) as NDArray, [randomArray(rand, [3, 3, 3]), randomArray(rand, [3, 5, 4])], [0, 0]);
    const w = randomArray(rand, [3, 3, 3]);
    const x = randomArray(rand, [3, 5, 4]);
    const looped = [0, 1, 2].map((c) => (grad(convLoss)(w.slice([c]), x.slice([c])) as NDArray).data);
    expect((f(w, x) as NDArray).data).toBeAllclose(Float64Array.from(looped.flatMap((d) => [...d])), { rtol: 1e-12, atol: 1e-12 });
  });
});

describe("vmap", () => {
  it("vmap(grad(f)): per-example gradients of a convolution (w and x batched)", () => {
    checkVmap((w, x) => grad(convLoss, [0, 1])(w, x) as NDArray[], [randomArray(rand, [2, 3, 3]), randomArray(rand, [2, 5, 4])], [0, 0]);
  });

  it("vmap(grad(f)): shared weights, batched images", () => {
    checkVmap((w, x) => grad(convLoss)(w, x) as NDArray, [randomArray(rand, [3, 3]), randomArray(rand, [5, 4, 3])], [null, 2]);
  });

  it("vmap(grad(scan))", () => {
    checkVmap((x) => grad(scanLoss)(x) as NDArray, [randomArray(rand, [3, 8])], [0]);
  });

  it("grad(vmap(f)): depthwise convolution, both arguments", () => {
    const depthwise = vmap((x: NDArray, w: NDArray) => conv(x, w));
    checkVjp((x, w) => depthwise(x, w) as NDArray, [randomArray(rand, [2, 5, 4]), randomArray(rand, [2, 3, 3])]);
    checkJvp((x, w) => depthwise(x, w) as NDArray, [randomArray(rand, [2, 5, 4]), randomArray(rand, [2, 3, 3])]);
  });

  it("jvp(vmap(f)) and vmap(jvp(f))", () => {
    const x = randomArray(rand, [3, 5, 4]);
    const t = randomArray(rand, [3, 5, 4]);
    const [, a] = jvp((y) => vmap((z: NDArray) => lap(z))(y) as NDArray, [x], [t]);
    const b = vmap((y: NDArray, ty: NDArray) => jvp((z) => lap(z), [y], [ty])[1] as NDArray)(x, t) as NDArray;
    expect((a as NDArray).data).toBeAllclose(b.data, { rtol: 1e-12, atol: 1e-12 });
  });
});

describe("second derivatives", () => {
  it("jvp(grad(f)) matches finite differences of grad (kmap)", () => {
    checkJvp((x) => grad(energy)(x) as NDArray, [u], { rtol: 1e-5 });
  });

  it("grad(grad(f)): the vjp of the gradient matches finite differences (kmap, gathers)", () => {
    checkVjp((x) => grad(energy)(x) as NDArray, [u], { rtol: 1e-5 });
  });

  it("second derivatives of a convolution in both arguments", () => {
    const args = [randomArray(rand, [3, 3]), randomArray(rand, [5, 4])];
    checkVjp((w, x) => grad(convLoss, [0, 1])(w, x) as NDArray[], args, { rtol: 1e-5 });
    checkJvp((w, x) => grad(convLoss, [0, 1])(w, x) as NDArray[], args, { rtol: 1e-5 });
  });

  it("second derivatives of a kscan (the reverse sweep is itself differentiated)", () => {
    const x = randomArray(rand, [8]);
    checkJvp((y) => grad(scanLoss)(y) as NDArray, [x], { rtol: 1e-5 });
    checkVjp((y) => grad(scanLoss)(y) as NDArray, [x], { rtol: 1e-5 });
  });

  it("reverse over forward on a kscan: the vjp of its jvp (a scan of two windowed arrays)", () => {
    const t = randomArray(rand, [8]);
    checkVjp((y) => jvp((z) => scan(z), [y], [t])[1] as NDArray, [randomArray(rand, [8])], { rtol: 1e-5 });
  });

  it("second derivatives of an smap mesh", () => {
    const S = kex.smap({ kernelSize: 3, offset: 1 });
    S.at["1:5"] = (x: Win) => x[0] * x[2] + Math.exp(x[1]);
    const loss = (x: NDArray) => kex.sum(kex.mul(S(x), S(x)));
    checkVjp((y) => grad(loss)(y) as NDArray, [randomArray(rand, [7])], { rtol: 1e-5 });
  });

  it("the closed form: d²/dx² of sum(x³) is 6x", () => {
    const h = grad((x: NDArray) => kex.sum(grad((y: NDArray) => kex.sum(kex.pow(y, 3)))(x) as NDArray))(kex.array([1, 2, -3])) as NDArray;
    expect(h.toArray()).toEqual([6, 12, -18]);
  });
});

describe("nesting", () => {
  it("perturbation confusion: d/dx [x · d/dy (x + y)] = 1, not 2", () => {
    const outer = grad((x: NDArray) => kex.mul(x, grad((y: NDArray) => kex.add(x, y))(kex.array(1)) as NDArray));
    expect((outer(kex.array(2)) as NDArray).item()).toBe(1);
  });

  it("an inner gradient closing over the outer argument", () => {
    // d/dx [d/dy (x·y²)]|_{y=x} = d/dx [2x·x] = 4x
    const g = (x: NDArray) => grad((y: NDArray) => kex.sum(kex.mul(x, kex.square(y))))(x) as NDArray;
    const gx = grad((x: NDArray) => kex.sum(g(x)))(kex.array([1, 2]));
    expect((gx as NDArray).toArray()).toEqual([4, 8]);
  });
});

describe("the transformed programs", () => {
  const S = kex.smap({ kernelSize: 3, offset: 1 });
  S.at["1:5"] = (x: Win) => x[0] * x[2] + Math.exp(x[1]);
  const meshScan = kex.kscan({ kernelSize: 3, padding: "same", padValue: 0.5 });
  meshScan.at["2:6"] = (x: Win) => x[0] * x[2] + Math.sin(x[1]);
  const programs: [string, (x: NDArray) => NDArray, number[]][] = [
    ["grad of a Laplacian energy", (x) => grad(energy)(x) as NDArray, [5, 6]],
    ["grad of an smap mesh", (x) => grad((y: NDArray) => kex.sum(kex.square(S(y))))(x) as NDArray, [7]],
    ["grad of a kscan mesh with a pad value", (x) => grad((y: NDArray) => kex.sum(kex.square(meshScan(y))))(x) as NDArray, [8]],
    ["jvp of a kscan", (x) => jvp((y) => meshScan(y), [x], [kex.cos(x)])[1] as NDArray, [8]],
    ["vmap of a convolution gradient", (x) => vmap((y: NDArray) => grad(convLoss)(kex.ones([3, 3]), y) as NDArray)(x) as NDArray, [2, 5, 4]],
    ["grad of grad", (x) => grad((y: NDArray) => kex.sum(kex.square(grad(energy)(y) as NDArray)))(x) as NDArray, [4, 5]],
  ];
  for (const [name, f, shape] of programs) {
    it(`${name}: passes the IR verifier, and compiled code equals the reference interpreter`, () => {
      const x = randomArray(mulberry32(50), shape);
      checkProgram(kex.makeIR((y) => f(y))(x).program);
      const compiled = f(x);
      kex.config({ codegen: false });
      try {
        expect(compiled.data).toBeAllclose(f(x).data, { rtol: 1e-12, atol: 1e-12 });
      } finally {
        kex.config({ codegen: true });
      }
    });
  }
});
