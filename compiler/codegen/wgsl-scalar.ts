/**
 * @file Scalar primitives as WGSL, total by type like the JavaScript table
 * (scalar-expr.ts): tsc names a primitive that lacks an entry. Data are
 * `f32`. Where WGSL's builtins differ from JavaScript's Math, the entry
 * calls a helper of WGSL_HELPERS that reproduces Math's result:
 *
 * - `round`: Math.round rounds halves toward +∞, WGSL's `round` to even;
 * - `max`/`min`: Math's propagate NaN, WGSL's are unspecified for NaN;
 * - `pow`: WGSL's `pow` is undefined for a negative base (Math: real powers
 *   of negative bases for integer exponents, NaN otherwise) and x ** 0 is 1;
 * - `sign`: NaN for NaN; `log`/`sqrt` of a negative: NaN (WGSL: unspecified);
 * - `tanh` of a large argument: ±1 (some drivers compute it through exp);
 * - `isNaN`/`isFinite`: tested on the bits (a shader compiler may assume
 *   `x != x` is false);
 * - `sin`/`cos`/`tan`: WGSL allows `sin` an absolute error of 2^-11 on
 *   [-π, π] and any error outside it (SwiftShader's differs from Math.sin
 *   in the 4th digit), so they are computed here to a few ulps: Cody–Waite
 *   reduction by π/2 (three float32 parts) and cephes' minimax polynomials
 *   on [-π/4, π/4];
 * - `log1p`, `expm1`, `cbrt`, `log10` have no builtin.
 *
 * `%` on f32 is x - y·trunc(x / y) in both (the dividend's sign).
 */
import { Prim, type BinaryPrim, type UnaryPrim } from "../primitives";

/** How a unary primitive reads in WGSL, given its operand. */
type UnaryWgsl = (a: string) => string;
/** How a binary primitive reads in WGSL, given its operands. */
type BinaryWgsl = (x: string, y: string) => string;

const call =
  (name: string): UnaryWgsl =>
  (a) =>
    `${name}(${a})`;
const call2 =
  (name: string): BinaryWgsl =>
  (x, y) =>
    `${name}(${x}, ${y})`;
const infix =
  (op: string): BinaryWgsl =>
  (x, y) =>
    `(${x} ${op} ${y})`;
/** A comparison giving 1 or 0. */
const comparison =
  (op: string): BinaryWgsl =>
  (x, y) =>
    `select(0.0f, 1.0f, ${x} ${op} ${y})`;

/**
 * The WGSL of every unary primitive.
 *
 * @example
 * wgslUnary[Prim.Round]("v1"); // "k_round(v1)"
 */
export const wgslUnary: { [P in UnaryPrim]: UnaryWgsl } = {
  [Prim.Neg]: (a) => `(-${a})`,
  [Prim.Exp]: call("exp"),
  [Prim.Log]: call("k_log"),
  [Prim.Sin]: call("k_sin"),
  [Prim.Cos]: call("k_cos"),
  [Prim.Tan]: (a) => `(k_sin(${a}) / k_cos(${a}))`,
  [Prim.Tanh]: call("k_tanh"),
  [Prim.Sinh]: call("sinh"),
  [Prim.Cosh]: call("cosh"),
  [Prim.Asin]: call("asin"),
  [Prim.Acos]: call("acos"),
  [Prim.Atan]: call("atan"),
  [Prim.Sqrt]: call("k_sqrt"),
  [Prim.Cbrt]: call("k_cbrt"),
  [Prim.Abs]: call("abs"),
  [Prim.Sign]: call("k_sign"),
  [Prim.Floor]: call("floor"),
  [Prim.Ceil]: call("ceil"),
  [Prim.Round]: call("k_round"),
  [Prim.Trunc]: call("trunc"),
  [Prim.Log2]: call("k_log2"),
  [Prim.Log10]: call("k_log10"),
  [Prim.Log1p]: call("k_log1p"),
  [Prim.Expm1]: call("k_expm1"),
  [Prim.IsNan]: (a) => `select(0.0f, 1.0f, k_isnan(${a}))`,
  [Prim.IsFinite]: (a) => `select(1.0f, 0.0f, k_isinfnan(${a}))`,
};

/**
 * The WGSL of every binary primitive; comparisons give 1 or 0.
 *
 * @example
 * wgslBinary[Prim.Max]("v1", "v2"); // "k_max(v1, v2)"
 */
