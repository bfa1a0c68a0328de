/**
 * @file The kernel body's operations in WebAssembly: for each unary and
 * binary primitive, the f64 instructions that give JavaScript's result
 * bit for bit (operands on the stack, result left on it), and the f64x2
 * ones for two cells at once; `notNative` where WebAssembly has no such
 * instruction (exp, sin, pow, %, Math.round, …): a kernel using one stays
 * on the JavaScript path. Why these are exact: f64.add/sub/mul/div/sqrt are
 * IEEE operations like JavaScript's (no fused multiply-add); f64.min/max
 * give NaN if an operand is NaN and order -0 below +0, like Math.min/max;
 * floor/ceil/trunc round like Math's; a comparison gives 1 or 0. JS's
 * Math.round (half up) is not f64.nearest (half to even), so round is not
 * native. Values of float32 arrays are computed in f64 as the JavaScript
 * path does, rounded where it calls Math.fround (f32.demote then promote).
 */
import { Prim, type BinaryPrim, type UnaryPrim } from "../primitives";
import { Op, Simd, type WasmBody } from "./wasm-encode";

/**
 * How one operation is emitted: scalar f64, f64x2 (null: the loop stays
 * scalar) and f32x4 (for float32 loops, wasm-simd.ts). `rounds`: does the
 * result of float32 operands need rounding to be a float32 (add, sub, mul,
 * div, sqrt: their f32x4 form is exact only where the JavaScript path
 * rounds the result at once; max, min, abs, neg, floor, ceil, trunc and
 * comparisons give a float32 of float32 operands)?
 */
export interface WasmOpRule {
  readonly scalar: (f: WasmBody) => void;
  readonly vector: ((f: WasmBody) => void) | null;
  readonly vector32: ((f: WasmBody) => void) | null;
  readonly rounds: boolean;
}

/** An operation WebAssembly lacks: the decider keeps its kernels on JavaScript. */
const notNative = null;

/** An operation whose f32x4 result of float32 operands is a float32 as it stands. */
const plain = (scalar: Op, vector: Simd, vector32: Simd): WasmOpRule => ({ scalar: (f) => void f.op(scalar), vector: (f) => void f.simd(vector), vector32: (f) => void f.simd(vector32), rounds: false });
/** An IEEE operation that rounds its result (see WasmOpRule.rounds). */
const rounding = (scalar: Op, vector: Simd, vector32: Simd): WasmOpRule => ({ ...plain(scalar, vector, vector32), rounds: true });

/** 1.0 where a comparison mask is all ones, else 0.0 (the mask and'ed with the bits of 1.0). */
function maskToOne(f: WasmBody, f32: boolean): void {
  if (f32) f.f32(1).simd(Simd.F32x4Splat).simd(Simd.V128And);
  else f.f64(1).simd(Simd.F64x2Splat).simd(Simd.V128And);
}

const comparison = (scalar: Op, vector: Simd, vector32: Simd): WasmOpRule => ({
  scalar: (f) => void f.op(scalar).op(Op.F64ConvertI32S),
  vector: (f) => maskToOne(f.simd(vector), false),
  vector32: (f) => maskToOne(f.simd(vector32), true),
  rounds: false,
});

/** Unary operations (fround: Math.fround). */
export const wasmUnaryRules: { readonly [P in UnaryPrim | "fround"]: WasmOpRule | null } = {
  [Prim.Neg]: plain(Op.F64Neg, Simd.F64x2Neg, Simd.F32x4Neg),
  [Prim.Abs]: plain(Op.F64Abs, Simd.F64x2Abs, Simd.F32x4Abs),
  [Prim.Sqrt]: rounding(Op.F64Sqrt, Simd.F64x2Sqrt, Simd.F32x4Sqrt),
  [Prim.Floor]: plain(Op.F64Floor, Simd.F64x2Floor, Simd.F32x4Floor),
  [Prim.Ceil]: plain(Op.F64Ceil, Simd.F64x2Ceil, Simd.F32x4Ceil),
  [Prim.Trunc]: plain(Op.F64Trunc, Simd.F64x2Trunc, Simd.F32x4Trunc),
  // in an f32x4 loop every value is a float32 already
  fround: {
    scalar: (f) => void f.op(Op.F32DemoteF64).op(Op.F64PromoteF32),
    vector: (f) => void f.simd(Simd.F32x4DemoteF64x2Zero).simd(Simd.F64x2PromoteLowF32x4),
    vector32: () => undefined,
    rounds: false,
  },
  [Prim.IsNan]: notNative,
  [Prim.IsFinite]: notNative,
  [Prim.Exp]: notNative,
  [Prim.Log]: notNative,
  [Prim.Sin]: notNative,
  [Prim.Cos]: notNative,
  [Prim.Tan]: notNative,
  [Prim.Tanh]: notNative,
  [Prim.Sinh]: notNative,
  [Prim.Cosh]: notNative,
  [Prim.Asin]: notNative,
  [Prim.Acos]: notNative,
  [Prim.Atan]: notNative,
  [Prim.Cbrt]: notNative,
  [Prim.Sign]: notNative,
  [Prim.Round]: notNative,
  [Prim.Log2]: notNative,
  [Prim.Log10]: notNative,
  [Prim.Log1p]: notNative,
  [Prim.Expm1]: notNative,
};

/** Binary operations. */
export const wasmBinaryRules: { readonly [P in BinaryPrim]: WasmOpRule | null } = {
  [Prim.Add]: rounding(Op.F64Add, Simd.F64x2Add, Simd.F32x4Add),
  [Prim.Sub]: rounding(Op.F64Sub, Simd.F64x2Sub, Simd.F32x4Sub),
  [Prim.Mul]: rounding(Op.F64Mul, Simd.F64x2Mul, Simd.F32x4Mul),
  [Prim.Div]: rounding(Op.F64Div, Simd.F64x2Div, Simd.F32x4Div),
  [Prim.Max]: plain(Op.F64Max, Simd.F64x2Max, Simd.F32x4Max),
  [Prim.Min]: plain(Op.F64Min, Simd.F64x2Min, Simd.F32x4Min),
  [Prim.Lt]: comparison(Op.F64Lt, Simd.F64x2Lt, Simd.F32x4Lt),
  [Prim.Gt]: comparison(Op.F64Gt, Simd.F64x2Gt, Simd.F32x4Gt),
  [Prim.Le]: comparison(Op.F64Le, Simd.F64x2Le, Simd.F32x4Le),
  [Prim.Ge]: comparison(Op.F64Ge, Simd.F64x2Ge, Simd.F32x4Ge),
  [Prim.Eq]: comparison(Op.F64Eq, Simd.F64x2Eq, Simd.F32x4Eq),
  [Prim.Ne]: comparison(Op.F64Ne, Simd.F64x2Ne, Simd.F32x4Ne),
  [Prim.Pow]: notNative,
  [Prim.Mod]: notNative,
  [Prim.Atan2]: notNative,
};
