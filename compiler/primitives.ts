/**
 * @file The closed set of kernex primitives and the parameter type of each.
 * Every table of rules (abstract eval, evaluation, jvp, transpose-free vjp,
 * batching, code emission) is keyed by `Prim` and typed total over it.
 */
import type { Program } from "./ir";

/**
 * Element types kernex arrays can hold.
 *
 * @example
 * kex.zeros([2], "float32").dtype; // "float32"
 */
export type DType = "float64" | "float32";

/** The primitives. Values are what IR listings print. */
export enum Prim {
  // elementwise unary
  Neg = "neg",
  Exp = "exp",
  Log = "log",
  Sin = "sin",
  Cos = "cos",
  Tan = "tan",
  Tanh = "tanh",
  Sinh = "sinh",
  Cosh = "cosh",
  Asin = "asin",
  Acos = "acos",
  Atan = "atan",
  Sqrt = "sqrt",
  Cbrt = "cbrt",
  Abs = "abs",
  Sign = "sign",
  Floor = "floor",
  Ceil = "ceil",
  Round = "round",
  Trunc = "trunc",
  Log2 = "log2",
  Log10 = "log10",
  Log1p = "log1p",
  Expm1 = "expm1",
  IsNan = "isnan",
  IsFinite = "isfinite",
  // elementwise binary
  Add = "add",
  Sub = "sub",
  Mul = "mul",
  Div = "div",
  Pow = "pow",
  Mod = "mod",
  Max = "max",
  Min = "min",
  Atan2 = "atan2",
  Lt = "lt",
  Gt = "gt",
  Le = "le",
  Ge = "ge",
  Eq = "eq",
  Ne = "ne",
  // elementwise ternary
  Where = "where",
  // reductions
  ReduceSum = "reduce_sum",
  ReduceMax = "reduce_max",
  ReduceMin = "reduce_min",
  ReduceProd = "reduce_prod",
  // structure
  Broadcast = "broadcast",
  Reshape = "reshape",
  Transpose = "transpose",
  Slice = "slice",
  Index = "index",
  Pad = "pad",
  Rev = "rev",
  Concatenate = "concatenate",
  Convert = "convert",
  // stencils
  Stencil = "stencil",
  StencilGather = "stencil_gather",
  ScanSweep = "scan_sweep",
  // control flow
  ForiLoop = "fori_loop",
}

export const unaryPrims = [
  Prim.Neg, Prim.Exp, Prim.Log, Prim.Sin, Prim.Cos, Prim.Tan, Prim.Tanh, Prim.Sinh, Prim.Cosh,
  Prim.Asin, Prim.Acos, Prim.Atan, Prim.Sqrt, Prim.Cbrt, Prim.Abs, Prim.Sign, Prim.Floor,
  Prim.Ceil, Prim.Round, Prim.Trunc, Prim.Log2, Prim.Log10, Prim.Log1p, Prim.Expm1,
  Prim.IsNan, Prim.IsFinite,
] as const;
export type UnaryPrim = (typeof unaryPrims)[number];

export const binaryPrims = [
  Prim.Add, Prim.Sub, Prim.Mul, Prim.Div, Prim.Pow, Prim.Mod, Prim.Max, Prim.Min, Prim.Atan2,
  Prim.Lt, Prim.Gt, Prim.Le, Prim.Ge, Prim.Eq, Prim.Ne,
] as const;
export type BinaryPrim = (typeof binaryPrims)[number];

export const reducePrims = [Prim.ReduceSum, Prim.ReduceMax, Prim.ReduceMin, Prim.ReduceProd] as const;
export type ReducePrim = (typeof reducePrims)[number];

export function isUnary(p: Prim): p is UnaryPrim {
  return (unaryPrims as readonly Prim[]).includes(p);
}
export function isBinary(p: Prim): p is BinaryPrim {
  return (binaryPrims as readonly Prim[]).includes(p);
}
export function isReduce(p: Prim): p is ReducePrim {
  return (reducePrims as readonly Prim[]).includes(p);
}

/**
 * Padding modes of a stencil's border (numpy.pad's names).
 *
 * @example
 * kex.kmap({ kernelSize: 3, padding: "same", padMode: "wrap" }, (x) => kex.sum(x))(kex.array([1, 2, 3])).toArray(); // [6, 6, 6]
 */
