/**
 * @file Property-based differential test of control flow in kernels (issue
 * #16): random kernels with nested if/else, early returns, switch, &&, ||
 * and ! on window values, assigning to variables in either branch, run by
 * kmap and kscan over random geometry. Three answers must agree: compiled,
 * the reference interpreter (`codegen: false`, which also runs the kernel
 * through the AST evaluator instead of `new Function`), and the naive
 * stencil loops of test/helpers/naive.ts calling the kernel as plain
 * JavaScript on each window — the semantics kernex promises to keep.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { naiveArray, naiveGet, naiveStencil, type NaiveArray, type NaiveOptions, type NaivePadMode } from "../helpers/naive";

type Kind = "kmap" | "kscan";

interface Case {
  readonly kind: Kind;
  readonly shape: number[];
  readonly kernelSize: number[];
  readonly padding: ([number, number] | string)[];
  readonly padMode: NaivePadMode[];
  readonly body: string;
  readonly data: number[];
}

/** Expressions over window reads, the variables a and b, and constants (0 included, for && and ||). */
function exprArb(kernelSize: number[], depth: number): fc.Arbitrary<string> {
  const read = fc.tuple(...kernelSize.map((k) => fc.integer({ min: -k, max: k - 1 }))).map((idx) => `x.at(${idx.join(", ")})`);
  const constant = fc.constantFrom("0", "1", "(-0.5)", "2");
  const leaf = fc.oneof(read, read, fc.constantFrom("a", "b"), constant);
  if (depth === 0) return leaf;
  const sub = exprArb(kernelSize, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(sub, fc.constantFrom("+", "-", "*"), sub).map(([p, op, q]) => `(${p} ${op} ${q})`) },
    { weight: 1, arbitrary: fc.tuple(sub, fc.constantFrom("&&", "||"), sub).map(([p, op, q]) => `(${p} ${op} ${q})`) },
    { weight: 1, arbitrary: sub.map((p) => `Math.tanh(${p})`) },
    { weight: 1, arbitrary: fc.tuple(sub, sub, sub).map(([c, p, q]) => `(${c} > 0 ? ${p} : ${q})`) },
  );
}

/** Tests: comparisons, && / || of comparisons, !, and bare values (truthiness). */
function testArb(kernelSize: number[]): fc.Arbitrary<string> {
  const e = exprArb(kernelSize, 1);
  const cmp = fc.tuple(e, fc.constantFrom(">", "<", ">=", "===", "!=="), e).map(([p, op, q]) => `${p} ${op} ${q}`);
  return fc.oneof(
    { weight: 3, arbitrary: cmp },
    { weight: 1, arbitrary: fc.tuple(cmp, fc.constantFrom("&&", "||"), cmp).map(([p, op, q]) => `(${p}) ${op} (${q})`) },
    { weight: 1, arbitrary: cmp.map((p) => `!(${p})`) },
    { weight: 1, arbitrary: e },
  );
}

