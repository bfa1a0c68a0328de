/**
 * @file Innermost loops of generated stencil code as functions of their own,
 * called once per cell of the loops around them. V8 then optimizes each hot
 * loop whole, with complete type feedback, instead of compiling one loop on
 * stack and deoptimizing at the next one, which has not run yet (measured on
 * the conv2d gradient's gather: no deoptimization, and a first call of
 * ~100 ms instead of ~300 ms).
 *
 * A function takes the outer loops' variables it uses and its bounds
 * `glo`, `ghi`; the factory's shared names (buffers, tables, hoisted
 * constants) are known only once every kernel is emitted, so they are put
 * first in every parameter list and call by `share`.
 */
import type * as ES from "estree";
import * as b from "./estree";

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
