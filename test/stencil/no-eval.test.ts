/**
 * @file `kex.config({ codegen: false })` for pages whose Content-Security-Policy
 * forbids `new Function`: the seed README examples (mirroring
 * test/stencil/seed-readme.test.ts, plus pad modes, jit, `.async` and
 * `jit(f).lower`) give the same values as with code generation, and with the
 * Function constructor and eval refused (test/helpers/function-guard.ts)
 * none of them tries to evaluate a string. Kernels are created afresh for
 * every run, so nothing memoized from a code-generating run can be reused.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { withoutEval } from "../helpers/function-guard";
import { mulberry32, randomNaive, type NaiveArray } from "../helpers/naive";

/** Values inside a kernel are traced windows/arrays; operators on them are rewritten at trace time. */
type Win = any;
type NDArray = ReturnType<typeof kex.array>;

afterEach(() => {
  kex.config({ codegen: true });
});

const toKex = (a: NaiveArray): NDArray => kex.array(Float64Array.from(a.data), { shape: [...a.shape] });

/** The results of every example, by name. */
type Results = Record<string, { shape: number[]; data: number[] }>;

function record(results: Results, name: string, y: NDArray): void {
  results[name] = { shape: [...y.shape], data: Array.from(y.data) };
}

/**
 * Run the seed examples with kernels created by this call (new function
 * objects every time). Inputs are the same on every call.
 */
async function runSeedExamples(): Promise<Results> {
  const results: Results = {};
  const x5 = kex.array([1, 2, 3, 4, 5]);

  // quick example
  record(results, "quick kmap", kex.kmap({ kernelSize: [3] }, (x: Win) => kex.sum(x))(x5));
  record(results, "quick kscan", kex.kscan({ kernelSize: [3] }, (x: Win) => kex.sum(x))(x5));
  record(results, "quick kmap, options-only form", kex.kmap({ kernelSize: [3] })((x: Win) => kex.sum(x))(x5));

  // function mesh
  const F = kex.kmap({ kernelSize: [1] });
  F.at["0"] = (x: Win) => x[0] ** 2;
  F.at["1:"] = (x: Win) => x[0] ** 3;
  record(results, "mesh", F(kex.arange(1, 11)));
  const G = kex
    .kmap({ kernelSize: [1] })
    .set("0", (x: Win) => x[0] ** 2)
    .set("1:", (x: Win) => x[0] ** 3);
  record(results, "mesh via set", G(kex.arange(1, 11)));

  // convolution, in operator, function and method form, under jit and async
  const rand = mulberry32(2024);
  const image = toKex(randomNaive(rand, [3, 8, 9]));
  const weights = toKex(randomNaive(rand, [3, 3, 3]));
  const convOptions: kex.StencilOptions = { kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] };
  const convOperators = kex.kmap(convOptions, (x: Win, w: Win) => kex.sum(x * w));
  const convFunctions = kex.kmap(convOptions, (x: Win, w: Win) => kex.sum(kex.mul(x, w)));
  const convMethods = kex.kmap(convOptions, (x: Win, w: Win) => kex.sum(x.mul(w)));
  record(results, "conv, operators", convOperators(image, weights));
  record(results, "conv, functions", convFunctions(image, weights));
  record(results, "conv, methods", convMethods(image, weights));
  record(results, "conv under jit", kex.jit(convFunctions)(image, weights));
  record(results, "conv, async", await convOperators.async(image, weights));
  record(results, "conv under jit, async", await kex.jit(convMethods).async(image, weights));
  const lowered = kex.jit(convFunctions).lower(image, weights);
  expect(lowered.js.length).toBeGreaterThan(0);

  // laplacian with relative indexing
  const laplacian = kex.kmap(
    { kernelSize: [3, 3], padding: "valid", relative: true },
    (x: Win) =>
      0 * x[1][-1] + 1 * x[1][0] + 0 * x[1][1] +
      1 * x[0][-1] + -4 * x[0][0] + 1 * x[0][1] +
      0 * x[-1][-1] + 1 * x[-1][0] + 0 * x[-1][1],
  );
  record(results, "laplacian of ones", laplacian(kex.ones([10, 10])));
  record(results, "laplacian of a random array", laplacian(toKex(randomNaive(mulberry32(5), [7, 9]))));

  // get patches
  const mat = kex.arange(1, 26).reshape([5, 5]);
  record(results, "patches", kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: Win) => x)(mat));
  record(results, "relative identity", kex.kmap({ kernelSize: [3, 3], relative: true }, (x: Win) => x[0][0])(mat));

  // linear convection: a kscan function mesh with named axes and values from scope
  const [nt, nx] = [151, 51];
  const dt = 0.5 / (nt - 1);
  const dx = 2.0 / (nx - 1);
  const c = 0.5;
  const convection = kex.kscan({
    kernelSize: [3, 3],
    padding: [
      [1, 1],
      [1, 1],
    ],
    namedAxis: { 0: "n", 1: "i" },
    relative: true,
    scope: { c, dt, dx },
  });
  const q = Math.trunc((nx - 1) / 4) + 1;
  const h = Math.trunc((nx - 1) / 2);
  convection.at[":, 0"] = convection.at[":, -1"] = (_u: Win) => 1;
  convection.at[`:, :${q}`] = convection.at[`:, ${h}:`] = (_u: Win) => 1;
  convection.at[`0:1, ${q}:${h}`] = (_u: Win) => 2;
  convection.at["1:, 1:-1"] = (u: Win) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));
  record(results, "linear convection", convection(kex.ones([nt, nx])));

  // gaussian blur with weights from scope
  const size = 7;
  const g = Array.from({ length: size }, (_, i) => Math.exp(-0.5 * (i - 3) ** 2 * (1 / Math.sqrt(1.5))));
  const outer = g.flatMap((a) => g.map((b) => a * b));
  const total = outer.reduce((p, v) => p + v, 0);
  const w: Win = kex.array(outer.map((v) => v / total), { shape: [size, size] });
  const blur = kex.kmap({ kernelSize: [size, size], padding: "same", scope: { w } }, (x: Win) => kex.sum(x * w));
  record(results, "gaussian blur", blur(toKex(randomNaive(mulberry32(11), [12, 10], 0, 1))));

  // pooling
  const pool = toKex(randomNaive(mulberry32(99), [9, 11]));
  record(results, "max pool", kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x: Win) => kex.max(x))(pool));
  record(results, "average pool", kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x: Win) => kex.mean(x))(pool));

  // beyond the seed: pad modes, dilation and a reversed scan
  const torus = toKex(randomNaive(mulberry32(7), [6, 5]));
  const r = 0.2;
  const heatStep = kex.kmap(
    { kernelSize: [3, 3], padding: "same", padMode: "wrap", relative: true, scope: { r } },
    (u: Win) => u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]),
  );
  record(results, "heat step on a torus", heatStep(torus));
  record(
    results,
    "reflect, dilation 2, reversed sscan",
    kex.sscan({ kernelSize: [3, 2], dilation: 2, padMode: ["reflect", "symmetric"], reverse: true }, (x: Win) => kex.mul(kex.mean(x), 0.5))(torus),
  );
  return results;
}

