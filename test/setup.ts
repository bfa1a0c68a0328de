/**
 * @file Test setup: the toBeAllclose matcher (numpy's allclose rule,
 * |a - b| <= atol + rtol·|b|, NaNs equal when both are NaN), and the IR
 * verifiers on for every test: each pipeline (jit's program passes, the loop
 * passes of every compiled stencil, loop bodies) checks the IR after every pass.
 */
import { expect } from "vitest";
import { setVerify } from "../compiler/verify";

setVerify(true);

type Numeric = number | ArrayLike<number> | { data: ArrayLike<number> } | readonly unknown[];

function flatten(x: Numeric): number[] {
  if (typeof x === "number") return [x];
  if (Array.isArray(x)) return (x as unknown[]).flat(Infinity) as number[];
  if (typeof x === "object" && x !== null && "data" in x && !ArrayBuffer.isView(x)) return Array.from((x as { data: ArrayLike<number> }).data);
  return Array.from(x as ArrayLike<number>);
}

expect.extend({
  toBeAllclose(received: unknown, expectedValue: unknown, options: { rtol?: number; atol?: number } = {}) {
    const expected = expectedValue as Numeric;
    const rtol = options.rtol ?? 1e-7;
    const atol = options.atol ?? 1e-12;
    const a = flatten(received as Numeric);
    const b = flatten(expected);
    if (a.length !== b.length) {
      return { pass: false, message: () => `expected ${b.length} values, got ${a.length}` };
    }
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
      if (x === y) continue;
      if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y))) {
        return {
          pass: false,
          message: () => `values differ at flat index ${i}: got ${x}, expected ${y} (rtol ${rtol}, atol ${atol})`,
        };
      }
    }
    return { pass: true, message: () => "expected values not to be allclose" };
  },
});
