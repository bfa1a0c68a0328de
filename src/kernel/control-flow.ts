/**
 * @file Control flow in kernels, the AST half (control-flow-ops.ts is the
 * run-time half): after the operator rewrite, every `if` and `switch`
 * becomes a call that runs as ordinary JavaScript when its test is a plain
 * value and runs both branches and selects per cell when the test is
 * traced, the way TensorFlow's AutoGraph converts Python control flow; loop
 * conditions are checked to be plain. Worked example:
 *
 *     (w) => { let s = 0; if (w[0] > 0) { s = w[1]; } else { return 2; } return s; }
 *
 * becomes (operators already rewritten, `c` standing for `__k.gt(...)`)
 *
 *     (w) => {
 *       let __kr = null;                       // the return state
 *       let s = 0;
 *       __k.branch(c, () => { s = __k.index(w, [1]); },
 *                     () => { __kr = __k.ret(2); return; },
 *                     () => [__kr, s], (__kv0, __kv1) => { __kr = __kv0; s = __kv1; },
 *                     true, 1, 22);
 *       __k.unless(__kr, () => { __kr = __k.ret(s); return; }, () => [__kr], (__kv0) => { __kr = __kv0; }, 1, 22);
 *       return __k.result(__kr, 1, 1);
 *     }
 *
 * Each branch is a closure over the kernel's variables; the getter and
 * setter let `branch` run both from the same values and write back the
 * merged ones. Statements after one that may have returned run under
 * `unless` (only where nothing has returned yet). Where a branch uses
 * `break` or `continue` that leave it, it cannot become a closure: the
 * `if` stays an `if` whose test must be plain (`__k.concrete`), and a
 * switch whose cases fall through likewise. Return states exist only in
 * functions with a return inside an if or switch; others keep their
 * returns. Every position passed is the (line, column) of the statement in
 * the kernel's own source, numbers only.
 */
import type { Expression, Node, Statement, SwitchCase, SwitchStatement } from "estree";
import { arrow, assign, block, id, letDeclaration, literal, mapChildren, opCall, statement, text, arrowExpression } from "./ast-build";
import { COERCION_SITES } from "./coercion";
import {
  assignedNames,
  containsBranch,
  containsReturn,
  declaredNames,
  hasEscapingJump,
  hasSwitchBreak,
  hoistVars,
  isFunction,
  returnsInBranch,
} from "./control-flow-analysis";
import { patternNames } from "./free-vars";
import { childNodes, type KernelFunction } from "./parse";

/** (line, column) of a node in the kernel's own source. */
export type Position = (node: Node) => { line: number; column: number };

/** The variable holding a function's return state. */
const RETURN_STATE = "__kr";

type FunctionNode = Extract<Node, { type: "FunctionExpression" | "ArrowFunctionExpression" | "FunctionDeclaration" }>;

/** Where a statement is converted. */
interface Context {
  /** Inside a generated closure: a `return` sets the return state and leaves the closure. */
  readonly inClosure: boolean;
  /** The function keeps a return state. */
  readonly returns: boolean;
  /** Variables that may be assigned here (and so may need merging): declared with let or var, or parameters. */
  readonly mutable: ReadonlySet<string>;
  /**
   * The function has a try statement: its tests stay plain JavaScript (and
   * must be plain values), because a `return` moved into a closure would
   * no longer override an exception from a `finally` block.
   */
  readonly plainOnly: boolean;
}

/**
 * Convert the control flow of a rewritten kernel (and of the functions in it).
 *
 * @example
 * generate(convertControlFlow(rewritten, (node) => sourcePosition(fn, node)));
 */
export function convertControlFlow(fn: KernelFunction, position: Position): KernelFunction {
  return new ControlFlowConverter(position).fn(fn, new Set());
}

class ControlFlowConverter {
  /** Count of converted switches, for the names of their discriminants. */
  private switches = 0;

  constructor(private readonly position: Position) {}

