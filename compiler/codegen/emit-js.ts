/**
 * @file The JavaScript emitter: prints lowered code (compiler/loop/lowered-ir.ts,
 * after simplification and outlining) as a factory source, through the
 * ESTree builders of estree.ts and astring. It decides nothing: every loop,
 * read, store and function is in the IR. The factory, run once, declares
 * the outlined functions and returns the stencil function
 * `(f, t, s, lo, hi, k)`, which names its buffers (`x0 = f[0]`, …,
 * `t0 = t[0]`) and runs the main body.
 */
import type * as ES from "estree";
import { generate } from "astring";
import { assertNever } from "../primitives";
import type { IndexExpr, LoweredCode, Operand, ScalarExpr, Stmt, Test } from "../loop/lowered-ir";
import * as b from "./estree";
import { PAD_SENTINEL } from "./read-table";
import { binaryExpr, unaryExpr } from "./scalar-expr";

function indexExpr(e: IndexExpr): ES.Expression {
  switch (e.kind) {
    case "const":
      return b.num(e.value);
    case "var":
      return b.id(e.name);
    case "add":
      // x + (-c) prints as x - c, x + y·(-1) as x - y, y·(-1) + c as c - y
      if (e.b.kind === "const" && e.b.value < 0) return b.bin("-", indexExpr(e.a), b.num(-e.b.value));
      if (e.b.kind === "mul" && e.b.k === -1) return b.bin("-", indexExpr(e.a), indexExpr(e.b.a));
      if (e.a.kind === "mul" && e.a.k === -1 && e.b.kind === "const") return b.bin("-", b.num(e.b.value), indexExpr(e.a.a));
      return b.bin("+", indexExpr(e.a), indexExpr(e.b));
    case "mul":
      return e.k === -1 ? b.unary("-", indexExpr(e.a)) : b.bin("*", indexExpr(e.a), b.num(e.k));
    case "div": {
      const q = b.bin("/", indexExpr(e.a), b.num(e.k));
      return e.round === "exact" ? q : b.mathCall(e.round, [q]);
    }
    case "mod":
      return b.bin("%", indexExpr(e.a), b.num(e.k));
    case "min":
    case "max":
      return b.mathCall(e.kind, [indexExpr(e.a), indexExpr(e.b)]);
    case "table":
      return b.index(b.id(e.table), indexExpr(e.at));
    case "select":
      return b.cond(testExpr(e.test), indexExpr(e.a), indexExpr(e.b));
    default:
      return assertNever(e);
  }
}

function testExpr(t: Test): ES.Expression {
  switch (t.kind) {
    case "cmp":
      return b.bin(t.op, indexExpr(t.a), indexExpr(t.b));
    case "and":
      return b.logical("&&", testExpr(t.a), testExpr(t.b));
    case "or":
      return b.logical("||", testExpr(t.a), testExpr(t.b));
    case "not":
      return b.unary("!", testExpr(t.a));
    default:
      return assertNever(t);
  }
}

function operand(o: Operand): ES.Expression {
  return o.kind === "ref" ? b.id(o.name) : b.num(o.value);
}

function scalarExpr(s: ScalarExpr): ES.Expression {
  switch (s.kind) {
    case "load":
      return b.index(b.id(s.buffer), indexExpr(s.at));
    case "padLoad":
      return b.cond(b.bin("<", b.id(s.at), b.num(0)), b.num(s.pad), b.index(b.id(s.buffer), b.id(s.at)));
    case "unary":
      return unaryExpr(s.prim, operand(s.a));
    case "binary":
      return binaryExpr(s.prim, operand(s.a), operand(s.b));
    case "select":
      return b.cond(b.bin("!==", operand(s.c), b.num(0)), operand(s.a), operand(s.b));
    case "sum": {
      let acc: ES.Expression = b.num(0);
      for (const t of s.terms) acc = s.float32 ? b.mathCall("fround", [b.bin("+", acc, operand(t))]) : b.bin("+", acc, operand(t));
      return acc;
    }
    case "choose":
      return b.cond(testExpr(s.test), scalarExpr(s.a), scalarExpr(s.b));
    default:
      return assertNever(s);
  }
}

