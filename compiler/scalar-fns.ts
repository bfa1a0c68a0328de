/**
 * @file Scalar semantics of each elementwise primitive: the one definition
 * that the reference interpreter applies to numbers, the scalarizer folds
 * constants with, and simplify and the transform rules evaluate literals by.
 */
import { Prim, type BinaryPrim, type UnaryPrim } from "./primitives";

/**
 * Scalar semantics of each unary primitive.
 *
 * @example
 * unaryFns[Prim.Neg](2); // -2
 */
export const unaryFns: { [P in UnaryPrim]: (x: number) => number } = {
  [Prim.Neg]: (x) => -x,
  [Prim.Exp]: Math.exp,
  [Prim.Log]: Math.log,
  [Prim.Sin]: Math.sin,
  [Prim.Cos]: Math.cos,
  [Prim.Tan]: Math.tan,
  [Prim.Tanh]: Math.tanh,
  [Prim.Sinh]: Math.sinh,
  [Prim.Cosh]: Math.cosh,
  [Prim.Asin]: Math.asin,
  [Prim.Acos]: Math.acos,
  [Prim.Atan]: Math.atan,
  [Prim.Sqrt]: Math.sqrt,
  [Prim.Cbrt]: Math.cbrt,
  [Prim.Abs]: Math.abs,
  [Prim.Sign]: Math.sign,
  [Prim.Floor]: Math.floor,
  [Prim.Ceil]: Math.ceil,
  [Prim.Round]: Math.round,
  [Prim.Trunc]: Math.trunc,
  [Prim.Log2]: Math.log2,
  [Prim.Log10]: Math.log10,
  [Prim.Log1p]: Math.log1p,
  [Prim.Expm1]: Math.expm1,
  // tests give 1 or 0, like the comparisons
  [Prim.IsNan]: (x) => (x !== x ? 1 : 0),
  [Prim.IsFinite]: (x) => (x - x === 0 ? 1 : 0),
};

/**
 * Scalar semantics of each binary primitive; comparisons give 1 or 0.
 *
 * @example
 * binaryFns[Prim.Lt](1, 2); // 1
 */
export const binaryFns: { [P in BinaryPrim]: (a: number, b: number) => number } = {
  [Prim.Add]: (a, b) => a + b,
  [Prim.Sub]: (a, b) => a - b,
  [Prim.Mul]: (a, b) => a * b,
  [Prim.Div]: (a, b) => a / b,
  [Prim.Pow]: (a, b) => a ** b,
  // JavaScript's %: the result takes the sign of the dividend
  [Prim.Mod]: (a, b) => a % b,
  // Math.max/min propagate NaN, as IEEE maximum/minimum do
  [Prim.Max]: (a, b) => Math.max(a, b),
  [Prim.Min]: (a, b) => Math.min(a, b),
  [Prim.Atan2]: Math.atan2,
  [Prim.Lt]: (a, b) => (a < b ? 1 : 0),
  [Prim.Gt]: (a, b) => (a > b ? 1 : 0),
  [Prim.Le]: (a, b) => (a <= b ? 1 : 0),
  [Prim.Ge]: (a, b) => (a >= b ? 1 : 0),
  [Prim.Eq]: (a, b) => (a === b ? 1 : 0),
  [Prim.Ne]: (a, b) => (a !== b ? 1 : 0),
};