  fn<F extends FunctionNode>(node: F, outer: ReadonlySet<string>): F {
    const params = node.params.flatMap((p) => patternNames(p));
    const mutable = new Set([...outer, ...params]);
    if (node.body.type !== "BlockStatement") return { ...node, body: this.nested(node.body, mutable) };
    let body = node.body.body;
    const prefix: Statement[] = [];
    if (body.some(containsTry)) return { ...node, body: block(this.statements(body, { inClosure: false, returns: false, mutable, plainOnly: true })) };
    if (body.some(containsBranch)) {
      const hoisted = hoistVars(body, new Set(params));
      body = hoisted.body;
      if (hoisted.names.length > 0) prefix.push(letDeclaration(hoisted.names));
      for (const name of hoisted.names) mutable.add(name);
    }
    const returns = body.some(returnsInBranch);
    if (!returns) return { ...node, body: block([...prefix, ...this.statements(body, { inClosure: false, returns, mutable, plainOnly: false })]) };
    // Function declarations first (they are hoisted anyway), so none ends up inside an `unless` closure.
    const functions = body.filter((s) => s.type === "FunctionDeclaration");
    body = [...functions, ...body.filter((s) => s.type !== "FunctionDeclaration")];
    const converted = this.statements(body, { inClosure: false, returns, mutable, plainOnly: false });
    const { line, column } = this.position(node);
    const result: Statement = { type: "ReturnStatement", argument: opCall("result", [id(RETURN_STATE), literal(line), literal(column)]) };
    return { ...node, body: block([...prefix, letDeclaration([RETURN_STATE], literal(null)), ...converted, result]) };
  }

