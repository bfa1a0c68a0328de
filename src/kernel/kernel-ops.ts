/**
 * @file The runtime object that rewritten kernels call for every operator
 * (`a + b` becomes `__k.add(a, b)`): plain JavaScript semantics when both
 * sides are plain values (loop counters, constants), array functions when
 * either side is traced. Conditions on plain values choose a branch at
 * trace time; on traced values both branches are traced and joined by `where`.
 * This is the implementation of the KernelOps interface of ops-api.ts, beside it.
 */
import * as ops from "../core/ops";
import { slice } from "../core/slicing";
import { applyBinary, applyUnary, publicNames } from "../core/operands";
import { binaryFns, unaryFns } from "../../compiler/scalar-fns";
import { binaryPrims, unaryPrims } from "../../compiler/primitives";
import { KernexError, show } from "../errors";
import { asArray, NDArray, type ArrayInput } from "../ndarray/ndarray";
import type { KernelOps } from "./ops-api";
import { controlFlowOps, PartlyDefined } from "./control-flow-ops";
import { FORBIDDEN_PROPERTIES } from "./parse";
import { WindowView, toArrayInput } from "../stencil/window";

/** Traced values, and variables with a value in only one branch of a select (their use is an error). */
function isTraced(x: unknown): boolean {
  return x instanceof PartlyDefined || x instanceof NDArray || x instanceof WindowView || (typeof x === "object" && x !== null && asArray in x);
}

function arrayOperand(x: unknown, op: string): ArrayInput {
  if (x instanceof PartlyDefined) throw x.error();
  const v = toArrayInput(x);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof NDArray || typeof v === "number" || Array.isArray(v)) return v;
  throw new KernexError(`kernel: operator ${op} got ${show(x)}, expected numbers or arrays`);
}

type Plain2 = (a: never, b: never) => unknown;

/**
 * Plain JavaScript semantics for untraced operands; what JavaScript itself
 * rejects (mixing a BigInt with a number, converting a Symbol) becomes a
 * KernexError naming the operation and its operands.
 */
function plainCall<T>(op: string, operands: readonly unknown[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof KernexError) throw error;
    const why = error instanceof Error ? error.message : show(error);
    throw new KernexError(`kernel: ${op} on ${operands.map(show).join(" and ")} failed (${why}); expected numbers or arrays`);
  }
}

function binaryOp(name: string, plain: Plain2, traced: (a: ArrayInput, b: ArrayInput) => NDArray) {
  return (a: unknown, b: unknown): unknown => {
    if (!isTraced(a) && !isTraced(b) && !Array.isArray(a) && !Array.isArray(b)) return plainCall(`operator ${name}`, [a, b], () => (plain as (a: unknown, b: unknown) => unknown)(a, b));
    return traced(arrayOperand(a, name), arrayOperand(b, name));
  };
}

function unaryMath(name: string, plain: (x: number) => number, traced: (x: ArrayInput) => NDArray) {
  return (...args: unknown[]): unknown => {
    if (args.length !== 1) throw new KernexError(`kernel: Math.${name} got ${args.length} arguments, expected 1`);
    const x = args[0];
    return isTraced(x) ? traced(arrayOperand(x, `Math.${name}`)) : plainCall(`Math.${name}`, [x], () => plain(x as number));
  };
}

function foldMath(name: string, plain: (...xs: number[]) => number, traced: (a: ArrayInput, b: ArrayInput) => NDArray) {
  return (...args: unknown[]): unknown => {
    if (!args.some(isTraced)) return plainCall(`Math.${name}`, args, () => plain(...(args as number[])));
    if (args.length === 0) throw new KernexError(`kernel: Math.${name} needs at least one argument`);
    return args.map((a) => arrayOperand(a, `Math.${name}`)).reduce((acc, x) => traced(acc, x));
  };
}

/**
 * The `Math` functions that are primitives: every unary or binary primitive
 * whose public name (core/operands.ts publicNames) is a `Math` function is
 * that function in kernels (`Math.sin` is `kex.sin`), with the interpreter's
 * scalar semantics on plain values.
 */
