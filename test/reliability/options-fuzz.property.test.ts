/**
 * @file Issue #19: a fuzz corpus of the hardening cases — options read
 * through proxies and throwing getters (the user's own exception must pass
 * through unchanged, the very same object), prototype pollution before and
 * during calls, option objects mutated after the transform was created,
 * each numbered case of the issue (huge windows, symbol keys, hints, NaN
 * and ±Infinity pad values, reshape bounds, jit option keys, kernels that
 * try to change the caller's objects or the globals). Values are checked
 * against the naive reference loops (test/helpers/naive.ts) computed on a
 * clean prototype. Every case is classified; the test prints the counts and
 * requires no other outcome and no hang.
 */
import fc from "fast-check";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { naiveArray, naiveStencil, type NaiveArray, type NaiveOptions } from "../helpers/naive";
import { junkValues } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type Kind = "kmap" | "kscan" | "smap" | "sscan";

const SEED = 19;
/** A case slower than this counts as a hang (each case here does milliseconds of work). */
const HANG_MS = 5_000;
const kinds: readonly Kind[] = ["kmap", "kscan", "smap", "sscan"];

/** The user's own exception, thrown by traps and getters; it must come back as the same object. */
class UserError extends Error {}

interface Tally {
  cases: number;
  results: number;
  kernexErrors: number;
  passedThrough: number;
  other: number;
  hangs: number;
  readonly failures: string[];
}
const tally: Tally = { cases: 0, results: 0, kernexErrors: 0, passedThrough: 0, other: 0, hangs: 0, failures: [] };

/** What a case accepts: a check of its result (null = fine), whether a KernexError is fine, which thrown value must pass through. */
interface Accept {
  readonly result?: (value: unknown) => string | null;
  readonly kernexError?: boolean | RegExp;
  readonly userError?: unknown;
}

