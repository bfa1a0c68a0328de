/**
 * @file The functions a generated stencil factory is made of (the push and
 * pull emitters share them): the kernel function's head, which names its
 * buffers and tables; one runner per interval of the split dim; and the
 * innermost loops as functions of their own, called once per cell of the
 * loops around them. V8 then optimizes each hot loop whole, with complete
 * type feedback, instead of compiling one loop on stack and deoptimizing at
 * the next one, which has not run yet (measured on the conv2d gradient's
 * gather: no deoptimization, and a first call of ~100 ms instead of ~300 ms).
 *
 * A loop function takes the outer loops' variables it uses and its bounds
 * `glo`, `ghi`; the factory's shared names (buffers, tables, hoisted
 * constants) are known only once every kernel is emitted, so they are put
 * first in every parameter list and call by `share`.
 */
import type * as ES from "estree";
import * as b from "./estree";

/**
 * `const x<j> = f[j]` for the windowed inputs, then `e<j>` for the extras,
 * `o<j>` for the outputs (none when they are written in place) and `t<d>`
 * for the read tables.
 */
export function bufferDecls(nWindowed: number, nExtra: number, nOut: number, nTables: number): ES.Statement[] {
  const f = (i: number): ES.Expression => b.index(b.id("f"), b.num(i));
  return [
    ...Array.from({ length: nWindowed }, (_, j) => b.constDecl(`x${j}`, f(j))),
    ...Array.from({ length: nExtra }, (_, j) => b.constDecl(`e${j}`, f(nWindowed + j))),
    ...Array.from({ length: nOut }, (_, j) => b.constDecl(`o${j}`, f(nWindowed + nExtra + j))),
    ...Array.from({ length: nTables }, (_, d) => b.constDecl(`t${d}`, b.index(b.id("t"), b.num(d)))),
  ];
}

/** The name a `const` declaration declares. */
export function declaredName(st: ES.Statement): string {
  return ((st as ES.VariableDeclaration).declarations[0]!.id as ES.Identifier).name;
}

/**
 * `const r<i> = (shared…, lo, hi) => { loops[i] }` for each interval's
 * loops, the statements that call them, and their parameters.
 */
export function runnerFunctions(loops: readonly ES.Statement[][], shared: readonly string[]): { params: ES.Identifier[]; runners: ES.Statement[]; calls: ES.Statement[] } {
  const params = [...shared, "lo", "hi"].map((n) => b.id(n));
  return {
    params,
    runners: loops.map((loop, i) => b.constDecl(`r${i}`, b.arrow(loop, params))),
    calls: loops.map((_, i) => b.exprStmt(b.call(b.id(`r${i}`), params))),
  };
}

export class LoopFunctions {
  /** `const ln<i> = (...) => { ... }` for each function, in order. */
  readonly decls: ES.Statement[] = [];
  private readonly lists: ES.Node[][] = [];

  /**
   * A new function `ln<i>(params, glo, ghi) { body }` (body loops over
   * [glo, ghi)), and the statement that calls it here over [from, to).
   */
  call(params: readonly string[], body: ES.Statement[], from: ES.Expression, to: ES.Expression): ES.Statement {
    const name = `ln${this.decls.length}`;
    const fn = b.arrow(body, [...params, "glo", "ghi"].map((n) => b.id(n)));
    const call = b.call(b.id(name), [...params.map((n) => b.id(n)), from, to]);
    this.decls.push(b.constDecl(name, fn));
    this.lists.push(fn.params, call.arguments);
    return b.exprStmt(call);
  }

  /** Put the factory's shared names first in every function's parameters and call. */
  share(names: readonly string[]): void {
    for (const list of this.lists) list.unshift(...names.map((n) => b.id(n)));
  }
}