function primitiveMath(): Record<string, (...args: unknown[]) => unknown> {
  const table: Record<string, (...args: unknown[]) => unknown> = {};
  const isMath = (name: string): boolean => Object.hasOwn(Math, name) && typeof Reflect.get(Math, name) === "function";
  for (const p of unaryPrims) {
    const name = publicNames[p];
    if (isMath(name)) table[name] = unaryMath(name, unaryFns[p], (x) => applyUnary(p, x));
  }
  for (const p of binaryPrims) {
    const name = publicNames[p];
    if (isMath(name)) table[name] = binaryOp(`Math.${name}`, binaryFns[p], (a, b) => applyBinary(p, a, b));
  }
  return table;
}

const supportedMath: Record<string, (...args: unknown[]) => unknown> = {
  ...primitiveMath(),
  max: foldMath("max", Math.max, ops.maximum),
  min: foldMath("min", Math.min, ops.minimum),
  hypot: (...args: unknown[]) => {
    if (!args.some(isTraced)) return plainCall("Math.hypot", args, () => Math.hypot(...(args as number[])));
    return ops.sqrt(args.map((a) => ops.square(arrayOperand(a, "Math.hypot"))).reduce((acc, x) => ops.add(acc, x)));
  },
  random: () => {
    throw new KernexError("kernel: Math.random is not supported: kernels are traced once, so a random number would be the same in every window; pass random arrays as arguments instead");
  },
};

/**
 * A `Math.<name>` call that has no traced rule: plain JavaScript on untraced
 * arguments when Math has such a function (`Math.clz32(3)` in a loop bound),
 * otherwise a KernexError listing what kernels support.
 */
function otherMath(name: string): (...args: unknown[]) => unknown {
  const native: unknown = Object.hasOwn(Math, name) ? Reflect.get(Math, name) : undefined;
  return (...args: unknown[]) => {
    if (typeof native === "function" && !args.some(isTraced)) return plainCall(`Math.${name}`, args, () => (native as (...xs: unknown[]) => unknown)(...args));
    const problem = typeof native === "function" ? "is not supported on window values or arrays" : "is not a Math function";
    throw new KernexError(`kernel: Math.${name} ${problem}; expected one of Math.${Object.keys(supportedMath).join(", Math.")}`);
  };
}

/** `__k.math`: the supported functions, and a clear error (never `undefined`) for any other name. */
const mathFns: Record<string, (...args: unknown[]) => unknown> = new Proxy(supportedMath, {
  get(target, key, receiver) {
    if (typeof key === "string" && !Object.hasOwn(target, key)) return otherMath(key);
    return Reflect.get(target, key, receiver);
  },
});

/**
 * Marks a traced array whose cells are all 1 or 0 (a comparison, `!`, a
 * test): its truthiness is itself. Kept on the array object, not in a table.
 */
const IS_TEST = Symbol("kernex.isTest");

function markTest(x: NDArray): NDArray {
  Object.defineProperty(x, IS_TEST, { value: true });
  return x;
}

function isTest(x: unknown): boolean {
  return x instanceof NDArray && Object.hasOwn(x, IS_TEST);
}

/**
 * JavaScript's truthiness of a traced value, per cell, as 1 or 0: nonzero
 * and not NaN. A comparison is its own truthiness (no extra operations).
 */
function truthy(c: unknown, op: string): ArrayInput {
  const x = arrayOperand(c, op);
  if (typeof x === "number") return x !== 0 && !Number.isNaN(x) ? 1 : 0;
  if (isTest(x)) return x;
  return markTest(ops.where(ops.isnan(x), 0, ops.notEqual(x, 0)));
}

/** A comparison whose traced result is marked as a test. */
function comparison(fn: (a: unknown, b: unknown) => unknown): (a: unknown, b: unknown) => unknown {
  return (a, b) => {
    const r = fn(a, b);
    return r instanceof NDArray ? markTest(r) : r;
  };
}

/** Tests on traced values select per cell with `where` on their JavaScript truthiness. */
const controlFlow = controlFlowOps({
  isTraced,
  select: (c, a, b) => ops.where(truthy(c, "if"), arrayOperand(a, "if"), arrayOperand(b, "if")),
  isnan: (x) => markTest(ops.isnan(arrayOperand(x, "isNaN"))),
  isfinite: (x) => markTest(ops.isfinite(arrayOperand(x, "isFinite"))),
  truthy: (x) => truthy(x, "Boolean"),
});