export type PadMode = "constant" | "edge" | "reflect" | "symmetric" | "wrap";

/**
 * Geometry of a stencil: how the grid of windows lies over the windowed
 * input(s). All arrays have one entry per input dimension.
 *
 * Window at grid index g covers input coordinates
 * `g[d]*strides[d] - padding[d][0] + k[d]*dilation[d]` for `0 <= k[d] < kernelSize[d]`.
 */
export interface StencilSpec {
  /** "map": every window independent; "scan": windows in order, results written back at the centre. */
  readonly kind: "map" | "scan";
  /** "grid": output on the grid (kmap/kscan); "inplace": output has the input's shape (smap/sscan). */
  readonly placement: "grid" | "inplace";
  readonly inShape: readonly number[];
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly dilation: readonly number[];
  readonly padding: readonly (readonly [number, number])[];
  readonly padMode: readonly PadMode[];
  readonly padValue: number;
  readonly reverse: boolean;
  readonly gridShape: readonly number[];
}

/** A box of grid cells (half-open per dim, with a step), addressed by window centre. */
export interface Region {
  readonly start: readonly number[];
  readonly stop: readonly number[];
  readonly step: readonly number[];
}

/** One kernel of a stencil: applied at grid cells whose centre lies in `region` (null: all). */
export interface Branch {
  readonly region: Region | null;
  readonly kernel: Program;
}

/**
 * Inputs of a stencil equation, in order: `nWindowed` windowed arrays (all of
 * `spec.inShape`), then `gridDims.length` extra inputs; extra input j is
 * indexed by the grid cell on grid dims `gridDims[j]` (its leading axes) and
 * passed whole for the rest (an empty list: passed whole, like an argument).
 *
 * The kernel program's inputs are the windows (shape kernelSize), then the
 * extra inputs with their grid-indexed leading axes removed. Its outputs:
 * one per stencil output. For scans, output j is written back into windowed
 * input j at the window centre, so `outputs == nWindowed`.
 */
export interface StencilParams {
  readonly spec: StencilSpec;
  readonly branches: readonly Branch[];
  readonly nWindowed: number;
  readonly gridDims: readonly (readonly number[])[];
  /** When true (maps only), outputs are summed over the grid instead of stored per cell. */
  readonly reduceGrid: boolean;
}

/**
 * The reverse sweep of a scan stencil (the vjp of kscan/sscan, see
 * compiler/scan-sweep.ts). Inputs: the scan's windowed inputs X, its outputs
 * Y, its extras a, the adjoint kernels' captured values, then the output
 * cotangents that are present (`hasCt`). Outputs: the cotangents of X
 * (input-shaped) and of a.
 */
export interface ScanSweepParams {
  /** The forward scan. */
  readonly scan: StencilParams;
  /**
   * One per branch of `scan`: its kernel's vjp, taking (windows S.., per-cell
   * extras a.., cotangents λ.. of its results (0-d), captured..) and giving
   * (S̄.. window-shaped, ā..).
   */
  readonly adjoints: readonly Program[];
  /** Captured whole inputs of the adjoint kernels. */
  readonly nCaptured: number;
  /** Per scan output: does a cotangent input come for it? */
  readonly hasCt: readonly boolean[];
  /**
   * Per scan output with a cotangent: null when it comes as an array, or a
   * window-1 map stencil over the grid that computes it cell by cell from
   * its own inputs (which then come in its place): the cotangent is never
   * stored (grid placement only; made by jit's fuse-into-sweeps pass).
   */
  readonly ctMaps?: readonly (StencilParams | null)[];
  /**
   * Windowed inputs from this index on are tangents (the sweep's own jvp):
   * where the others read the constant pad value, they read 0.
   */
  readonly zeroPadFrom?: number;
}

/**
 * A counted loop whose body is a sub-program (`foriLoop`, and the scans its
 * reverse mode is built from; see compiler/fori-loop.ts). Inputs of the
 * equation: `lower` (0-d, the index of the first step), the initial carries
 * (`nCarry`), the stacked sequences `xs` (`nXs`, each [steps, ...]), then
 * loop-invariant values. Outputs: the final carries, then the stacked
 * per-step outputs `ys` ([steps, ...] each).
 *
 * The body takes (i, carries.., x slices.., invariants..) and returns
 * (carries'.., y slices..). Step t (0 ≤ t < steps) runs at position
 * p = reverse ? steps - 1 - t : t, with i = lower + p, reading xs[p] and
 * writing ys[p].
 */