/** Run one case, classify its outcome and record a failure when it is not accepted. */
function runCase(label: string, fn: () => unknown, accept: Accept): void {
  tally.cases++;
  const start = performance.now();
  let problem: string | null = null;
  try {
    const value = fn();
    tally.results++;
    problem = accept.result === undefined ? "expected an error, got a result" : accept.result(value);
  } catch (error) {
    if (accept.userError !== undefined && error === accept.userError) {
      tally.passedThrough++;
    } else if (error instanceof kex.KernexError) {
      tally.kernexErrors++;
      const ok = accept.kernexError;
      if (ok === undefined || ok === false) problem = `unexpected KernexError: ${error.message.slice(0, 200)}`;
      else if (ok instanceof RegExp && !ok.test(error.message)) problem = `KernexError does not match ${ok}: ${error.message.slice(0, 200)}`;
    } else {
      tally.other++;
      problem = `threw ${error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 200)}` : String(error)}`;
    }
  }
  if (performance.now() - start > HANG_MS) {
    tally.hangs++;
    problem ??= `took more than ${HANG_MS} ms`;
  }
  if (problem !== null) tally.failures.push(`${label}\n    -> ${problem}`);
}

afterEach(() => {
  kex.config({ codegen: true });
});

afterAll(() => {
  console.log(
    `[options-fuzz] ${tally.cases} cases: ${tally.results} results, ${tally.kernexErrors} KernexErrors, ` +
      `${tally.passedThrough} user exceptions passed through unchanged, other outcomes ${tally.other}, hangs ${tally.hangs}, failures ${tally.failures.length}`,
  );
});

// ---------------------------------------------------------------------------
// valid calls and their naive references

interface ValidCall {
  readonly kind: Kind;
  readonly shape: number[];
  readonly options: Record<string, unknown>;
  readonly seed: number;
}

const validCallArb: fc.Arbitrary<ValidCall> = fc
  .record({ kind: fc.constantFrom(...kinds), shape: fc.array(fc.integer({ min: 3, max: 6 }), { minLength: 1, maxLength: 2 }), seed: fc.nat() })
  .chain(({ kind, shape, seed }) =>
    fc
      .record({
        kernelSize: fc.tuple(...shape.map(() => fc.integer({ min: 1, max: 3 }))),
        strides: fc.integer({ min: 1, max: 2 }),
        padMode: fc.constantFrom("constant", "edge", "reflect", "symmetric", "wrap"),
        padValue: fc.constantFrom(0, 1.5, -2, NaN, Infinity, -Infinity),
        padding: fc.constantFrom<unknown>("valid", "same", 1),
        offset: fc.constantFrom(0, 1),
      })
      .map(({ padding, offset, ...rest }) => ({ kind, shape, seed, options: { ...rest, ...(kind === "kmap" || kind === "kscan" ? { padding } : { offset }) } })),
  );

function inputOf(shape: readonly number[], seed: number): { x: kex.NDArray; naive: NaiveArray } {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = Float64Array.from({ length: n }, (_, i) => ((i * 7 + seed) % 11) - 4);
  return { x: kex.array(data, { shape: [...shape] }), naive: naiveArray([...shape], data) };
}

const sumKernel = (w: Loose) => kex.sum(w);
const naiveSum = (w: NaiveArray) => w.data.reduce((a, b) => a + b, 0);

/** The naive result, or null when the naive reference itself refuses the options (a window that does not fit). */
function reference(call: ValidCall, naive: NaiveArray): NaiveArray | null {
  try {
    return naiveStencil(call.kind, call.options as unknown as NaiveOptions, naiveSum, naive);
  } catch {
    return null;
  }
}

/** A result check against `expected` (NaN equals NaN). */
function equals(expected: NaiveArray | null): (value: unknown) => string | null {
  return (value) => {
    if (expected === null) return "expected a KernexError (the naive reference refuses these options), got a result";
    if (!(value instanceof kex.NDArray)) return `expected an NDArray, got ${String(value)}`;
    if (value.shape.join() !== expected.shape.join()) return `shape [${value.shape}] instead of [${expected.shape}]`;
    for (let i = 0; i < expected.data.length; i++) {
      const [a, b] = [value.data[i]!, expected.data[i]!];
      if (!(Object.is(a, b) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)))) return `value ${a} instead of ${b} at flat index ${i}`;
    }
    return null;
  };
}

/** Show a value in a case label (never throws). */
function shown(v: unknown): string {
  try {
    return typeof v === "symbol" ? v.toString() : typeof v === "object" && v !== null ? Object.prototype.toString.call(v) : String(v).slice(0, 20);
  } catch {
    return typeof v;
  }
}

function label(call: ValidCall, extra: string): string {
  return `${call.kind}(${JSON.stringify(call.options, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v))}) on [${call.shape}] ${extra}`;
}

const optionNames = ["kernelSize", "strides", "padding", "offset", "dilation", "padMode", "padValue", "relative", "namedAxis", "reverse", "scope", "workers", "codegen", "debug", "donate", "backend"];
const pollutionKeyArb = fc.oneof(fc.constantFrom(...optionNames), fc.constantFrom("kind", "placement", "zeroPadFrom", "ctMaps", "gridDims", "reduceGrid", "nWindowed", "branches", "length", "0", "1"));
const junk = junkValues();
const pollutionValueArb = fc.nat({ max: junk.length - 1 }).map((i) => junk[i]);

/** Run `fn` with `key` set on a prototype (Object or Array), restoring it afterwards. */
function polluted<T>(target: object, key: string, value: unknown, fn: () => T): T {
  const had = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  try {
    return fn();
  } finally {
    if (had) Object.defineProperty(target, key, had);
    else delete (target as Record<string, unknown>)[key];
  }
}

describe("options through proxies, getters and polluted prototypes", () => {
  it("proxies and throwing getters as options: the user's own exception passes through unchanged", () => {
    const trapArb = fc.constantFrom("ownKeys", "get", "getOwnPropertyDescriptor", "has", "getPrototypeOf", "none");
    fc.assert(
      fc.property(validCallArb, trapArb, fc.constantFrom("proxy", "getter", "nested getter", "proxy array"), (call, trap, how) => {
        const { x, naive } = inputOf(call.shape, call.seed);
        const sentinel = new UserError(`user ${how} ${trap}`);
        let options: Record<string, unknown>;
        if (how === "proxy") {
          const handler: ProxyHandler<Record<string, unknown>> = trap === "none" ? {} : { [trap]: () => { throw sentinel; } };
          options = new Proxy({ ...call.options }, handler);
        } else if (how === "getter") {
          options = { ...call.options };
          Object.defineProperty(options, "strides", { get: () => { throw sentinel; }, enumerable: true });
        } else if (how === "nested getter") {
          const ks = [...(call.options.kernelSize as number[])];
          Object.defineProperty(ks, 0, { get: () => { throw sentinel; }, enumerable: true });
          options = { ...call.options, kernelSize: ks };
        } else {
          options = { ...call.options, kernelSize: new Proxy([...(call.options.kernelSize as number[])], trap === "none" ? {} : { get: () => { throw sentinel; } }) };
        }
        // a transparent proxy, or a trap the snapshot never reaches, gives the plain result
        runCase(label(call, `${how} ${trap}`), () => kex[call.kind](options as Loose, sumKernel)(x), { userError: sentinel, result: equals(reference(call, naive)), kernexError: reference(call, naive) === null });
      }),
      { seed: SEED, numRuns: 300 },
    );
    expect(tally.failures).toEqual([]);
  });

  it("prototype pollution before the call changes nothing", () => {
    fc.assert(
      fc.property(validCallArb, pollutionKeyArb, pollutionValueArb, fc.boolean(), fc.boolean(), (call, key, value, onArray, codegen) => {
        const { x, naive } = inputOf(call.shape, call.seed);
        const expected = reference(call, naive);
        kex.config({ codegen });
        const target = onArray ? Array.prototype : Object.prototype;
        // pollution adds properties; replacing the engine's own (Array.prototype.length, .reverse) breaks JavaScript itself
        if (Object.hasOwn(target, key)) return;
        runCase(label(call, `with ${onArray ? "Array" : "Object"}.prototype.${key} = ${shown(value)} codegen=${codegen}`), () => polluted(target, key, value, () => kex[call.kind]({ ...call.options } as Loose, sumKernel)(x)), {
          result: equals(expected),
          kernexError: expected === null,
        });
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(tally.failures).toEqual([]);
  });

  it("prototype pollution during the call (from an option's getter) changes nothing", () => {
    fc.assert(
      fc.property(validCallArb, pollutionKeyArb, pollutionValueArb, (call, key, value) => {
        const { x, naive } = inputOf(call.shape, call.seed);
        const expected = reference(call, naive);
        const had = Object.getOwnPropertyDescriptor(Object.prototype, key);
        const options = { ...call.options };
        Object.defineProperty(options, "kernelSize", {
          enumerable: true,
          get: () => {
            Object.defineProperty(Object.prototype, key, { value, writable: true, enumerable: true, configurable: true });
            return call.options.kernelSize;
          },
        });
        try {
          runCase(label(call, `polluting Object.prototype.${key} while options are read`), () => kex[call.kind](options as Loose, sumKernel)(x), { result: equals(expected), kernexError: expected === null });
        } finally {
          if (had) Object.defineProperty(Object.prototype, key, had);
          else delete (Object.prototype as Record<string, unknown>)[key];
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(tally.failures).toEqual([]);
  });

  it("options mutated after the transform was created change nothing, for any later shape", () => {
    fc.assert(
      fc.property(validCallArb, fc.constantFrom(...optionNames.slice(0, 10)), pollutionValueArb, fc.constantFrom("set", "delete", "nested"), (call, key, value, how) => {
        const { x, naive } = inputOf(call.shape, call.seed);
        const expected = reference(call, naive);
        const options: Record<string, unknown> = { ...call.options, kernelSize: [...(call.options.kernelSize as number[])] };
        let f: ((x: kex.NDArray) => kex.NDArray) | null = null;
        try {
          f = kex[call.kind](options as Loose, sumKernel);
        } catch (e) {
          if (!(e instanceof kex.KernexError) || expected !== null) throw e;
          return;
        }
        if (how === "set") options[key] = value;
        else if (how === "delete") delete options[key];
        else (options.kernelSize as unknown[])[0] = value;
        runCase(label(call, `after options.${how === "nested" ? "kernelSize[0]" : key} was ${how === "delete" ? "deleted" : `set to ${shown(value)}`}`), () => f!(x), { result: equals(expected), kernexError: expected === null });
      }),
      { seed: SEED, numRuns: 300 },
    );
    expect(tally.failures).toEqual([]);
  });

  it("config ignores settings inherited from Object.prototype", () => {
    fc.assert(
      fc.property(fc.constantFrom("workers", "codegen", "debug"), pollutionValueArb, (key, value) => {
        const before = kex.config();
        runCase(`config({}) with Object.prototype.${key} = ${shown(value)}`, () => polluted(Object.prototype, key, value, () => kex.config({})), {
          result: (after) => (JSON.stringify(after) === JSON.stringify(before) ? null : `config changed to ${JSON.stringify(after)}`),
        });
      }),
      { seed: SEED, numRuns: 60 },
    );
    expect(tally.failures).toEqual([]);
  });
});

describe("the numbered cases of issue #19, fuzzed", () => {
  it("1. huge windows are KernexErrors naming kernelSize, quickly", () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(2 ** 24 + 1, 2 ** 31 - 1, 1e8, 50_001 * 400), fc.constantFrom("constant", "wrap", "edge"), fc.boolean(), (kind, k, padMode, codegen) => {
        kex.config({ codegen });
        const placement = kind === "kmap" || kind === "kscan" ? { padding: "same" } : { offset: 0 };
        runCase(`${kind} kernelSize ${k} ${padMode} codegen=${codegen}`, () => kex[kind]({ kernelSize: k, padMode, ...placement } as Loose, (w: Loose) => w[0])(kex.ones([3])), { kernexError: /kernelSize/ });
      }),
      { seed: SEED, numRuns: 40 },
    );
    expect(tally.failures).toEqual([]);
  });

  it("2/4/7. symbol keys and unknown keys are KernexErrors whose hints name only kernex's options", () => {
    const inherited = ["toString", "valueOf", "hasOwnProperty", "constructor", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__lookupGetter__"];
    const keyArb = fc.oneof(fc.constantFrom(...inherited), fc.string({ maxLength: 8 }), fc.constantFrom("donat", "pading", "kernel_size", "workrs", "backnd"));
    fc.assert(
      fc.property(fc.constantFrom("kmap", "kscan", "smap", "sscan", "jit", "config"), keyArb, fc.boolean(), (what, key, symbol) => {
        const options: Record<PropertyKey, unknown> = what === "jit" || what === "config" ? {} : { kernelSize: 1 };
        const known = what === "jit" ? ["donate", "backend"] : what === "config" ? ["workers", "codegen", "debug", "backend", "gpu"] : optionNames.slice(0, 10);
        if (!symbol && known.includes(key)) return;
        Object.defineProperty(options, symbol ? Symbol(key) : key, { value: 1, enumerable: true });
        const call = (): unknown => (what === "jit" ? kex.jit((v: Loose) => v, options as Loose) : what === "config" ? kex.config(options as Loose) : kex[what as Kind](options as Loose, sumKernel));
        runCase(`${what} with ${symbol ? "symbol " : ""}key ${JSON.stringify(key)}`, call, {
          kernexError: symbol ? /option keys must be strings/ : new RegExp(`unknown option .*(did you mean "(${known.join("|")})"\\?)?; expected one of ${known.join(", ").replace(/[$]/g, "")}|unknown option`),
        });
        const last = tally.failures.length;
        // a hint, when there is one, is one of the known names (never a value read from a prototype)
        try {
          call();
        } catch (e) {
          const hint = /did you mean "([^"]*)"/.exec((e as Error).message)?.[1];
          if (hint !== undefined && !known.includes(hint)) tally.failures.push(`${what} key ${key}: hint ${hint} is not an option`);
        }
        expect(tally.failures.length).toBe(last);
      }),
      { seed: SEED, numRuns: 300 },
    );
    expect(tally.failures).toEqual([]);
  });

  it("5. padValue NaN and ±Infinity pad like numpy", () => {
    fc.assert(
      fc.property(validCallArb, fc.constantFrom(NaN, Infinity, -Infinity), fc.boolean(), (call, padValue, codegen) => {
        const c = { ...call, options: { ...call.options, padValue, padMode: "constant" } };
        const { x, naive } = inputOf(c.shape, c.seed);
        const expected = reference(c, naive);
        kex.config({ codegen });
        runCase(label(c, `codegen=${codegen}`), () => kex[c.kind](c.options as Loose, sumKernel)(x), { result: equals(expected), kernexError: expected === null });
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(tally.failures).toEqual([]);
  });

  it("6. reshape refuses dimensions no array could have, even when empty", () => {
    const dimArb = fc.constantFrom(2 ** 31, 1e12, 1e308, 2 ** 53, Infinity, NaN, -2, 0.5);
    fc.assert(
      fc.property(dimArb, fc.nat({ max: 2 }), (d, at) => {
        const shape = [0, 1, 1];
        shape[at] = d;
        if (at !== 0) shape[0] = 0;
        runCase(`zeros([0]).reshape([${shape}])`, () => kex.zeros([0]).reshape(shape), { kernexError: /reshape: shape/ });
      }),
      { seed: SEED, numRuns: 40 },
    );
    expect(tally.failures).toEqual([]);
  });

  it("8. kernels cannot change the caller's arrays and objects or the globals", () => {
    const writes: [string, (w: Loose, a: Loose) => unknown][] = [
      ["push", (w, a) => (a.push(7), w[0])],
      ["pop", (w, a) => (a.pop(), w[0])],
      ["sort", (w, a) => (a.sort(), w[0])],
      ["reverse", (w, a) => (a.reverse(), w[0])],
      ["fill", (w, a) => (a.fill(0), w[0])],
      ["splice", (w, a) => (a.splice(0, 1), w[0])],
      ["Object.assign", (w, a) => (Object.assign(a, { 0: 9, k: 1 }), w[0])],
      ["nested push", (w, a) => (a.inner.push(1), w[0])],
      ["Object.assign(Math)", (w) => (Object.assign(Math, { pwned: 1 }), w[0])],
      ["Object.assign(JSON)", (w) => (Object.assign(JSON, { pwned: 1 }), w[0])],
      ["Object.assign(Number)", (w) => (Object.assign(Number, { pwned: 1 }), w[0])],
      ["Object.assign(Object)", (w) => (Object.assign(Object, { pwned: 1 }), w[0])],
      ["Object.assign(Array)", (w) => (Object.assign(Array, { pwned: 1 }), w[0])],
      ["Object.assign(Math.sin)", (w) => (Object.assign(Math.sin, { pwned: 1 }), w[0])],
      ["Object.assign(kex)", (w) => (Object.assign(kex, { pwned: 1 }), w[0])],
      ["Object.freeze(arg)", (w, a) => (Object.freeze(a), w[0])],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.nat({ max: writes.length - 1 }), fc.boolean(), fc.boolean(), (kind, i, asObject, codegen) => {
        const [name, kernel] = writes[i]!;
        const arg: Loose = asObject ? { 0: 1, 1: 2, length: 2, inner: [1], push: undefined } : Object.assign([1, 2], { inner: [1] });
        const before = JSON.stringify(arg);
        kex.config({ codegen });
        const placement = kind === "kmap" || kind === "kscan" ? {} : { offset: 0 };
        // freezing the frozen copy changes nothing: a result; every other write is refused
        const freezes = name === "Object.freeze(arg)";
        runCase(`${kind} kernel ${name} on ${asObject ? "an object" : "an array"} codegen=${codegen}`, () => kex[kind]({ kernelSize: 1, ...placement } as Loose, kernel)(kex.arange(3), arg), {
          kernexError: !freezes,
          result: () => (freezes ? null : "a write into the caller's objects or a global went through"),
        });
        const globals = [Math, JSON, Number, Object, Array, Math.sin, kex] as unknown as Record<string, unknown>[];
        if (JSON.stringify(arg) !== before || Object.isFrozen(arg) || globals.some((g) => "pwned" in g)) tally.failures.push(`${kind} kernel ${name}: the caller's object or a global changed`);
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(tally.failures).toEqual([]);
  });
});