  /** A statement list; what follows a statement that may have returned runs under `unless`. */
  statements(list: readonly Statement[], ctx: Context): Statement[] {
    const mutable = new Set(ctx.mutable);
    const declared = declaredNames(list);
    for (const name of declared.all) mutable.delete(name);
    for (const name of declared.mutable) mutable.add(name);
    const inner: Context = { ...ctx, mutable };
    const out: Statement[] = [];
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      const converted = this.statement(s, inner);
      // A converted return is a block of two statements: inline them.
      if (s.type === "ReturnStatement" && converted.type === "BlockStatement") out.push(...converted.body);
      else out.push(converted);
      if (inner.returns && i < list.length - 1 && s.type !== "ReturnStatement" && containsReturn(s)) {
        out.push(...this.guard(list.slice(i + 1), inner, s));
        break;
      }
    }
    return out;
  }

  statement(s: Statement, ctx: Context): Statement {
    switch (s.type) {
      case "IfStatement":
        return this.ifStatement(s, ctx);
      case "SwitchStatement":
        return this.switchStatement(s, ctx);
      case "BlockStatement":
        return block(this.statements(s.body, ctx));
      case "ForStatement": {
        const inner = this.withDeclarations(ctx, s.init?.type === "VariableDeclaration" ? [s.init] : []);
        return {
          ...s,
          init: s.init ? this.nested(s.init, inner.mutable) : s.init,
          test: s.test ? this.loopTest(s.test, inner, s) : s.test,
          update: s.update ? this.nested(s.update, inner.mutable) : s.update,
          body: this.loopBody(s.body, inner, s),
        };
      }
      case "WhileStatement":
      case "DoWhileStatement":
        return { ...s, test: this.loopTest(s.test, ctx, s), body: this.loopBody(s.body, ctx, s) };
      case "ForInStatement":
      case "ForOfStatement": {
        const inner = this.withDeclarations(ctx, s.left.type === "VariableDeclaration" ? [s.left] : []);
        return { ...s, right: this.nested(s.right, ctx.mutable), body: this.loopBody(s.body, inner, s) };
      }
      case "LabeledStatement":
        return { ...s, body: this.statement(s.body, ctx) };
      case "ReturnStatement": {
        const argument = s.argument ? this.nested(s.argument, ctx.mutable) : id("undefined");
        if (!ctx.returns || !ctx.inClosure) return { ...s, argument: s.argument ? argument : s.argument };
        return block([assign(RETURN_STATE, opCall("ret", [argument])), { type: "ReturnStatement", argument: null }]);
      }
      case "TryStatement": {
        const handler = s.handler
          ? { ...s.handler, body: block(this.statements(s.handler.body.body, this.withParam(ctx, s.handler.param))) }
          : s.handler;
        const finalizer = s.finalizer ? block(this.statements(s.finalizer.body, ctx)) : s.finalizer;
        return { ...s, block: block(this.statements(s.block.body, ctx)), handler, finalizer };
      }
      case "FunctionDeclaration":
        return this.fn(s, ctx.mutable);
      default:
        return this.nested(s, ctx.mutable);
    }
  }

  /** `if`: a `__k.branch` call, or (branches with break/continue leaving them) an `if` on a plain test. */
  ifStatement(s: Extract<Statement, { type: "IfStatement" }>, ctx: Context): Statement {
    const { line, column } = this.position(s);
    const test = this.nested(s.test, ctx.mutable);
    const arms = s.alternate ? [s.consequent, s.alternate] : [s.consequent];
    if (ctx.plainOnly || arms.some(hasEscapingJump)) {
      return {
        ...s,
        test: opCall("concrete", [test, text(COERCION_SITES.breakingTest), literal(line), literal(column)]),
        consequent: this.statement(s.consequent, ctx),
        alternate: s.alternate ? this.statement(s.alternate, ctx) : s.alternate,
      };
    }
    const closure: Context = { ...ctx, inClosure: true };
    const consequent = arrow([], this.arm(s.consequent, closure));
    const alternate = arrow([], s.alternate ? this.arm(s.alternate, closure) : []);
    const returns = ctx.returns && arms.some(containsReturn);
    const names = this.stateNames(arms, ctx, new Set(), returns);
    return statement(opCall("branch", [test, consequent, alternate, ...stateAccess(names), literal(returns), literal(line), literal(column)]));
  }

  /** The statements of one arm of an `if` (a block's own declarations stay inside the closure). */
  arm(s: Statement, ctx: Context): Statement[] {
    return s.type === "BlockStatement" ? this.statements(s.body, ctx) : [this.statement(s, ctx)];
  }

  /** `rest` runs only where the statement `after` has not returned. */
  guard(rest: Statement[], ctx: Context, after: Statement): Statement[] {
    const { line, column } = this.position(after);
    if (rest.some(hasEscapingJump)) {
      return [this.leaveIfReturned(ctx, line, column), ...this.statements(rest, ctx)];
    }
    const body = this.statements(rest, { ...ctx, inClosure: true });
    const names = this.stateNames(rest, ctx, declaredNames(rest).all, true);
    return [statement(opCall("unless", [id(RETURN_STATE), arrow([], body), ...stateAccess(names), literal(line), literal(column)]))];
  }

  /** `if (__k.returned(__kr, line, column)) return ...;`: leave when returned everywhere (a plain fact, or an error). */
  leaveIfReturned(ctx: Context, line: number, column: number): Statement {
    const leave: Statement = {
      type: "ReturnStatement",
      argument: ctx.inClosure ? null : opCall("result", [id(RETURN_STATE), literal(line), literal(column)]),
    };
    return { type: "IfStatement", test: opCall("returned", [id(RETURN_STATE), literal(line), literal(column)]), consequent: leave, alternate: null };
  }

  /**
   * A loop body; in a function with a return state, one that may return
   * runs under `unless` each time round, and the loop stops once it has
   * returned everywhere (`__k.loopReturned`, an error for a loop without a
   * condition that has returned only for some window values: it would never end).
   */
  loopBody(original: Statement, ctx: Context, loop: Statement): Statement {
    const body = foldContinues(original);
    if (!ctx.returns || !containsReturn(body)) return this.statement(body, ctx);
    const { line, column } = this.position(loop);
    if (hasEscapingJump(body)) return block([this.leaveIfReturned(ctx, line, column), this.statement(body, ctx)]);
    const declared = body.type === "BlockStatement" ? declaredNames(body.body).all : new Set<string>();
    const names = this.stateNames([body], ctx, declared, true);
    const closure = arrow([], this.arm(body, { ...ctx, inClosure: true }));
    const guarded = statement(opCall("unless", [id(RETURN_STATE), closure, ...stateAccess(names), literal(line), literal(column)]));
    const stop = opCall("loopReturned", [id(RETURN_STATE), literal(unbounded(loop)), literal(line), literal(column)]);
    return block([guarded, { type: "IfStatement", test: stop, consequent: { type: "BreakStatement", label: null }, alternate: null }]);
  }

  /** A loop condition: `__k.loopTest(test, line, column)`, an error when it is traced. */
  loopTest(test: Expression, ctx: Context, loop: Statement): Expression {
    const { line, column } = this.position(loop);
    return opCall("loopTest", [this.nested(test, ctx.mutable), literal(line), literal(column)]);
  }

  /** The variables a converted statement may change: the return state first (when `returns`), then assigned outer variables. */
  stateNames(nodes: readonly Node[], ctx: Context, local: ReadonlySet<string>, returns: boolean): string[] {
    const assigned = new Set<string>();
    for (const node of nodes) assignedNames(node, assigned);
    const names = [...assigned].filter((name) => ctx.mutable.has(name) && !local.has(name)).sort();
    return returns ? [RETURN_STATE, ...names] : names;
  }

  /**
   * `switch`: an if-chain on `__k.eq(discriminant, test)` when every case
   * ends in break, return or throw (or is empty, sharing the next case's
   * body); otherwise a switch on a plain discriminant.
   */
  switchStatement(s: SwitchStatement, ctx: Context): Statement {
    const groups = ctx.plainOnly ? null : switchGroups(s.cases);
    if (groups === null) {
      const { line, column } = this.position(s);
      const plain = (e: Expression) => opCall("concrete", [this.nested(e, ctx.mutable), text(COERCION_SITES.fallthroughSwitch), literal(line), literal(column)]);
      const cases = s.cases.map((c) => ({ ...c, test: c.test ? plain(c.test) : c.test, consequent: this.statements(c.consequent, ctx) }));
      return { ...s, discriminant: plain(s.discriminant), cases };
    }
    const name = `__kd${++this.switches}`;
    const start = (s as { start?: number }).start;
    let chain: Statement | null = null;
    const fallback = groups.find((g) => g.isDefault);
    if (fallback) chain = block(fallback.body);
    for (const group of groups.filter((g) => !g.isDefault).reverse()) {
      const tests = group.tests.map((t) => opCall("eq", [id(name), t]));
      const match = tests.reduce((acc, t) => opCall("or", [acc, arrowExpression(t)]));
      chain = Object.assign({ type: "IfStatement", test: match, consequent: block(group.body), alternate: chain } as const, { start });
    }
    const declaration: Statement = { type: "VariableDeclaration", kind: "const", declarations: [{ type: "VariableDeclarator", id: id(name), init: s.discriminant }] };
    return this.statement(block(chain ? [declaration, chain] : [declaration]), ctx);
  }

  withDeclarations(ctx: Context, declarations: readonly Statement[]): Context {
    const declared = declaredNames(declarations);
    if (declared.all.size === 0) return ctx;
    const mutable = new Set([...ctx.mutable].filter((n) => !declared.all.has(n)));
    for (const name of declared.mutable) mutable.add(name);
    return { ...ctx, mutable };
  }

  withParam(ctx: Context, param: Node | null | undefined): Context {
    if (!param) return ctx;
    return { ...ctx, mutable: new Set([...ctx.mutable, ...patternNames(param as never)]) };
  }

  /** Convert the functions inside an expression (or a statement without nested statements). */
  nested<T extends Node>(node: T, mutable: ReadonlySet<string>): T {
    if (isFunction(node)) return this.fn(node, mutable) as T;
    return mapChildren(node, (child) => this.nested(child, mutable));
  }
}

