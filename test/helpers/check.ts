/**
 * @file Numerical checks of the transforms, applicable to any function of
 * arrays: checkJvp and checkVjp compare with central finite differences
 * (the inner-product form of JAX's check_vjp, so one random cotangent checks
 * the whole Jacobian at once), checkVmap compares vmap with a loop of
 * unbatched calls whose results are stacked by plain index arithmetic.
 */
import { expect } from "vitest";
import * as kex from "kernex";
import { jvp } from "../../src/transforms/jvp";
import { vjp } from "../../src/transforms/grad";
import { vmap } from "../../src/transforms/vmap";
import { mulberry32 } from "./naive";

type NDArray = kex.NDArray;

/**
 * The type tests give a kernel's window: an array value (for kex.sum(x),
 * kex.mul(x, w)) that is also read by index (`x[i]`, `x[i][j]`) and by name
 * (`x.at("i", "n-1")`), each read being a number as far as operators go
 * (kernels are rewritten so that operators apply to traced values).
 */
export type Window = NDArray & { readonly [i: number]: number & { readonly [j: number]: number }; at(...index: (number | string)[]): number };

/** A function of arrays returning one array or a list of arrays. */
export type ArrayFn = (...args: NDArray[]) => NDArray | NDArray[];

/** Options of the derivative checks. */
export interface CheckOptions {
  /** Finite-difference step. */
  eps?: number;
  /** Relative tolerance, scaled by the magnitude of the compared terms. */
  rtol?: number;
  /** Absolute tolerance. */
  atol?: number;
  /** PRNG seed of the random directions. */
  seed?: number;
  /** Which arguments vary (default all). */
  argnums?: readonly number[];
}

/** A random array of a shape (uniform in [lo, hi)). */
export function randomArray(rand: () => number, shape: readonly number[], lo = -1, hi = 1): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  return kex.array(Float64Array.from({ length: n }, () => lo + (hi - lo) * rand()), { shape: [...shape] });
}

function leaves(x: unknown): NDArray[] {
  if (Array.isArray(x)) return x.flatMap(leaves);
  return [x as NDArray];
}

