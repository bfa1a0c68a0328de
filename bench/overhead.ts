/**
 * @file Fixed costs: the first call of a fresh W1 kernel (rewrite, trace,
 * code generation and `new Function`, measured without the run itself) and
 * the per-call overhead on a 10-element input.
 */
import * as kex from "kernex";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

/** Median over fresh kernels of trace + codegen + compile time, in ms. */
export function firstCallCost(H: number): number {
  const times: number[] = [];
  const x = kex.ones([3, H, H]);
  const w = kex.ones([3, 3, 3]);
  for (let r = 0; r < 7; r++) {
    // a fresh function each time so no cache helps (the constant keeps sources distinct)
    const kernel = new Function("kex", `return (x, w) => kex.sum(kex.mul(x, w)) + ${r};`)(kex) as (x: Win, w: Win) => unknown;
    const t0 = performance.now();
    // lower() traces and generates and compiles the code without running it
    kex.jit(kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, kernel)).lower(x, w);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[3]!;
}

/** Per-call time of a small kmap, in µs. */
export function smallCallOverhead(): number {
  const f = kex.kmap({ kernelSize: 3 }, (x: Win) => kex.sum(x));
  const x = kex.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  for (let i = 0; i < 5000; i++) f(x);
  const n = 50_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f(x);
  return ((performance.now() - t0) / n) * 1000;
}