export interface LoopParams {
  readonly body: Program;
  readonly steps: number;
  readonly nCarry: number;
  readonly nXs: number;
  readonly reverse: boolean;
}

/**
 * Parameters of a primitive that takes none (elementwise ops).
 *
 * @example
 * const p: ParamsOf<Prim.Add> = {};
 */
export type NoParams = Record<string, never>;

/**
 * Parameters of a reduction: the axes reduced away.
 *
 * @example
 * const p: ReduceParams = { axes: [0, 1] };
 */
export interface ReduceParams {
  readonly axes: readonly number[];
}

/**
 * The parameter type of every primitive, keyed by `Prim`. Families with one
 * parameter shape (elementwise, reductions) come in through `extends`; each
 * other primitive is one line. A primitive missing here is a type error
 * wherever `ParamsOf` names it.
 *
 * @example
 * const p: PrimParams[Prim.Transpose] = { perm: [1, 0] };
 */
export interface PrimParams
  extends Record<UnaryPrim | BinaryPrim | Prim.Where, NoParams>,
    Record<ReducePrim, ReduceParams> {
  [Prim.Broadcast]: { readonly shape: readonly number[] };
  [Prim.Reshape]: { readonly shape: readonly number[] };
  [Prim.Transpose]: { readonly perm: readonly number[] };
  [Prim.Index]: { readonly index: readonly number[] };
  [Prim.Slice]: { readonly start: readonly number[]; readonly step: readonly number[]; readonly shape: readonly number[] };
  [Prim.Pad]: { readonly lo: readonly number[]; readonly hi: readonly number[]; readonly interior: readonly number[] };
  [Prim.Rev]: { readonly axes: readonly number[] };
  [Prim.Concatenate]: { readonly axis: number };
  [Prim.Convert]: { readonly dtype: DType };
  [Prim.Stencil]: StencilParams;
  [Prim.StencilGather]: StencilParams;
  [Prim.ScanSweep]: ScanSweepParams;
  [Prim.ForiLoop]: LoopParams;
}

/**
 * The parameter type of primitive P.
 *
 * @example
 * const p: ParamsOf<Prim.ReduceSum> = { axes: [0] };
 */
export type ParamsOf<P extends Prim> = PrimParams[P];

/**
 * A primitive with its parameters, as a union discriminated by `prim`:
 * testing `app.prim === Prim.Stencil` narrows `app.params` to StencilParams.
 *
 * @example
 * const app = primApp(Prim.Transpose, { perm: [1, 0] });
 */
export type PrimApp = { [P in Prim]: { readonly prim: P; readonly params: ParamsOf<P> } }[Prim];

/**
 * Pair a primitive known only as a type parameter with its parameters, as a
 * `PrimApp` that later code can narrow by `prim`.
 *
 * @example
 * function run<P extends Prim>(prim: P, params: ParamsOf<P>) { const app = primApp(prim, params); ... }
 */
export function primApp<P extends Prim>(prim: P, params: ParamsOf<P>): PrimApp {
  // The one cast pairing a primitive with its parameters: TypeScript does not
  // distribute a generic P over the union, but for every concrete P the pair
  // is the member of PrimApp whose prim is P.
  return { prim, params } as PrimApp;
}

/**
 * A table with one entry per primitive of a family, built by `build` (a
 * rule builder named for the rule's shape). Spread into a total table
 * (`{ [P in Prim]: Rule<P> }`), it lets `tsc` check that every primitive of
 * the family has its entry.
 *
 * @example
 * const names = mapFamily(reducePrims, (p) => `${p}!`); // { reduce_sum: "reduce_sum!", ... }
 */
export function mapFamily<const P extends Prim, R>(prims: readonly P[], build: (p: P) => R): { [K in P]: R } {
  // The one cast of the rule tables: an object filled key by key from `prims`
  // has every key of P once the loop ends, which TypeScript cannot follow.
  const table = {} as { [K in P]: R };
  for (const p of prims) table[p] = build(p);
  return table;
}

/** Throw for a value a switch should never see. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
