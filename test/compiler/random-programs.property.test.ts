/**
 * @file Property-based differential test: random stencil programs (random
 * geometry, pad modes, kinds, meshes and kernel expressions) give the same
 * values compiled through every pass as through the reference interpreter.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";

type Kind = "kmap" | "kscan" | "smap" | "sscan";

interface Case {
  readonly kind: Kind;
  readonly shape: number[];
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly dilation: number[];
  readonly padding: ([number, number] | string)[];
  readonly offset: [number, number][];
  readonly padMode: string[];
  readonly reverse: boolean;
  readonly kernels: string[];
  readonly regions: string[];
  readonly data: number[];
}

/** A random scalar expression over window reads (absolute indices) as kernel source. */
function exprArb(kernelSize: number[], depth: number): fc.Arbitrary<string> {
  const read = fc.tuple(...kernelSize.map((k) => fc.integer({ min: -k, max: k - 1 }))).map((idx) => `x.at(${idx.join(", ")})`);
  const leaf = fc.oneof(read, read, fc.double({ min: -2, max: 2, noNaN: true }).map((v) => `(${v.toFixed(3)})`), fc.constant("kex.sum(x)"), fc.constant("kex.max(x)"));
  if (depth === 0) return leaf;
  const sub = exprArb(kernelSize, depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(sub, fc.constantFrom("+", "-", "*"), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("sin", "cos", "tanh", "abs"), sub).map(([f, a]) => `Math.${f}(${a})`) },
    { weight: 1, arbitrary: fc.tuple(sub, sub).map(([a, b]) => `Math.max(${a}, ${b})`) },
    { weight: 1, arbitrary: fc.tuple(sub, sub, sub).map(([c, a, b]) => `(${c} > 0 ? ${a} : ${b})`) },
  );
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom<Kind>("kmap", "kscan", "smap", "sscan"),
    ndim: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .chain(({ kind, ndim }) =>
    fc
      .record({
        shape: fc.array(fc.integer({ min: 2, max: 6 }), { minLength: ndim, maxLength: ndim }),
        kernelSize: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: ndim, maxLength: ndim }),
        strides: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: ndim, maxLength: ndim }),
        dilation: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: ndim, maxLength: ndim }),
        padding: fc.array(fc.oneof(fc.constant("same"), fc.constant("valid"), fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }))), { minLength: ndim, maxLength: ndim }),
        offset: fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })), { minLength: ndim, maxLength: ndim }),
        padMode: fc.array(fc.constantFrom("constant", "edge", "reflect", "symmetric", "wrap"), { minLength: ndim, maxLength: ndim }),
        reverse: fc.boolean(),
        regions: fc.array(fc.constantFrom(":", "1:", "0", "-1", "::2", "1:-1"), { minLength: 1, maxLength: 3 }),
        data: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 216, maxLength: 216 }),
      })
      .chain((r) =>
        fc.array(exprArb(r.kernelSize, 2), { minLength: r.regions.length, maxLength: r.regions.length }).map((kernels) => ({ ...r, kind, kernels }) as Case),
      ),
  );

function run(c: Case): kex.NDArray | string {
  const size = c.shape.reduce((a, b) => a * b, 1);
  const x = kex.array(Float64Array.from(c.data.slice(0, size)), { shape: c.shape });
  const common = { kernelSize: c.kernelSize, strides: c.strides, dilation: c.dilation, padMode: c.padMode as never };
  const options =
    c.kind === "kmap" || c.kind === "kscan"
      ? { ...common, padding: c.padding as never, ...(c.kind === "kscan" ? { reverse: c.reverse } : {}) }
      : { ...common, offset: c.offset as never, ...(c.kind === "sscan" ? { reverse: c.reverse } : {}) };
  const F = (kex[c.kind] as (o: unknown) => kex.FunctionMesh)(options);
  c.regions.forEach((r, i) => {
    const kernel = new Function("kex", `return (x) => ${c.kernels[i]};`)(kex) as kex.Kernel;
    F.at[c.regions.length === 1 ? ":" : `${r}${", :".repeat(c.shape.length - 1)}`] = kernel;
  });
  try {
    return F(x);
  } catch (e) {
    // geometry that fits no window is rejected the same way on both paths
    if (e instanceof kex.KernexError) return e.message;
    throw e;
  }
}

describe("random stencil programs", () => {
  afterEach(() => {
    kex.config({ codegen: true });
  });
  it("compiled == reference interpreter", () => {
    let compared = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        kex.config({ codegen: true });
        const compiled = run(c);
        kex.config({ codegen: false });
        const interpreted = run(c);
        kex.config({ codegen: true });
        if (typeof compiled === "string" || typeof interpreted === "string") {
          expect(compiled).toEqual(interpreted);
          return;
        }
        compared++;
        expect(compiled.shape).toEqual(interpreted.shape);
        expect(compiled.data).toBeAllclose(interpreted.data, { rtol: 1e-12, atol: 1e-12 });
      }),
      { seed: 20261125, numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(150);
  });
});