/** A statement list: assignments, if/else (nested), early returns and switches. */
function statementsArb(kernelSize: number[], depth: number): fc.Arbitrary<string> {
  const e = exprArb(kernelSize, 2);
  const assign = fc.tuple(fc.constantFrom("a", "b"), fc.constantFrom("=", "+=", "*="), e).map(([v, op, x]) => `${v} ${op} ${x};`);
  const ret = e.map((x) => `return ${x};`);
  const simple = fc.oneof({ weight: 3, arbitrary: assign }, { weight: 1, arbitrary: ret });
  if (depth === 0) return fc.array(simple, { minLength: 1, maxLength: 3 }).map((s) => s.join(" "));
  const inner = statementsArb(kernelSize, depth - 1);
  const ifElse = fc
    .tuple(testArb(kernelSize), inner, fc.option(inner, { nil: undefined }))
    .map(([t, s1, s2]) => (s2 === undefined ? `if (${t}) { ${s1} }` : `if (${t}) { ${s1} } else { ${s2} }`));
  const sw = fc
    .tuple(e, inner, inner, inner)
    .map(([d, s1, s2, s3]) => `switch (Math.sign(${d})) { case -1: ${s1} break; case 1: case 0: { ${s2} } break; default: ${s3} }`);
  const statement = fc.oneof({ weight: 3, arbitrary: simple }, { weight: 3, arbitrary: ifElse }, { weight: 1, arbitrary: sw });
  return fc.array(statement, { minLength: 1, maxLength: 3 }).map((s) => s.join(" "));
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom<Kind>("kmap", "kscan"), ndim: fc.integer({ min: 1, max: 2 }) })
  .chain(({ kind, ndim }) =>
    fc
      .record({
        shape: fc.array(fc.integer({ min: 2, max: 6 }), { minLength: ndim, maxLength: ndim }),
        kernelSize: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: ndim, maxLength: ndim }),
        padding: fc.array(fc.oneof(fc.constant("same"), fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 }))), { minLength: ndim, maxLength: ndim }),
        padMode: fc.array(fc.constantFrom<NaivePadMode>("constant", "edge", "wrap"), { minLength: ndim, maxLength: ndim }),
        data: fc.array(fc.constantFrom(0, 0.25, -0.5, 1, -1, 2, 0.75), { minLength: 36, maxLength: 36 }),
      })
      .chain((r) =>
        fc
          .tuple(statementsArb(r.kernelSize, 2), exprArb(r.kernelSize, 1))
          .map(([statements, last]) => ({ ...r, kind, body: `let a = x.at(${r.kernelSize.map(() => 0).join(", ")}); let b = 0.5; ${statements} return ${last};` }) as Case),
      ),
  );

function options(c: Case): NaiveOptions {
  return { kernelSize: c.kernelSize, padding: c.padding as NaiveOptions["padding"], padMode: c.padMode };
}

function input(c: Case): number[] {
  return c.data.slice(0, c.shape.reduce((p, q) => p * q, 1));
}

type PlainKernel = (x: { at: (...idx: number[]) => number }) => number;

function kernelOf(c: Case): PlainKernel {
  return new Function(`return (x) => { ${c.body} };`)() as PlainKernel;
}

function runKex(c: Case): number[] | string {
  const f = (kex[c.kind] as (o: unknown, k: unknown) => (x: kex.NDArray) => kex.NDArray)(options(c), kernelOf(c));
  try {
    return Array.from(f(kex.array(input(c), { shape: c.shape })).data);
  } catch (e) {
    if (e instanceof kex.KernexError) return e.message;
    throw e;
  }
}

/** The kernel as plain JavaScript on each window, through the naive loops. */
function runNaive(c: Case): number[] {
  const kernel = kernelOf(c);
  const k = c.kernelSize;
  const window = (w: NaiveArray) => ({ at: (...idx: number[]) => naiveGet(w, ...idx.map((i, d) => (i < 0 ? i + k[d]! : i))) });
  return Array.from(naiveStencil(c.kind, options(c), (w: NaiveArray) => Number(kernel(window(w))), naiveArray(c.shape, input(c))).data);
}

describe("random kernels with control flow", () => {
  afterEach(() => {
    kex.config({ codegen: true });
  });

  it("compiled == reference interpreter == the kernel run as JavaScript", () => {
    let compared = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        kex.config({ codegen: true });
        const compiled = runKex(c);
        kex.config({ codegen: false });
        const interpreted = runKex(c);
        kex.config({ codegen: true });
        expect(compiled).toEqual(interpreted);
        if (typeof compiled === "string") {
          // geometry without windows is rejected the same way on both paths
          expect(compiled).toMatch(/is larger than the input/);
          return;
        }
        compared++;
        expect(compiled).toBeAllclose(runNaive(c), { rtol: 1e-12, atol: 1e-12 });
      }),
      { seed: 20261202, numRuns: 120 },
    );
    expect(compared).toBeGreaterThan(80);
  });
});