/** `const m = unless ? t : new Int32Array(t)`, then rows outside [from, to) of the copy set to the pad sentinel. */
function maskStmts(s: Extract<Stmt, { kind: "mask" }>): ES.Statement[] {
  const m = b.id(s.name);
  const outside = b.logical("||", b.bin("<", b.id("mv"), indexExpr(s.from)), b.bin(">=", b.id("mv"), indexExpr(s.to)));
  const loop = b.forRange("mi", b.num(0), b.member(m, "length"), [
    b.constDecl("mv", b.index(m, b.id("mi"))),
    b.ifStmt(b.logical("&&", b.bin(">=", b.id("mv"), b.num(0)), outside), [b.assign(b.index(m, b.id("mi")), b.num(PAD_SENTINEL))]),
  ]);
  return [b.constDecl(s.name, b.cond(testExpr(s.unless), b.id(s.table), b.newExpr("Int32Array", [b.id(s.table)]))), b.ifStmt(b.unary("!", testExpr(s.unless)), [loop])];
}

/** `for (let v = from; v < to; v += step)` (step > 1); a jammed loop runs while its last cell is below `to`: `v < to - (jam - 1)`. */
function steppedFor(s: Extract<Stmt, { kind: "for" }>): ES.ForStatement {
  const jam = s.jam ?? 1;
  return {
    type: "ForStatement",
    init: b.constDecl(s.v, indexExpr(s.from), "let"),
    test: b.bin("<", b.id(s.v), indexExpr(jam > 1 ? { kind: "add", a: s.to, b: { kind: "const", value: -(jam - 1) } } : s.to)),
    update: { type: "AssignmentExpression", operator: "+=", left: b.id(s.v), right: b.num(s.step) },
    body: b.block(stmts(s.body)),
  };
}

function stmt(s: Stmt): ES.Statement[] {
  switch (s.kind) {
    case "let":
      return [b.constDecl(s.name, indexExpr(s.value))];
    case "value":
      return [b.constDecl(s.name, scalarExpr(s.value))];
    case "acc":
      return [b.constDecl(s.name, s.init ? operand(s.init) : b.num(0), "let")];
    case "accumulate": {
      const sum = b.bin("+", b.id(s.name), operand(s.value));
      return [b.assign(b.id(s.name), s.float32 ? b.mathCall("fround", [sum]) : sum)];
    }
    case "store": {
      const write = b.assign(b.index(b.id(s.buffer), indexExpr(s.at)), operand(s.value), s.op === "add" ? "+=" : "=");
      return s.guarded ? [b.ifStmt(b.bin(">=", indexExpr(s.at), b.num(0)), [write])] : [write];
    }
    case "fill":
      return [b.exprStmt(b.call(b.member(b.id(s.buffer), "fill"), [b.num(0), indexExpr(s.from), indexExpr(s.to)]))];
    case "for":
      return [s.step === 1 && (s.jam ?? 1) === 1 ? b.forRange(s.v, indexExpr(s.from), indexExpr(s.to), stmts(s.body), s.reverse) : steppedFor(s)];
    case "if":
      return [b.ifStmt(testExpr(s.test), stmts(s.then), s.else.length > 0 ? stmts(s.else) : undefined)];
    case "block":
      // blocks are outlined before printing (compiler/loop/outline.ts); inline, they would be a scope of their own
      return [b.block([...s.params.map((p) => b.constDecl(p.name, indexExpr(p.value))), ...stmts(s.body)])];
    case "mask":
      return maskStmts(s);
    case "call":
      return [b.exprStmt(b.call(b.id(s.fn), s.args.map(indexExpr)))];
    default:
      return assertNever(s);
  }
}

function stmts(body: readonly Stmt[]): ES.Statement[] {
  return body.flatMap(stmt);
}

/**
 * Print lowered code as the source of a factory that returns the stencil
 * function `(f, t, s, lo, hi, k)`.
 *
 * @example
 * compileBody(emitJs(code))(f, t, [], 0, n, -1); // run the whole grid
 */
export function emitJs(code: LoweredCode): string {
  const fns = code.fns.map((fn) => b.constDecl(fn.name, b.arrow(stmts(fn.body), fn.params.map((p) => b.id(p)))));
  const head = code.buffers.map((buf) => b.constDecl(buf.name, b.index(b.id(buf.source), b.num(buf.index))));
  const main = b.fn(["f", "t", "s", "lo", "hi", "k"], [...head, ...stmts(code.body)]);
  return generate(b.program([...fns, b.ret(main)]));
}
