/**
 * @file What the transform rules compute with: `Val` (an array, or a number
 * standing for an IR literal), arithmetic that folds number-only operands in
 * plain JavaScript (so a rule never turns a literal into a captured constant
 * inside a kernel trace), zeros and ones as broadcast literals, null-aware
 * sums of cotangents, and axis moves. Shared by jvp.ts, grad.ts and vmap.ts.
 */
import type { Aval, Program } from "../../../compiler/ir";
import { binaryFns, unaryFns } from "../../../compiler/scalar-fns";
import { simplifyProgram } from "../../../compiler/passes/simplify";
import { Prim, type BinaryPrim, type UnaryPrim } from "../../../compiler/primitives";
import * as ops from "../../core/ops";
import { bind } from "../../core/trace";
import { applyBinary } from "../../core/operands";
import { NDArray } from "../../ndarray/ndarray";

/** An operand of an equation: an array, or a number for an IR literal. */
export type Val = NDArray | number;

/**
 * An array of `aval`'s shape and dtype filled with `value`. Always a
 * broadcast of a literal, even for 0-d, so inside a kernel trace it is an
 * equation, never a captured outside array.
 */
export function full(aval: Aval, value: number): NDArray {
  return bind(Prim.Broadcast, [value], { shape: [...aval.shape] }, aval.dtype)[0]!;
}

/** Zeros of an aval (materializes a symbolic zero). */
export function zeros(aval: Aval): NDArray {
  return full(aval, 0);
}

/** The aval of an array. */
export function avalOf(x: NDArray): Aval {
  return { shape: x.shape, dtype: x.dtype };
}

/** A binary primitive on values: numbers fold, arrays broadcast (numpy rules). */
export function binary(p: BinaryPrim, a: Val, b: Val): Val {
  if (typeof a === "number" && typeof b === "number") return binaryFns[p](a, b);
  return applyBinary(p, a, b);
}

/** A unary primitive on a value: numbers fold. */
export function unary(p: UnaryPrim, a: Val): Val {
  if (typeof a === "number") return unaryFns[p](a);
  return bind(p, [a], {})[0]!;
}

export const add = (a: Val, b: Val): Val => binary(Prim.Add, a, b);
export const sub = (a: Val, b: Val): Val => binary(Prim.Sub, a, b);
export const mul = (a: Val, b: Val): Val => binary(Prim.Mul, a, b);
export const div = (a: Val, b: Val): Val => binary(Prim.Div, a, b);
export const pow = (a: Val, b: Val): Val => binary(Prim.Pow, a, b);
export const eq = (a: Val, b: Val): Val => binary(Prim.Eq, a, b);
export const gt = (a: Val, b: Val): Val => binary(Prim.Gt, a, b);
export const lt = (a: Val, b: Val): Val => binary(Prim.Lt, a, b);
export const neg = (a: Val): Val => unary(Prim.Neg, a);
export const square = (a: Val): Val => mul(a, a);

/** `c ? a : b` elementwise; a number condition picks a side at once. */
export function select(c: Val, a: Val, b: Val): Val {
  if (typeof c === "number") return c !== 0 ? a : b;
  return ops.where(c, a, b);
}

/** t · d for a derivative factor d, without an equation when d is ±1. */
export function scale(t: NDArray, d: Val): NDArray {
  if (d === 1) return t;
  if (d === -1) return ops.neg(t);
  return ops.mul(t, d);
}

/** The sum of two optional (null = zero) arrays. */
export function addOpt(a: NDArray | null, b: NDArray | null): NDArray | null {
  if (a === null) return b;
  if (b === null) return a;
  return ops.add(a, b);
}

/**
 * Coerce a rule's result to the aval it stands for: a number becomes a
 * filled array, a different dtype is converted, a 0-d or broadcastable
 * result is broadcast. Shape mismatches that cannot broadcast are bugs.
 */
export function fit(x: Val, aval: Aval): NDArray {
  if (typeof x === "number") return full(aval, x);
  let y = x.dtype === aval.dtype ? x : ops.astype(x, aval.dtype);
  if (y.shape.length !== aval.shape.length || y.shape.some((d, i) => d !== aval.shape[i])) {
    y = ops.broadcastTo(y, aval.shape);
  }
  return y;
}

/** Move axis `from` of x to position `to` (a transpose; x itself when from === to). */
export function moveAxis(x: NDArray, from: number, to: number): NDArray {
  if (from === to) return x;
  const perm = x.shape.map((_, i) => i).filter((i) => i !== from);
  perm.splice(to, 0, from);
  return ops.transpose(x, perm);
}

/** The inverse of a permutation. */
export function inversePerm(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
}

/** Drop equations nothing uses (and fold/merge what can be): staged transform programs carry unused primal work. */
export function prune(program: Program): Program {
  return simplifyProgram(program);
}

export { bindEqn } from "../../core/trace";
