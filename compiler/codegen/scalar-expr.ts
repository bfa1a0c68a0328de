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

const binaryOperators: Partial<Record<BinaryPrim, ES.BinaryOperator>> = {
  [Prim.Add]: "+",
  [Prim.Sub]: "-",
  [Prim.Mul]: "*",
  [Prim.Div]: "/",
  [Prim.Pow]: "**",
  [Prim.Mod]: "%",
};
const comparisons: Partial<Record<BinaryPrim, ES.BinaryOperator>> = {
  [Prim.Lt]: "<",
  [Prim.Gt]: ">",
  [Prim.Le]: "<=",
  [Prim.Ge]: ">=",
  [Prim.Eq]: "===",
  [Prim.Ne]: "!==",
};
const binaryMath: Partial<Record<BinaryPrim, string>> = { [Prim.Max]: "max", [Prim.Min]: "min", [Prim.Atan2]: "atan2" };

/** `prim(a)` as an expression. */
export function unaryExpr(prim: UnaryPrim | "fround", a: ES.Expression): ES.Expression {
  if (prim === Prim.Neg) return b.unary("-", a);
  if (prim === "fround") return b.mathCall("fround", [a]);
  // x !== x only for NaN; x - x is 0 exactly when x is finite (NaN for NaN and ±Infinity)
  if (prim === Prim.IsNan) return b.cond(b.bin("!==", a, a), b.num(1), b.num(0));
  if (prim === Prim.IsFinite) return b.cond(b.bin("===", b.bin("-", a, a), b.num(0)), b.num(1), b.num(0));
  return b.mathCall(prim, [a]);
}

/** `prim(x, y)` as an expression (comparisons give 1 or 0). */
export function binaryExpr(prim: BinaryPrim, x: ES.Expression, y: ES.Expression): ES.Expression {
  const op = binaryOperators[prim];
  if (op) return b.bin(op, x, y);
  const cmp = comparisons[prim];
  if (cmp) return b.cond(b.bin(cmp, x, y), b.num(1), b.num(0));
  const fn = binaryMath[prim];
  if (fn) return b.mathCall(fn, [x, y]);
  throw new Error(`codegen: no expression for ${prim}`);
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