/** A loop that only a return (or break) ends: `for (;;)`, `while (true)`, `do ... while (true)`. */
function unbounded(loop: Statement): boolean {
  if (loop.type === "ForStatement") return loop.test === null || loop.test === undefined || isTrueLiteral(loop.test);
  if (loop.type === "WhileStatement" || loop.type === "DoWhileStatement") return isTrueLiteral(loop.test);
  return false;
}

function isTrueLiteral(node: Node): boolean {
  return node.type === "Literal" && node.value === true;
}

/** Whether a function body has a try statement of its own. */
function containsTry(node: Node): boolean {
  if (node.type === "TryStatement") return true;
  if (isFunction(node)) return false;
  return childNodes(node).some(containsTry);
}

/** `() => [a, b]` and `(__kv0, __kv1) => { a = __kv0; b = __kv1; }`, or null and null without variables. */
function stateAccess(names: readonly string[]): Expression[] {
  if (names.length === 0) return [literal(null), literal(null)];
  const getter = arrowExpression({ type: "ArrayExpression", elements: names.map(id) });
  const params = names.map((_, i) => `__kv${i}`);
  const setter = arrow(params, names.map((name, i) => assign(name, id(params[i]!))));
  return [getter, setter];
}

/** The cases of a switch sharing one body. */
interface CaseGroup {
  readonly tests: Expression[];
  readonly isDefault: boolean;
  readonly body: Statement[];
}

