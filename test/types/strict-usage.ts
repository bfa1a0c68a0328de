/**
 * @file Typical user code that must compile under `tsc --strict` with no
 * casts (issue #18): unannotated lambdas given to grad/vjp/jvp/vmap/jit get
 * NDArray parameters, toArray() results index without casts, vjp/jvp pieces
 * are typed, option values are string-literal unions, kernels written with
 * plain operators type-check. Lines marked @ts-expect-error must stay
 * errors. `npm run check` compiles this file against the sources and
 * test/long/packaging.test.ts against the packed package.
 */
import * as kex from "kernex";

const x = kex.array([1, 2, 3]);
const G = kex.kmap({ kernelSize: 3, padding: "same" }, (w) => kex.sum(w));

// transforms: unannotated parameters are NDArrays
const g: kex.NDArray = kex.grad((u) => kex.sum(G(u)))(x);
const [ga, gb]: kex.NDArray[] = kex.grad((a, b) => kex.sum(kex.mul(a, b)), [0, 1])(x, x);
const [value, slope] = kex.valueAndGrad((u) => kex.sum(kex.square(u)))(x);
const scaled = kex.grad((u, c: number) => kex.sum(kex.mul(u, c)))(x, 2);
// @ts-expect-error the second argument is a number
kex.grad((u, c: number) => kex.sum(kex.mul(u, c)))(x, "2");
// @ts-expect-error an unannotated parameter is an NDArray
kex.grad((u) => kex.sum(u))(3);
const [y, back] = kex.vjp((u) => kex.mul(u, u), x);
const dx: kex.NDArray = back(kex.ones([3]))[0]!;
const [p, t] = kex.vjp((u) => ({ s: kex.sum(u), m: kex.mul(u, 2) }), x);
const ps: kex.NDArray = p.s;
t({ s: kex.array(1), m: kex.ones([3]) });
const [yf, dy] = kex.jvp((u) => kex.sin(u), [x], [kex.ones([3])]);
const tangent: kex.NDArray = dy;
const batched: kex.NDArray = kex.vmap((row) => kex.sum(row))(kex.ones([4, 3]));
const jitted = kex.jit((u, v) => kex.add(u, v));
const sum2: kex.NDArray = jitted(x, x);
const lowered: string = jitted.lower(x, x).ir;
const conv = kex.kmap({ kernelSize: 3 }, (w, k) => kex.sum(w * k));
const jconv: kex.NDArray = kex.jit(conv)(x, kex.ones([3]));

// toArray: index and assign without casts
const m = kex.arange(6).reshape([2, 3]);
const cell: number = m.toArray()[1][2];
const rows: number[][] = m.toArray();
const doubled = m.toArray().map((row) => row.map((v) => 2 * v));
const first: number = kex.arange(3).toArray()[0];

// kernels: windows and extra arguments take operators, Math.* and array functions
const laplacian = kex.kmap({ kernelSize: [3, 3], relative: true }, (u) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
const relu = kex.kmap({ kernelSize: 1 }, (w) => (w[0] > 0 ? w[0] : 0));
const smooth = kex.kmap({ kernelSize: 3 }, (w) => Math.sin(w[0]) + w[1] ** 2);
const named = kex.kmap({ kernelSize: [3, 3], namedAxis: { 0: "i", 1: "j" } }, (w) => w.at("i+1", "j") - w.at(0, 0));
const loop = kex.kmap({ kernelSize: 3 }, (w) => {
  let s = 0;
  for (let i = 0; i < 3; i++) s += w[i];
  return s;
});
const F = kex.kscan({ kernelSize: 3, padding: "same" });
F.at["1:"] = (w) => w[0] + w[1];
const kernel: kex.Kernel = (w, c) => c * w[0];
const byName = kex.kmap({ kernelSize: [3, 3], namedAxis: { 0: "i", 1: "j" } }, (w, axis: string) => w.at(axis, "j"));
byName(kex.ones([4, 4]), "i+1");
// @ts-expect-error the window is not a string
kex.kmap({ kernelSize: 3 }, (w: string) => w.length);

// options: string-literal unions
const options: kex.StencilOptions = { kernelSize: [3, 3], padding: ["valid", "same"], padMode: "wrap" };
// @ts-expect-error padding names are "valid" or "same"
kex.kmap({ kernelSize: 3, padding: "full" }, (w) => w[0]);
// @ts-expect-error padMode is one of the five modes
kex.kmap({ kernelSize: 3, padMode: "mirror" }, (w) => w[0]);
kex.config({ workers: "auto", debug: 1 });

// arrays: .with replaces .set
const updated: kex.NDArray = x.with("0", 5);
const printed: string = String(updated);

export {
  g, ga, gb, value, slope, scaled, y, dx, ps, yf, tangent, batched, sum2, lowered, jconv, cell, rows, doubled, first,
  laplacian, relu, smooth, named, loop, kernel, byName, options, printed,
};