/** `a`, unless it is a variable with a value in only one branch of an earlier select. */
function test(a: unknown): unknown {
  if (a instanceof PartlyDefined) throw a.error();
  return a;
}

/**
 * The operator semantics of traced kernels.
 *
 * @example
 * kernelOps.add(1, 2); // 3 (plain values keep JavaScript's semantics)
 */
export const kernelOps: KernelOps = {
  add: binaryOp("+", (a: number, b: number) => a + b, ops.add),
  sub: binaryOp("-", (a: number, b: number) => a - b, ops.sub),
  mul: binaryOp("*", (a: number, b: number) => a * b, ops.mul),
  div: binaryOp("/", (a: number, b: number) => a / b, ops.div),
  mod: binaryOp("%", (a: number, b: number) => a % b, ops.mod),
  pow: binaryOp("**", (a: number, b: number) => a ** b, ops.pow),
  lt: comparison(binaryOp("<", (a: number, b: number) => a < b, ops.less)),
  gt: comparison(binaryOp(">", (a: number, b: number) => a > b, ops.greater)),
  le: comparison(binaryOp("<=", (a: number, b: number) => a <= b, ops.lessEqual)),
  ge: comparison(binaryOp(">=", (a: number, b: number) => a >= b, ops.greaterEqual)),
  eq: comparison(binaryOp("==", (a: unknown, b: unknown) => a === b, ops.equal)),
  ne: comparison(binaryOp("!=", (a: unknown, b: unknown) => a !== b, ops.notEqual)),
  neg: (a) => (isTraced(a) ? ops.neg(arrayOperand(a, "-")) : plainCall("unary -", [a], () => -(a as number))),
  pos: (a) => (isTraced(a) ? toArrayInput(a) : plainCall("unary +", [a], () => +(a as number))),
  not: (a) => (isTraced(a) ? markTest(ops.equal(truthy(a, "!"), 0)) : !test(a)),
  and: (a, b) => {
    if (!isTraced(a)) return test(a) && b();
    const x = arrayOperand(a, "&&");
    const y = arrayOperand(b(), "&&");
    const r = ops.where(truthy(x, "&&"), y, x);
    return isTest(x) && isTest(y) ? markTest(r) : r;
  },
  or: (a, b) => {
    if (!isTraced(a)) return test(a) || b();
    const x = arrayOperand(a, "||");
    const y = arrayOperand(b(), "||");
    const r = ops.where(truthy(x, "||"), x, y);
    return isTest(x) && isTest(y) ? markTest(r) : r;
  },
  cond: (c, a, b) => {
    if (!isTraced(c)) return test(c) ? a() : b();
    return ops.where(truthy(c, "?:"), arrayOperand(a(), "?:"), arrayOperand(b(), "?:"));
  },
  index: (obj, idx) => {
    if (obj instanceof WindowView) return obj.index(idx);
    if (obj instanceof NDArray) {
      const spec = idx.map((i) => {
        if (typeof i !== "number" || !Number.isInteger(i)) throw new KernexError(`kernel: array index ${show(i)}: expected an integer`);
        return i;
      });
      return slice(obj, spec);
    }
    if (idx.length !== 1) throw new KernexError(`kernel: ${show(obj)}[${idx.map(show).join(", ")}]: a multi-index needs a window or an array`);
    if (obj === null || obj === undefined) throw new KernexError(`kernel: cannot index ${String(obj)}`);
    const key = idx[0];
    if (typeof key !== "string" && typeof key !== "number") throw new KernexError(`kernel: index ${show(key)}: expected a number or a string`);
    if (FORBIDDEN_PROPERTIES.has(String(key))) {
      throw new KernexError(`kernel: index ${show(key)} is not allowed (kernels cannot reach constructors, prototypes or property descriptors)`);
    }
    return (obj as Record<PropertyKey, unknown>)[key];
  },
  math: mathFns,
  ...controlFlow,
};

// Kernels reach these objects (`Math.sin` becomes `__k.math.sin`): frozen, so a kernel's
// `Object.assign(Math.sin, ...)` throws instead of changing them for every later kernel.
for (const fn of Object.values(supportedMath)) Object.freeze(fn);
Object.freeze(supportedMath);
Object.freeze(kernelOps);