/**
 * The case groups of a switch without fall-through (each non-empty body
 * ends in break, return or throw, or is the last; no other break ends the
 * switch), each body without its final break; null when it falls through.
 */
function switchGroups(cases: readonly SwitchCase[]): CaseGroup[] | null {
  const groups: CaseGroup[] = [];
  let tests: Expression[] = [];
  let isDefault = false;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    if (c.test) tests.push(c.test);
    else isDefault = true;
    const last = i === cases.length - 1;
    if (c.consequent.length === 0 && !last) continue;
    const stripped = withoutFinalBreak(c.consequent);
    const body = stripped ?? c.consequent;
    if (stripped === null && !last && !endsInJump(body)) return null;
    if (body.some(hasSwitchBreak)) return null;
    groups.push({ tests, isDefault, body });
    tests = [];
    isDefault = false;
  }
  return groups;
}

/** A statement list without its final unlabeled `break` (also one ending a final block); null when it has none. */
function withoutFinalBreak(list: readonly Statement[]): Statement[] | null {
  const end = list[list.length - 1];
  if (end === undefined) return null;
  if (end.type === "BreakStatement" && !end.label) return list.slice(0, -1);
  if (end.type !== "BlockStatement") return null;
  const inner = withoutFinalBreak(end.body);
  return inner === null ? null : [...list.slice(0, -1), { ...end, body: inner }];
}

/** Whether a statement list never completes normally (it ends in return or throw on every path). */
function endsInJump(list: readonly Statement[]): boolean {
  const end = list[list.length - 1];
  if (end === undefined) return false;
  switch (end.type) {
    case "ReturnStatement":
    case "ThrowStatement":
      return true;
    case "BlockStatement":
      return endsInJump(end.body);
    case "IfStatement":
      return end.alternate !== null && end.alternate !== undefined && endsInJump([end.consequent]) && endsInJump([end.alternate]);
    default:
      return false;
  }
}

/**
 * `if (t) continue; rest` in a loop body is `if (!t) { rest }`: the same
 * JavaScript, with no jump out of the `if`, so it converts like any other
 * (a `continue` on a window value becomes a select).
 */
function foldContinues(body: Statement): Statement {
  if (body.type !== "BlockStatement") return body;
  const i = body.body.findIndex(isContinueIf);
  if (i < 0) return body;
  const skip = body.body[i] as Extract<Statement, { type: "IfStatement" }>;
  const rest = foldContinues(block(body.body.slice(i + 1)));
  const kept: Statement = Object.assign({ type: "IfStatement", test: opCall("not", [skip.test]), consequent: rest, alternate: null } as const, {
    start: (skip as { start?: number }).start,
  });
  return { ...body, body: [...body.body.slice(0, i), kept] };
}

/** `if (t) continue;` or `if (t) { continue; }`, without an else and without a label. */
function isContinueIf(s: Statement): boolean {
  if (s.type !== "IfStatement" || s.alternate) return false;
  const c = s.consequent.type === "BlockStatement" && s.consequent.body.length === 1 ? s.consequent.body[0]! : s.consequent;
  return c.type === "ContinueStatement" && !c.label;
}