function axpy(x: NDArray, t: NDArray, e: number): NDArray {
  const out = Float64Array.from(x.data, (v, i) => v + e * t.data[i]!);
  return kex.array(out, { shape: [...x.shape], dtype: x.dtype });
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Central differences of f along direction ts (one per argument; null: fixed). */
function finiteDifference(f: ArrayFn, args: readonly NDArray[], ts: readonly (NDArray | null)[], eps: number): Float64Array[] {
  const plus = leaves(f(...args.map((x, i) => (ts[i] ? axpy(x, ts[i]!, eps) : x))));
  const minus = leaves(f(...args.map((x, i) => (ts[i] ? axpy(x, ts[i]!, -eps) : x))));
  return plus.map((p, k) => Float64Array.from(p.data, (v, i) => (v - minus[k]!.data[i]!) / (2 * eps)));
}

function close(actual: number, expected: number, scale: number, rtol: number, atol: number, what: string): void {
  const err = Math.abs(actual - expected);
  if (!(err <= atol + rtol * scale)) {
    throw new Error(`${what}: got ${actual}, expected ${expected} (|diff| ${err.toExponential(3)} > ${atol} + ${rtol}·${scale.toExponential(3)})`);
  }
}

/**
 * Check f's jvp against central differences: for random tangents t,
 * jvp(f)(x; t) ≈ (f(x + εt) - f(x - εt)) / 2ε, compared through random
 * output weights c (so a wrong element anywhere shows up) and elementwise.
 */
export function checkJvp(f: ArrayFn, args: readonly NDArray[], options: CheckOptions = {}): void {
  const { eps = 1e-6, rtol = 1e-6, atol = 1e-8, seed = 1 } = options;
  const rand = mulberry32(seed);
  const argnums = options.argnums ?? args.map((_, i) => i);
  const ts = args.map((x, i) => (argnums.includes(i) ? randomArray(rand, x.shape) : null));
  const [, tout] = jvp(f, args, args.map((x, i) => ts[i] ?? kex.zeros([...x.shape])));
  const fd = finiteDifference(f, args, ts, eps);
  const touts = leaves(tout);
  expect(touts.length).toBe(fd.length);
  touts.forEach((t, k) => {
    const c = randomArray(rand, t.shape).data;
    const lhs = dot(c, t.data);
    const rhs = dot(c, fd[k]!);
    const scale = Math.max(1, dot(c.map(Math.abs), fd[k]!.map(Math.abs)));
    close(lhs, rhs, scale, rtol, atol, `jvp output ${k}: <c, jvp>`);
    const mag = Math.max(1, ...fd[k]!.map(Math.abs));
    t.data.forEach((v, i) => close(v, fd[k]![i]!, mag, Math.sqrt(rtol), atol, `jvp output ${k} element ${i}`));
  });
}

/**
 * Check f's vjp against central differences with the inner-product test:
 * for random input directions t and output cotangent c,
 * <c, (f(x + εt) - f(x - εt)) / 2ε> ≈ Σᵢ <vjp(c)ᵢ, tᵢ>.
 */
export function checkVjp(f: ArrayFn, args: readonly NDArray[], options: CheckOptions = {}): void {
  const { eps = 1e-6, rtol = 1e-6, atol = 1e-8, seed = 2 } = options;
  const rand = mulberry32(seed);
  const argnums = options.argnums ?? args.map((_, i) => i);
  const ts = args.map((x, i) => (argnums.includes(i) ? randomArray(rand, x.shape) : null));
  const [out, back] = vjp(f, ...args);
  const outs = leaves(out);
  const cs = outs.map((o) => randomArray(rand, o.shape));
  const cts = back(Array.isArray(out) ? cs : cs[0]!);
  expect(cts.length).toBe(args.length);
  cts.forEach((ct, i) => expect(ct.shape).toEqual(args[i]!.shape));
  const fd = finiteDifference(f, args, ts, eps);
  const lhs = fd.reduce((s, d, k) => s + dot(cs[k]!.data, d), 0);
  const rhs = cts.reduce((s, ct, i) => s + (ts[i] ? dot(ct.data, ts[i]!.data) : 0), 0);
  const scale = Math.max(1, fd.reduce((s, d, k) => s + dot(cs[k]!.data.map(Math.abs), d.map(Math.abs)), 0));
  close(rhs, lhs, scale, rtol, atol, "<vjp(c), t> vs <c, finite difference>");
}

/** Element `i` along `axis` of x (the axis dropped), by index arithmetic. */
export function takeAlong(x: NDArray, axis: number, i: number): NDArray {
  const shape = x.shape;
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const n = shape[axis]!;
  const out = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) for (let k = 0; k < inner; k++) out[o * inner + k] = x.data[(o * n + i) * inner + k]!;
  return kex.array(out, { shape: [...shape.slice(0, axis), ...shape.slice(axis + 1)], dtype: x.dtype });
}

/** Stack arrays of equal shape along a new `axis`, by index arithmetic. */
export function stackAlong(parts: readonly NDArray[], axis: number): NDArray {
  const shape = parts[0]!.shape;
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis).reduce((a, b) => a * b, 1);
  const n = parts.length;
  const out = new Float64Array(outer * n * inner);
  parts.forEach((p, b) => {
    for (let o = 0; o < outer; o++) for (let k = 0; k < inner; k++) out[(o * n + b) * inner + k] = p.data[o * inner + k]!;
  });
  return kex.array(out, { shape: [...shape.slice(0, axis), n, ...shape.slice(axis)], dtype: parts[0]!.dtype });
}

/**
 * Check vmap(f, inAxes, outAxes) against a loop of unbatched calls: for each
 * batch index b, call f on the b-th slices of the mapped arguments, then
 * stack the results along outAxes.
 */
export function checkVmap(f: ArrayFn, args: readonly NDArray[], inAxes: readonly (number | null)[], outAxes = 0, tol: { rtol?: number; atol?: number } = {}): void {
  const { rtol = 1e-10, atol = 1e-12 } = tol;
  const mapped = inAxes.findIndex((a) => a !== null);
  const size = args[mapped]!.shape[inAxes[mapped]!]!;
  const results: NDArray[][] = [];
  for (let b = 0; b < size; b++) {
    const sliced = args.map((x, i) => (inAxes[i] === null ? x : takeAlong(x, inAxes[i]!, b)));
    results.push(leaves(f(...sliced)));
  }
  const expected = results[0]!.map((_, k) => stackAlong(results.map((r) => r[k]!), outAxes));
  const actual = leaves(vmap(f, [...inAxes], outAxes)(...args));
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, k) => {
    expect(a.shape).toEqual(expected[k]!.shape);
    expect(a.data).toBeAllclose(expected[k]!.data, { rtol, atol });
  });
}
