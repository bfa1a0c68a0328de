/**
 * @file Code-injection tests: strings that try to close a quote or a call
 * and run `globalThis.pwned = 1` go into every string entry point (padding,
 * padMode, namedAxis names, named reads, mesh regions, scope keys and
 * values, kernel names, dtypes, config keys, slice specs, extra and jit
 * arguments, kernel sources). Each is rejected with a KernexError or made
 * harmless; the payload never runs (with and without code generation) and
 * never appears in the generated JavaScript (`kex.jit(f).lower(...).js`).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { PAYLOADS } from "./harness";
import { kernexError } from "../helpers/errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const state = globalThis as { pwned?: unknown };
/** Payloads that carry code (the last few are plain property names, checked separately). */
const CODE_PAYLOADS = PAYLOADS.filter((p) => p.includes("pwned"));


/** The generated JavaScript of a one-stencil function on x. */
function generatedJs(f: (x: kex.NDArray) => kex.NDArray, x: kex.NDArray): string {
  return kex.jit(f).lower(x).js;
}

function expectClean(js: string, payload: string): void {
  expect(js.length).toBeGreaterThan(0);
  expect(js).not.toContain(payload);
  expect(js).not.toContain("pwned");
}

const x5 = kex.arange(5);
const x44 = kex.arange(16).reshape([4, 4]);

beforeEach(() => {
  delete state.pwned;
});

afterEach(() => {
  kex.config({ codegen: true });
  expect(state.pwned).toBeUndefined();
});

afterAll(() => {
  expect(state.pwned).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
});

describe.each([true, false])("codegen: %s", (codegen) => {
  beforeEach(() => {
    kex.config({ codegen });
  });

  it.each(CODE_PAYLOADS)("option strings reject %j", (payload) => {
    expect(kernexError(() => kex.kmap({ kernelSize: 3, padding: payload as Loose }, (w: Loose) => w[0])(x5)).message).toContain("padding");
    expect(kernexError(() => kex.kmap({ kernelSize: 3, padding: [payload] as Loose }, (w: Loose) => w[0])(x5)).message).toContain("padding");
    expect(kernexError(() => kex.kmap({ kernelSize: 3, padMode: payload as Loose }, (w: Loose) => w[0])(x5)).message).toContain("padMode");
    expect(kernexError(() => kex.kmap({ kernelSize: 3, namedAxis: { 0: payload } }, (w: Loose) => w[0])(x5)).message).toContain("namedAxis");
    expect(kernexError(() => kex.kmap({ kernelSize: 3, [payload]: 1 } as Loose, (w: Loose) => w[0])).message).toContain("unknown option");
    expect(kernexError(() => kex.zeros([2], payload as Loose)).message).toContain("dtype");
    expect(kernexError(() => kex.array([1], { dtype: payload as Loose })).message).toContain("dtype");
    expect(kernexError(() => kex.astype(x5, payload as Loose)).message).toContain("dtype");
    expect(kernexError(() => kex.config({ [payload]: 1 } as Loose)).message).toContain("config");
    expect(kernexError(() => x5.slice(payload)).message).toContain("slice");
    expect(kernexError(() => x5.with(payload, 1)).message).toContain("with");
  });

  it.each(CODE_PAYLOADS)("named reads reject %j", (payload) => {
    const f = kex.kmap({ kernelSize: [3, 3], namedAxis: { 0: "n", 1: "i" } }, (w: Loose, name: Loose) => w.at(name, "i"));
    expect(kernexError(() => f(x44, payload)).message).toContain("not a named index");
    // a valid named read compiles to numeric offsets only
    const g = kex.kmap({ kernelSize: [3, 3], relative: true, namedAxis: { 0: "n", 1: "i" } }, (w: Loose) => w.at("n+1", "i") - w.at("n-1", "i"));
    expectClean(generatedJs(g, x44), "n+1");
  });

  it.each(CODE_PAYLOADS)("mesh regions reject %j", (payload) => {
    const F = kex.kmap({ kernelSize: 3, padding: "same" });
    (F.at as Record<string, unknown>)[payload] = (w: Loose) => w[0];
    expect(kernexError(() => F(x5)).message).toContain("mesh region");
    const G = kex.kmap({ kernelSize: 3, padding: "same" }).set(":", (w: Loose) => w[1]).set(payload, (w: Loose) => w[0]);
    expect(kernexError(() => G(x5)).message).toContain("mesh region");
  });

  it.each(CODE_PAYLOADS)("scope keys and values stay out of the code: %j", (payload) => {
    const scope: Record<string, unknown> = { [payload]: 1, c: 2, label: payload };
    const f = kex.kmap({ kernelSize: 3, scope }, (w: Loose) => w[0] * c + label.length);
    const y = f(x5);
    expect(Array.from(y.data)).toEqual([0, 1, 2].map((v) => v * 2 + payload.length));
    expectClean(generatedJs(f, x5), payload);
  });

  it.each(CODE_PAYLOADS)("kernel names are only ever quoted: %j", (payload) => {
    const kernel = (w: Loose) => w[0] + w[2];
    Object.defineProperty(kernel, "name", { value: payload });
    const f = kex.kmap({ kernelSize: 3 }, kernel);
    expect(Array.from(f(x5).data)).toEqual([2, 4, 6]);
    expectClean(generatedJs(f, x5), payload);
    const bad = (w: Loose) => w[7];
    Object.defineProperty(bad, "name", { value: payload });
    kernexError(() => kex.kmap({ kernelSize: 3 }, bad)(x5));
    const throwing = () => {
      throw new Error(payload);
    };
    Object.defineProperty(throwing, "name", { value: payload });
    expect(kernexError(() => kex.kmap({ kernelSize: 3 }, throwing)(x5)).message).toContain(JSON.stringify(payload));
  });

  it.each(CODE_PAYLOADS)("string arguments and string literals in kernels stay out of the code: %j", (payload) => {
    const f = kex.kmap({ kernelSize: 3 }, (w: Loose, s: Loose) => w[1] * s.length);
    expect(Array.from(f(x5, payload).data)).toEqual([1, 2, 3].map((v) => v * payload.length));
    const jitted = kex.jit((a: kex.NDArray, s: string) => f(a, s));
    expect(Array.from(jitted(x5, payload).data)).toEqual([1, 2, 3].map((v) => v * payload.length));
    const js = jitted.lower(x5, payload).js;
    expectClean(js, payload);
    // a kernel whose own source holds the payload in a string and a template literal
    const literal = new Function("kex", `return (w) => w[0] + ${JSON.stringify(payload)}.length + \`${payload.replace(/[`\\$]/g, "\\$&")}\`.length;`)(kex) as (w: Loose) => unknown;
    const g = kex.kmap({ kernelSize: 3 }, literal);
    expect(Array.from(g(x5).data)).toEqual([0, 1, 2].map((v) => v + 2 * payload.length));
    expectClean(generatedJs(g, x5), payload);
  });
});