export const wgslBinary: { [P in BinaryPrim]: BinaryWgsl } = {
  [Prim.Add]: infix("+"),
  [Prim.Sub]: infix("-"),
  [Prim.Mul]: infix("*"),
  [Prim.Div]: infix("/"),
  [Prim.Pow]: call2("k_pow"),
  [Prim.Mod]: infix("%"),
  [Prim.Max]: call2("k_max"),
  [Prim.Min]: call2("k_min"),
  [Prim.Atan2]: call2("atan2"),
  [Prim.Lt]: comparison("<"),
  [Prim.Gt]: comparison(">"),
  [Prim.Le]: comparison("<="),
  [Prim.Ge]: comparison(">="),
  [Prim.Eq]: comparison("=="),
  [Prim.Ne]: comparison("!="),
};

/**
 * The helper functions the entries above (and the emitter) call, by name,
 * with the helpers each one calls. The emitter includes those its shader uses.
 */
export const WGSL_HELPERS: Readonly<Record<string, { readonly deps: readonly string[]; readonly code: string }>> = {
  // through a var: a constant NaN or ∞ is a shader-creation error in WGSL
  k_nan: { deps: [], code: "fn k_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }" },
  k_inf: { deps: [], code: "fn k_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }" },
  k_isnan: { deps: [], code: "fn k_isnan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }" },
  k_isinfnan: { deps: [], code: "fn k_isinfnan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7f800000u) == 0x7f800000u; }" },
  k_log: { deps: ["k_nan"], code: "fn k_log(x: f32) -> f32 { if (x < 0.0f) { return k_nan(); } return log(x); }" },
  k_log2: { deps: ["k_nan"], code: "fn k_log2(x: f32) -> f32 { if (x < 0.0f) { return k_nan(); } return log2(x); }" },
  k_log10: { deps: ["k_log"], code: "fn k_log10(x: f32) -> f32 { return k_log(x) * 0.4342944819032518f; }" },
  k_sqrt: { deps: ["k_nan"], code: "fn k_sqrt(x: f32) -> f32 { if (x < 0.0f) { return k_nan(); } return sqrt(x); }" },
  k_cbrt: { deps: [], code: "fn k_cbrt(x: f32) -> f32 { if (x == 0.0f) { return x; } return sign(x) * pow(abs(x), 1.0f / 3.0f); }" },
  k_tanh: { deps: [], code: "fn k_tanh(x: f32) -> f32 { if (abs(x) > 10.0f) { return sign(x); } return tanh(x); }" },
  k_sign: { deps: ["k_isnan"], code: "fn k_sign(x: f32) -> f32 { if (k_isnan(x) || x == 0.0f) { return x; } return sign(x); }" },
  // Math.round: the nearest integer, halves toward +∞ (floor(x + 0.5) would round 0.49999997 up)
  k_round: { deps: [], code: "fn k_round(x: f32) -> f32 { let r = floor(x); if (x - r >= 0.5f) { return r + 1.0f; } return r; }" },
  k_log1p: { deps: ["k_log"], code: "fn k_log1p(x: f32) -> f32 { let u = 1.0f + x; if (u == 1.0f) { return x; } return k_log(u) * (x / (u - 1.0f)); }" },
  k_expm1: {
    deps: [],
    code: "fn k_expm1(x: f32) -> f32 { let u = exp(x); if (u == 1.0f) { return x; } let m = u - 1.0f; if (m == -1.0f) { return -1.0f; } if (abs(x) > 1.0f) { return m; } return m * (x / log(u)); }",
  },
  k_max: { deps: ["k_isnan", "k_nan"], code: "fn k_max(x: f32, y: f32) -> f32 { if (k_isnan(x) || k_isnan(y)) { return k_nan(); } return max(x, y); }" },
  k_min: { deps: ["k_isnan", "k_nan"], code: "fn k_min(x: f32, y: f32) -> f32 { if (k_isnan(x) || k_isnan(y)) { return k_nan(); } return min(x, y); }" },
  k_pow: {
    deps: ["k_nan", "k_inf", "k_isnan"],
    code: [
      "fn k_pow(x: f32, y: f32) -> f32 {",
      "  if (y == 0.0f) { return 1.0f; }",
      "  if (k_isnan(x) || k_isnan(y)) { return k_nan(); }",
      "  if (x == 0.0f) { if (y > 0.0f) { return select(0.0f, x, fract(y * 0.5f) == 0.5f); } return select(k_inf(), 1.0f / x, fract(y * 0.5f) == 0.5f); }",
      "  let p = exp2(y * log2(abs(x)));",
      "  if (x > 0.0f) { return p; }",
      "  if (trunc(y) != y) { return k_nan(); }",
      "  return select(p, -p, fract(y * 0.5f) == 0.5f);",
      "}",
    ].join("\n"),
  },
  // sin of y in [-π/4, π/4] (cephes sinf), and cos
  k_sinpoly: { deps: [], code: "fn k_sinpoly(y: f32) -> f32 { let z = y * y; return ((-1.9515295891e-4f * z + 8.3321608736e-3f) * z - 1.6666654611e-1f) * z * y + y; }" },
  k_cospoly: { deps: [], code: "fn k_cospoly(y: f32) -> f32 { let z = y * y; return ((2.443315711809948e-5f * z - 1.388731625493765e-3f) * z + 4.166664568298827e-2f) * z * z - 0.5f * z + 1.0f; }" },
  // sin(x + q0·π/2): x reduced by π/2 = 1.5703125 + 4.837512969970703125e-4 + 7.54978995489188216e-8 (exact products for |q| < 2^15)
  k_sinq: {
    deps: ["k_sinpoly", "k_cospoly"],
    code: [
      "fn k_sinq(x: f32, q0: i32) -> f32 {",
      "  let qf = round(x * 0.6366197723675814f);",
      "  let y = ((x - qf * 1.5703125f) - qf * 4.837512969970703125e-4f) - qf * 7.54978995489188216e-8f;",
      "  let q = (i32(qf) + q0) & 3;",
      "  if (q == 0) { return k_sinpoly(y); }",
      "  if (q == 1) { return k_cospoly(y); }",
      "  if (q == 2) { return -k_sinpoly(y); }",
      "  return -k_cospoly(y);",
      "}",
    ].join("\n"),
  },
  k_sin: { deps: ["k_sinq", "k_isinfnan", "k_nan"], code: "fn k_sin(x: f32) -> f32 { if (k_isinfnan(x)) { return k_nan(); } if (abs(x) > 32768.0f) { return sin(x); } return k_sinq(x, 0); }" },
  k_cos: { deps: ["k_sinq", "k_isinfnan", "k_nan"], code: "fn k_cos(x: f32) -> f32 { if (k_isinfnan(x)) { return k_nan(); } if (abs(x) > 32768.0f) { return cos(x); } return k_sinq(x, 1); }" },
  // JavaScript's Math.floor(a / k) on integers (WGSL's i32 division truncates)
  k_floordiv: { deps: [], code: "fn k_floordiv(a: i32, k: i32) -> i32 { let q = a / k; if ((a % k != 0) && ((a < 0) != (k < 0))) { return q - 1; } return q; }" },
  k_ceildiv: { deps: [], code: "fn k_ceildiv(a: i32, k: i32) -> i32 { let q = a / k; if ((a % k != 0) && ((a < 0) == (k < 0))) { return q + 1; } return q; }" },
};

/**
 * The helpers `code` calls (k_name( …), with the helpers they call, in an order that defines each before use.
 *
 * @example
 * helpersUsed("let v = k_max(a, b);"); // ["k_isnan", "k_nan", "k_max"] as WGSL functions
 */
export function helpersUsed(code: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const h = WGSL_HELPERS[name];
    if (h === undefined) return;
    h.deps.forEach(visit);
    out.push(h.code);
  };
  for (const m of code.matchAll(/\bk_[a-z0-9]+(?=\()/g)) visit(m[0]);
  return out;
}

/**
 * A number as an f32 WGSL expression (rounded to float32; NaN and ±∞ through helpers).
 *
 * @example
 * f32Literal(0.1); // "0.10000000149011612f"
 */
export function f32Literal(x: number): string {
  const v = Math.fround(x);
  if (Number.isNaN(v)) return "k_nan()";
  if (v === Infinity) return "k_inf()";
  if (v === -Infinity) return "(-k_inf())";
  if (Object.is(v, -0)) return "(-0.0f)";
  const s = String(v);
  const text = /[.e]/.test(s) ? `${s}f` : `${s}.0f`;
  return v < 0 ? `(${text})` : text;
}