describe("the seed examples with codegen: false", () => {
  it("give the same values as with code generation, without evaluating any string", async () => {
    // without code generation first: no compiled stencil or kernel of this file exists yet to be reused
    kex.config({ codegen: false });
    const { value: interpreted, attempts } = await withoutEval(runSeedExamples);
    expect(attempts).toEqual([]);
    kex.config({ codegen: true });
    const generated = await runSeedExamples();

    expect(Object.keys(interpreted)).toEqual(Object.keys(generated));
    for (const name of Object.keys(generated)) {
      expect(interpreted[name]!.shape, name).toEqual(generated[name]!.shape);
      expect(interpreted[name]!.data, name).toBeAllclose(generated[name]!.data, { rtol: 1e-12, atol: 1e-12 });
    }
    // and the values are the README's
    expect(interpreted["quick kmap"]!.data).toEqual([6, 9, 12]);
    expect(interpreted["quick kscan"]!.data).toEqual([6, 13, 22]);
    expect(interpreted["mesh"]!.data).toEqual([1, 8, 27, 64, 125, 216, 343, 512, 729, 1000]);
    expect(interpreted["laplacian of ones"]!.data).toEqual(new Array(64).fill(0));
    expect(interpreted["patches"]!.shape).toEqual([5, 5, 3, 3]);
  });

  it("the guard does see the code-generating path (the same examples with codegen on are refused)", async () => {
    kex.config({ codegen: true });
    const { attempts } = await withoutEval(async () => {
      try {
        await runSeedExamples();
      } catch {
        // refused by the guard
      }
    });
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts[0]!.via).toMatch(/^Function/);
  });

  it("a kernel first run with code generation runs again with codegen: false, refusing nothing", async () => {
    const kernel = (x: Win) => x[0] * 2 + x[2];
    const f = kex.kmap({ kernelSize: 3, padding: "same", padMode: "edge" }, kernel);
    const x = kex.array([1, 2, 3, 4]);
    const expected = f(x).toArray();
    kex.config({ codegen: false });
    const { value, attempts } = await withoutEval(() => kex.kmap({ kernelSize: 3, padding: "same", padMode: "edge" }, kernel)(x).toArray());
    expect(attempts).toEqual([]);
    expect(value).toEqual(expected);
    expect(value).toEqual([4, 5, 8, 10]);
  });
});
