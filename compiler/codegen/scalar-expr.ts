/**
 * @file Scalar nodes (compiler/codegen/scalarize.ts) as JavaScript: one
 * expression per operation, and an emitter that names every node once
 * (`const vN = ...`) in dependency order, asking its owner how to read
 * window cells and extra inputs.
 */
import type * as ES from "estree";
import { assertNever, Prim, type BinaryPrim, type UnaryPrim } from "../primitives";
import * as b from "./estree";
import type { SNode } from "./scalarize";

/** How a unary primitive reads in JavaScript, given its operand. */
type UnarySyntax = (a: ES.Expression) => ES.Expression;
/** How a binary primitive reads in JavaScript, given its operands. */
type BinarySyntax = (x: ES.Expression, y: ES.Expression) => ES.Expression;

/** Syntax builder: the `Math` function of the same name (`Math.sin(a)`). */
const mathUnary =
  (name: string): UnarySyntax =>
  (a) =>
    b.mathCall(name, [a]);
/** Syntax builder: a 1-or-0 test (`a !== a ? 1 : 0`). */
const test =
  (cond: UnarySyntax): UnarySyntax =>
  (a) =>
    b.cond(cond(a), b.num(1), b.num(0));
/** Syntax builder: a JavaScript binary operator (`x + y`). */
const operator =
  (op: ES.BinaryOperator): BinarySyntax =>
  (x, y) =>
    b.bin(op, x, y);
/** Syntax builder: a comparison giving 1 or 0 (`x < y ? 1 : 0`). */
const comparison =
  (op: ES.BinaryOperator): BinarySyntax =>
  (x, y) =>
    b.cond(b.bin(op, x, y), b.num(1), b.num(0));
/** Syntax builder: a two-argument `Math` function (`Math.max(x, y)`). */
const mathBinary =
  (name: string): BinarySyntax =>
  (x, y) =>
    b.mathCall(name, [x, y]);

/**
 * The JavaScript of every unary primitive (the interpreter's `unaryFns`, as syntax).
 *
 * @example
 * unarySyntax[Prim.Sin](b.id("x")); // Math.sin(x)
 */
export const unarySyntax: { [P in UnaryPrim]: UnarySyntax } = {
  [Prim.Neg]: (a) => b.unary("-", a),
  [Prim.Exp]: mathUnary("exp"),
  [Prim.Log]: mathUnary("log"),
  [Prim.Sin]: mathUnary("sin"),
  [Prim.Cos]: mathUnary("cos"),
  [Prim.Tan]: mathUnary("tan"),
  [Prim.Tanh]: mathUnary("tanh"),
  [Prim.Sinh]: mathUnary("sinh"),
  [Prim.Cosh]: mathUnary("cosh"),
  [Prim.Asin]: mathUnary("asin"),
  [Prim.Acos]: mathUnary("acos"),
  [Prim.Atan]: mathUnary("atan"),
  [Prim.Sqrt]: mathUnary("sqrt"),
  [Prim.Cbrt]: mathUnary("cbrt"),
  [Prim.Abs]: mathUnary("abs"),
  [Prim.Sign]: mathUnary("sign"),
  [Prim.Floor]: mathUnary("floor"),
  [Prim.Ceil]: mathUnary("ceil"),
  [Prim.Round]: mathUnary("round"),
  [Prim.Trunc]: mathUnary("trunc"),
  [Prim.Log2]: mathUnary("log2"),
  [Prim.Log10]: mathUnary("log10"),
  [Prim.Log1p]: mathUnary("log1p"),
  [Prim.Expm1]: mathUnary("expm1"),
  // x !== x only for NaN
  [Prim.IsNan]: test((a) => b.bin("!==", a, a)),
  // x - x is 0 exactly when x is finite (NaN for NaN and ±Infinity)
  [Prim.IsFinite]: test((a) => b.bin("===", b.bin("-", a, a), b.num(0))),
};

/**
 * The JavaScript of every binary primitive (the interpreter's `binaryFns`, as syntax); comparisons give 1 or 0.
 *
 * @example
 * binarySyntax[Prim.Lt](b.id("x"), b.id("y")); // x < y ? 1 : 0
 */
export const binarySyntax: { [P in BinaryPrim]: BinarySyntax } = {
  [Prim.Add]: operator("+"),
  [Prim.Sub]: operator("-"),
  [Prim.Mul]: operator("*"),
  [Prim.Div]: operator("/"),
  [Prim.Pow]: operator("**"),
  [Prim.Mod]: operator("%"),
  [Prim.Max]: mathBinary("max"),
  [Prim.Min]: mathBinary("min"),
  [Prim.Atan2]: mathBinary("atan2"),
  [Prim.Lt]: comparison("<"),
  [Prim.Gt]: comparison(">"),
  [Prim.Le]: comparison("<="),
  [Prim.Ge]: comparison(">="),
  [Prim.Eq]: comparison("==="),
  [Prim.Ne]: comparison("!=="),
};

/**
 * `prim(a)` as an expression (`fround`: the float32 rounding scalarize inserts).
 *
 * @example
 * unaryExpr(Prim.Neg, b.id("x")); // -x
 */
export function unaryExpr(prim: UnaryPrim | "fround", a: ES.Expression): ES.Expression {
  return prim === "fround" ? b.mathCall("fround", [a]) : unarySyntax[prim](a);
}

/**
 * `prim(x, y)` as an expression (comparisons give 1 or 0).
 *
 * @example
 * binaryExpr(Prim.Max, b.id("x"), b.id("y")); // Math.max(x, y)
 */
export function binaryExpr(prim: BinaryPrim, x: ES.Expression, y: ES.Expression): ES.Expression {
  return binarySyntax[prim](x, y);
}

/** How the owner of an emitter reads the leaves of the node graph. */
export interface Leaves {
  read(node: Extract<SNode, { kind: "read" }>, stmts: ES.Statement[]): ES.Expression;
  extra(node: Extract<SNode, { kind: "extra" }>, stmts: ES.Statement[]): ES.Expression;
}

/** Straight-line code for scalar nodes: each node is computed once, into `stmts`. */
export class NodeEmitter {
  readonly stmts: ES.Statement[] = [];
  private readonly names = new Map<number, ES.Expression>();

  /** `prefix`: of the names of the nodes' constants (distinct emitters sharing a scope need distinct ones). */
  constructor(
    private readonly leaves: Leaves,
    private readonly prefix = "v",
  ) {}

  emit(node: SNode): ES.Expression {
    if (node.kind === "const") return b.num(node.value);
    const known = this.names.get(node.id);
    if (known) return known;
    let expr: ES.Expression;
    switch (node.kind) {
      case "read":
        expr = this.leaves.read(node, this.stmts);
        break;
      case "extra":
        expr = this.leaves.extra(node, this.stmts);
        if (expr.type === "Identifier") {
          this.names.set(node.id, expr);
          return expr;
        }
        break;
      case "unary":
        expr = unaryExpr(node.prim, this.emit(node.a));
        break;
      case "binary":
        expr = binaryExpr(node.prim, this.emit(node.a), this.emit(node.b));
        break;
      case "select":
        expr = b.cond(b.bin("!==", this.emit(node.c), b.num(0)), this.emit(node.a), this.emit(node.b));
        break;
      default:
        return assertNever(node);
    }
    const name = `${this.prefix}${node.id}`;
    this.stmts.push(b.constDecl(name, expr));
    this.names.set(node.id, b.id(name));
    return b.id(name);
  }
}