describe.each([true, false])("kernel sources that reach for code, codegen: %s", (codegen) => {
  beforeEach(() => {
    kex.config({ codegen });
  });

  const escapes: [string, string][] = [
    ["a free global", "(w) => { globalThis.pwned = 1; return w[0]; }"],
    ["the Function constructor by name", "(w) => Function('globalThis.pwned = 1')()"],
    ["eval", "(w) => eval('globalThis.pwned = 1')"],
    ["constructor.constructor", "(w) => w.constructor.constructor('globalThis.pwned = 1')()"],
    ["a number's constructor", "(w) => (1).constructor.constructor('globalThis.pwned = 1')()"],
    ["a computed constructor", "(w) => (1)['constr' + 'uctor']['constr' + 'uctor']('globalThis.pwned = 1')()"],
    ["a computed constructor on Math", "(w) => { const k = 'constructor'; return Math.max[k](\"globalThis.pwned = 1\")(); }"],
    ["destructuring the constructor", "(w) => { const { constructor: F } = Math.max; return F('globalThis.pwned = 1')(); }"],
    ["a computed destructuring key", "(w) => { const { ['constr' + 'uctor']: F } = Math.max; return F('globalThis.pwned = 1')(); }"],
    ["__proto__", "(w) => ({}).__proto__.constructor.constructor('globalThis.pwned = 1')()"],
    ["property descriptors", "(w) => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Math.max), 'constructor').value('globalThis.pwned = 1')()"],
    ["prototype", "(w) => Array.prototype.map.constructor('globalThis.pwned = 1')()"],
    ["an inherited scope name", "(w) => hasOwnProperty('x') + w[0]"],
    ["a reserved name", "(w) => { const __k = 1; return w[0]; }"],
    ["new", "(w) => new Function('globalThis.pwned = 1')()"],
    ["import()", "(w) => import('data:text/javascript,globalThis.pwned=1')"],
    ["this", "function (w) { return this.pwned = 1; }"],
    ["arguments.callee", "function (w) { return arguments.callee; }"],
  ];

  it.each(escapes)("%s is rejected before it runs", (_name, source) => {
    let kernel: unknown;
    try {
      kernel = new Function("kex", `return (${source});`)(kex);
    } catch {
      return; // JavaScript itself refuses the text: nothing to hand to kernex
    }
    const e = kernexError(() => kex.kmap({ kernelSize: 3, scope: {} }, kernel as Loose)(x5));
    expect(e.message.length).toBeGreaterThan(10);
    expect(state.pwned).toBeUndefined();
  });

  it("a scope helper is held to the same rules", () => {
    const helper = new Function("return (v) => v.constructor.constructor('globalThis.pwned = 1')()")() as (v: unknown) => unknown;
    kernexError(() => kex.kmap({ kernelSize: 3, scope: { helper } }, (w: Loose) => helper(w))(x5));
  });

  it("__proto__ keys in options parsed from JSON neither pollute nor pass", () => {
    const options = JSON.parse('{"kernelSize": 3, "__proto__": {"polluted": 1}}');
    kernexError(() => kex.kmap(options, (w: Loose) => w[0]));
    const named = JSON.parse('{"kernelSize": 3, "namedAxis": {"__proto__": "i"}}');
    kernexError(() => kex.kmap(named, (w: Loose) => w[0])(x5));
    const scope = JSON.parse('{"__proto__": {"polluted": 1}, "c": 2}');
    expect(Array.from(kex.kmap({ kernelSize: 3, scope }, (w: Loose) => w[0] * c)(x5).data)).toEqual([0, 2, 4]);
    kernexError(() => kex.config(JSON.parse('{"__proto__": {"polluted": 1}}')));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// kernels above read `c` and `label` from options.scope
declare const c: number;
declare const label: string;
