/**
 * @file Property-based bad-input tests: generated wrong options, malformed
 * mesh specs, broken kernels, non-array inputs and junk arguments to the
 * array functions. Every case must either work or throw a KernexError whose
 * message names the problem — never a TypeError/RangeError from inside, a
 * hang, or generated code that fails to compile. Each property records its
 * failures instead of stopping at the first, so a run reports how many of
 * its generated cases failed; the test then requires zero.
 */
import fc from "fast-check";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { junkArb, kernelFromSource, kernelSourceArb, outcomeOf, problemWith, wrongArb, type Outcome } from "./harness";

type Kind = "kmap" | "kscan" | "smap" | "sscan";
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const SEED = 42;
const kinds: readonly Kind[] = ["kmap", "kscan", "smap", "sscan"];

/** Cases run and failures found, per property (printed after the file). */
const tally = new Map<string, { cases: number; failures: string[] }>();

function record(property: string, label: string, outcome: Outcome, expectation: Parameters<typeof problemWith>[1]): void {
  const entry = tally.get(property) ?? { cases: 0, failures: [] };
  tally.set(property, entry);
  entry.cases++;
  const problem = problemWith(outcome, expectation);
  if (problem !== null) entry.failures.push(`${label}\n    -> ${problem}`);
}

function failuresOf(property: string): string[] {
  return tally.get(property)?.failures ?? [];
}

/** Show a value inside a case label (never throws). */
function lbl(v: unknown): string {
  try {
    if (typeof v === "symbol" || typeof v === "bigint") return String(v) + (typeof v === "bigint" ? "n" : "");
    if (typeof v === "function") return `fn ${v.name}`;
    if (v instanceof kex.NDArray) return `NDArray[${v.shape}]`;
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

afterEach(() => {
  kex.config({ codegen: true });
});

afterAll(() => {
  let cases = 0;
  let failures = 0;
  for (const [name, t] of tally) {
    cases += t.cases;
    failures += t.failures.length;
    console.log(`[bad-input] ${name}: ${t.cases} cases, ${t.failures.length} failures`);
  }
  console.log(`[bad-input] total: ${cases} generated cases, ${failures} failures`);
});

const sumKernel = (w: Loose) => kex.sum(w);

/** A valid input and valid options for it, to corrupt one option of. */
const baseArb = fc
  .record({
    kind: fc.constantFrom(...kinds),
    shape: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
    dtype: fc.constantFrom("float64", "float32"),
    seed: fc.nat(),
  })
  .chain((b) =>
    fc.record({
      base: fc.constant(b),
      kernelSize: fc.tuple(...b.shape.map((n) => fc.integer({ min: 1, max: n }))),
      strides: fc.integer({ min: 1, max: 3 }),
    }),
  );

const optionKeys: Record<Kind, readonly string[]> = {
  kmap: ["kernelSize", "strides", "padding", "dilation", "padMode", "padValue", "relative", "namedAxis", "scope"],
  kscan: ["kernelSize", "strides", "padding", "dilation", "padMode", "padValue", "relative", "namedAxis", "scope", "reverse"],
  smap: ["kernelSize", "strides", "offset", "dilation", "padMode", "padValue", "relative", "namedAxis", "scope"],
  sscan: ["kernelSize", "strides", "offset", "dilation", "padMode", "padValue", "relative", "namedAxis", "scope", "reverse"],
};

function inputOf(shape: readonly number[], dtype: "float64" | "float32"): kex.NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  return kex.array(Float64Array.from({ length: n }, (_, i) => ((i * 7) % 11) - 3), { shape: [...shape], dtype });
}

describe("wrong options", () => {
  it("one corrupted option: works or a KernexError naming that option", () => {
    const property = "one corrupted option";
    const caseArb = fc.tuple(baseArb, fc.nat(), wrongArb, fc.boolean(), fc.nat({ max: 2 }), fc.boolean());
    fc.assert(
      fc.property(caseArb, ([{ base, kernelSize, strides }, keyPick, bad, perDim, dim, codegen]) => {
        const keys = optionKeys[base.kind];
        const key = keys[keyPick % keys.length]!;
        const options: Record<string, unknown> = { kernelSize, strides };
        // a per-dim list with one wrong entry, or the wrong value for the whole option
        const value = perDim && base.shape.length > 1 ? base.shape.map((_, d) => (d === dim % base.shape.length ? bad : key === "kernelSize" ? kernelSize[d] : 1)) : bad;
        options[key] = value;
        const x = inputOf(base.shape, base.dtype as "float64");
        kex.config({ codegen });
        const outcome = outcomeOf(() => kex[base.kind](options as Loose, sumKernel)(x));
        record(property, `${base.kind}(${lbl(options)}) on [${base.shape}] ${base.dtype} codegen=${codegen}`, outcome, { names: [key], mayWork: true });
      }),
      { seed: SEED, numRuns: 1500 },
    );
    expect(failuresOf(property)).toEqual([]);
  });

  it("unknown option keys and non-object options", () => {
    const property = "option object";
    const optionsArb = fc.oneof(
      junkArb,
      fc.tuple(fc.oneof(fc.constantFrom("kernel_size", "pad_mode", "named_axis", "pad_value", "stride", "offsets", "__proto__", "constructor", "toString", "i'); globalThis.pwned = 1; ('"), fc.string({ maxLength: 6 })), junkArb).map(([k, v]) => {
        const o: Record<string, unknown> = { kernelSize: 1 };
        Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
        return o;
      }),
      fc.constantFrom<unknown>(Object.assign(Object.create(null), { kernelSize: 1 }), Object.freeze({ kernelSize: 1, padding: "same" }), new (class Opts { kernelSize = 1; })(), { kernelSize: 1, [Symbol("s")]: 2 }, new Proxy({ kernelSize: 1 }, {})),
    );
    fc.assert(
      fc.property(fc.constantFrom(...kinds), optionsArb, (kind, options) => {
        const x = inputOf([4, 3], "float64");
        const outcome = outcomeOf(() => kex[kind](options as Loose, sumKernel)(x));
        record(property, `${kind}(${lbl(options)})`, outcome, { names: ["option", "kernelSize", kind], mayWork: true });
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(failuresOf(property)).toEqual([]);
  });

  it("valid but extreme geometry: size-1 axes, kernelSize -1, huge strides, negative padding", () => {
    const property = "extreme geometry";
    // Huge padding is paired with huge strides (a small grid) or with stride 1 (a grid past
    // the array size limit): in between, the request is valid and merely takes minutes.
    const hugePad = fc.constantFrom(2 ** 30, 2 ** 31 - 1);
    const geometry = fc.oneof(
      fc.record({ padding: fc.oneof(fc.constantFrom<unknown>("same", "valid", "SAME", 0, -1, -2, -(2 ** 31 - 1)), fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }))), strides: fc.constantFrom(1, 2, 7, 1000, 2 ** 20, 2 ** 31 - 1), dilation: fc.constantFrom(1, 1, 2, 3, 2 ** 30) }),
      fc.record({ padding: fc.oneof(hugePad, fc.tuple(fc.integer({ min: -3, max: 3 }), hugePad)), strides: fc.constantFrom(2 ** 26, 2 ** 30, 2 ** 31 - 1), dilation: fc.constantFrom(1, 2, 2 ** 30) }),
      fc.record({ padding: hugePad, strides: fc.constant(1), dilation: fc.constantFrom(1, 2) }),
    );
    const geomArb = fc.record({
      kind: fc.constantFrom(...kinds),
      shape: fc.array(fc.constantFrom(1, 1, 2, 5), { minLength: 1, maxLength: 3 }),
      kernelSize: fc.constantFrom(-1, 1, 2, 3),
      geometry,
      offset: fc.constantFrom(0, 1, 2, 2 ** 31 - 1),
      padMode: fc.constantFrom("constant", "edge", "reflect", "symmetric", "wrap"),
      codegen: fc.boolean(),
    });
    fc.assert(
      fc.property(geomArb, (g) => {
        const x = inputOf(g.shape, "float64");
        const { padding, strides, dilation } = g.geometry;
        const options: Record<string, unknown> = { kernelSize: g.kernelSize, strides, dilation, padMode: g.padMode };
        if (g.kind === "kmap" || g.kind === "kscan") options.padding = Array.isArray(padding) ? g.shape.map(() => padding) : padding;
        else options.offset = g.offset;
        kex.config({ codegen: g.codegen });
        const outcome = outcomeOf(() => kex[g.kind](options as Loose, g.kind === "kmap" ? (w: Loose) => w : sumKernel)(x));
        record(property, `${g.kind}(${lbl(options)}) on [${g.shape}] codegen=${g.codegen}`, outcome, { names: ["kernelSize", "strides", "dilation", "padding", "offset", "padMode", "too large", "elements"], mayWork: true });
      }),
      { seed: SEED, numRuns: 600 },
    );
    expect(failuresOf(property)).toEqual([]);
  });
});

describe("malformed function meshes", () => {
  it("region specs of every shape: works or a KernexError about the mesh", () => {
    const property = "mesh specs";
    const specText = fc.stringMatching(/^[0-9:,.\- +a-z;()'"`\[\]{}\\$]{0,10}$/);
    const specArb = fc.oneof(specText, junkArb, fc.constantFrom<unknown>("0", "1:", ":, 0", ":, -1", "...", "::-1", "-1", "1:-1, ::2", "9", "0, 0, 0, 0", "1:2:0", "99999999999999999999", "0.5", "1e3", ""));
    const kernelArb = fc.oneof(fc.constant<unknown>(sumKernel), fc.constant<unknown>((w: Loose) => w), junkArb);
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.array(fc.tuple(specArb, kernelArb, fc.boolean()), { minLength: 0, maxLength: 3 }), (kind, entries) => {
        const x = inputOf([5, 4], "float64");
        const outcome = outcomeOf(() => {
          const F = kex[kind]({ kernelSize: 3, ...(kind === "kmap" || kind === "kscan" ? { padding: "same" } : { offset: 1 }) });
          for (const [spec, kernel, viaSet] of entries) {
            if (viaSet) F.set(spec as Loose, kernel as Loose);
            else (F.at as Record<PropertyKey, unknown>)[spec as PropertyKey] = kernel;
          }
          return F(x);
        });
        record(property, `${kind} mesh ${lbl(entries.map(([s, k, v]) => [s, typeof k === "function" ? k.name || "fn" : k, v]))}`, outcome, { names: ["mesh", "kernel"], mayWork: true });
      }),
      { seed: SEED, numRuns: 800 },
    );
    expect(failuresOf(property)).toEqual([]);
  });
});

describe("broken kernels", () => {
  it("generated kernel sources: works or a KernexError", () => {
    const property = "kernel sources";
    const extraArb = fc.oneof(fc.constant<unknown>(undefined), fc.constant<unknown>(2), fc.constant<unknown>("s"), fc.constant<unknown>([1, 2, 3]), fc.constant<unknown>(null), fc.constant<unknown>(kex.ones([3])), fc.constant<unknown>(kex.ones([3, 3])), fc.constant<unknown>({ a: 1 }));
    fc.assert(
      fc.property(fc.constantFrom(...kinds), kernelSourceArb(3), extraArb, fc.constantFrom([6], [5, 5]), fc.boolean(), (kind, src, extra, shape, codegen) => {
        const kernel = kernelFromSource(src);
        if (kernel === null) return;
        const x = inputOf(shape, "float64");
        const options: kex.StencilOptions = { kernelSize: shape.map(() => 3), ...(kind === "kmap" || kind === "kscan" ? { padding: "same" } : { offset: 1 }) };
        kex.config({ codegen });
        const outcome = outcomeOf(() => kex[kind](options, kernel)(x, extra));
        record(property, `${kind} [${shape}] codegen=${codegen} extra=${lbl(extra)} kernel: ${src}`, outcome, { names: [], mayWork: true });
      }),
      { seed: SEED, numRuns: 1500 },
    );
    expect(failuresOf(property)).toEqual([]);
  });

  it("kernels that throw, read outside the window, return wrong shapes or use unsupported syntax", () => {
    const property = "broken kernels";
    const broken: [string, (...a: Loose[]) => unknown, readonly string[]][] = [
      ["throws Error", () => { throw new Error("boom"); }, ["boom"]],
      ["throws RangeError", () => { throw new RangeError("user range error"); }, ["user range error"]],
      ["throws a string", () => { throw "str"; }, ["str"]],
      ["throws undefined", () => { throw undefined; }, ["kernel"]],
      ["reads a property of undefined", (w: Loose) => w.nope.deeper, ["kernel"]],
      ["calls a non-function", (w: Loose) => w.nope(), ["kernel"]],
      ["reads past the end", (w: Loose) => w[9], ["index 9"]],
      ["reads before the start", (w: Loose) => w[-9], ["index -9"]],
      ["fractional index", (w: Loose) => w[0.5], ["0.5"]],
      ["string index", (w: Loose) => w["a"], ["a"]],
      ["too many indices", (w: Loose) => w.at(0, 0, 0), ["indices"]],
      ["returns a string", () => "s", ["returned"]],
      ["returns undefined", () => undefined, ["returned"]],
      ["returns an object", () => ({ a: 1 }), ["returned"]],
      ["returns an empty array", () => [], ["returned"]],
      ["returns a ragged array", (w: Loose) => [w[0], [w[1], w[2]]], ["kernel", "stack", "shape"]],
      ["returns the window", (w: Loose) => w, ["one number per window", "shape"]],
      ["returns a bigint", () => 1n, ["returned"]],
      ["returns a symbol", () => Symbol("s"), ["returned", "Symbol"]],
      ["returns NaN", () => NaN, []],
      ["uses new", () => new Array(3), ["new"]],
      ["uses this", function (this: unknown) { return this; }, ["this"]],
      ["async", async () => 1, ["async"]],
      ["generator", function* () { yield 1; }, ["generator"]],
      ["bitwise", (w: Loose) => w[0] | 1, ["|"]],
      ["writes into the window", (w: Loose) => { w[0] = 1; return 1; }, ["assignment"]],
      ["free variable", () => (globalThis as Loose).notThere, ["globalThis"]],
      ["eval", () => eval("1"), ["eval"]],
      ["a class", class K {}, ["class"]],
      ["native function", Math.sin, ["native"]],
      ["bound function", ((w: Loose) => w[0]).bind(null), ["bound"]],
      ["Math.random", () => Math.random(), ["random"]],
      ["sloppy with", new Function("x", "with (x) { return 1; }") as Loose, ["with"]],
      ["recursion without end", function f(w: Loose): unknown { return f(w); }, ["kernel", "stack"]],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.nat({ max: broken.length - 1 }), fc.boolean(), (kind, i, codegen) => {
        const [name, kernel, names] = broken[i]!;
        const x = inputOf([6], "float64");
        const options: kex.StencilOptions = { kernelSize: 3, ...(kind === "kmap" || kind === "kscan" ? { padding: "same" } : { offset: 1 }) };
        kex.config({ codegen });
        const outcome = outcomeOf(() => kex[kind](options, kernel)(x));
        const mayWork = name === "returns NaN" || (name === "returns the window" && kind === "kmap");
        record(property, `${kind} kernel that ${name} codegen=${codegen}`, outcome, { names, mayWork });
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(failuresOf(property)).toEqual([]);
  });

  it("mesh kernels returning different shapes", () => {
    const property = "mesh kernel shapes";
    fc.assert(
      fc.property(fc.constantFrom<Kind>("kmap"), fc.constantFrom<[string, (w: Loose) => unknown]>(["window", (w) => w], ["scalar", sumKernel], ["pair", (w) => [w[0], w[1]]]), (kind, [name, other]) => {
        const F = kex[kind]({ kernelSize: 3, padding: "same" });
        F.at[":"] = sumKernel;
        F.at["1:"] = other;
        const outcome = outcomeOf(() => F(inputOf([5], "float64")));
        record(property, `${kind} mesh scalar + ${name}`, outcome, { names: ["same shape"], mayWork: name === "scalar" });
      }),
      { seed: SEED, numRuns: 20 },
    );
    expect(failuresOf(property)).toEqual([]);
  });
});

describe("non-array inputs and junk arguments", () => {
  it("stencil inputs that are not arrays", () => {
    const property = "stencil inputs";
    const fakes: unknown[] = [Object.create(kex.NDArray.prototype), { shape: [3], dtype: "float64", data: new Float64Array(3) }];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.oneof(junkArb, fc.constantFrom(...fakes)), (kind, x) => {
        const options = { kernelSize: 1 };
        const outcome = outcomeOf(() => kex[kind](options, sumKernel)(x as Loose));
        const isArray = x instanceof kex.NDArray && Array.isArray((x as { shape?: unknown }).shape);
        record(property, `${kind} input ${lbl(x)}`, outcome, { names: ["input", "kernelSize", "0-d"], mayWork: isArray });
      }),
      { seed: SEED, numRuns: 300 },
    );
    expect(failuresOf(property)).toEqual([]);
  });

  const arrays = (): unknown[] => [kex.ones([3]), kex.arange(6).reshape([2, 3]), kex.zeros([0]), kex.array(5), kex.ones([2, 1], "float32"), kex.full([1, 3], NaN)];
  const argArb = fc.oneof({ weight: 2, arbitrary: fc.nat({ max: 5 }).map((i) => arrays()[i]) }, { weight: 3, arbitrary: wrongArb });

  const functions: Record<string, { readonly arity: number; readonly names: readonly string[] }> = {
    add: { arity: 2, names: ["add"] }, sub: { arity: 2, names: ["sub"] }, mul: { arity: 2, names: ["mul"] }, div: { arity: 2, names: ["div"] },
    pow: { arity: 2, names: ["pow"] }, mod: { arity: 2, names: ["mod"] }, maximum: { arity: 2, names: ["maximum"] }, minimum: { arity: 2, names: ["minimum"] },
    atan2: { arity: 2, names: ["atan2"] }, less: { arity: 2, names: ["less"] }, greater: { arity: 2, names: ["greater"] }, lessEqual: { arity: 2, names: ["lessEqual"] },
    greaterEqual: { arity: 2, names: ["greaterEqual"] }, equal: { arity: 2, names: ["equal"] }, notEqual: { arity: 2, names: ["notEqual"] },
    neg: { arity: 1, names: ["neg"] }, exp: { arity: 1, names: ["exp"] }, log: { arity: 1, names: ["log"] }, sqrt: { arity: 1, names: ["sqrt"] }, abs: { arity: 1, names: ["abs"] },
    square: { arity: 1, names: ["square"] }, tanh: { arity: 1, names: ["tanh"] },
    where: { arity: 3, names: ["where"] }, sum: { arity: 2, names: ["sum"] }, mean: { arity: 2, names: ["mean"] }, max: { arity: 2, names: ["max"] }, min: { arity: 2, names: ["min"] }, prod: { arity: 2, names: ["prod"] },
    stack: { arity: 2, names: ["stack"] }, concatenate: { arity: 2, names: ["concatenate"] }, transpose: { arity: 2, names: ["transpose"] }, reshape: { arity: 2, names: ["reshape"] },
    flip: { arity: 2, names: ["flip"] }, astype: { arity: 2, names: ["astype", "dtype"] }, broadcastTo: { arity: 2, names: ["broadcastTo"] },
  };

  it("array functions with junk arguments", () => {
    const property = "array functions";
    const names = Object.keys(functions);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(argArb, { minLength: 0, maxLength: 3 }), (name, args) => {
        const outcome = outcomeOf(() => (kex as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args));
        record(property, `kex.${name}(${args.map(lbl).join(", ")})`, outcome, { names: functions[name]!.names, mayWork: true });
      }),
      { seed: SEED, numRuns: 1500 },
    );
    expect(failuresOf(property)).toEqual([]);
  });

  it("array creation with junk arguments", () => {
    const property = "array creation";
    const creators = ["array", "zeros", "ones", "full", "arange", "linspace", "slice"] as const;
    const shapeLike = fc.oneof(wrongArb, fc.constantFrom<unknown>([1e6, 1e6], [2 ** 31], [2 ** 32], [2 ** 53], [0, 1e300], [65536, 65536], [3, -1], [2.5]));
    fc.assert(
      fc.property(fc.constantFrom(...creators), fc.array(shapeLike, { minLength: 0, maxLength: 3 }), (name, args) => {
        const outcome = outcomeOf(() => (kex as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args));
        record(property, `kex.${name}(${args.map(lbl).join(", ")})`, outcome, { names: [name], mayWork: true });
      }),
      { seed: SEED, numRuns: 800 },
    );
    expect(failuresOf(property)).toEqual([]);
  });

  it("array methods with junk arguments", () => {
    const property = "array methods";
    const methods = ["get", "reshape", "slice", "set", "item", "sum", "max", "add"] as const;
    fc.assert(
      fc.property(fc.constantFrom(...methods), fc.nat({ max: 5 }), fc.array(fc.oneof(wrongArb, fc.constantFrom<unknown>("1:", "::-1", ":, 0", "0", [0, kex.slice(null, null, -1)])), { minLength: 0, maxLength: 3 }), (method, which, args) => {
        const x = arrays()[which] as kex.NDArray;
        const outcome = outcomeOf(() => (x as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args));
        const names = method === "set" ? ["set", "broadcast"] : method === "add" ? ["add"] : method === "item" ? ["item"] : [method, method === "sum" || method === "max" ? "axis" : method];
        record(property, `NDArray[${x.shape}].${method}(${args.map(lbl).join(", ")})`, outcome, { names, mayWork: true });
      }),
      { seed: SEED, numRuns: 600 },
    );
    expect(failuresOf(property)).toEqual([]);
  });

  it("jit, makeIR and config with junk arguments", () => {
    const property = "transforms and config";
    fc.assert(
      fc.property(fc.constantFrom("jit", "makeIR", "jitCall", "config"), wrongArb, wrongArb, (what, a, b) => {
        const outcome = outcomeOf(() => {
          if (what === "jit") return kex.jit(a as Loose);
          if (what === "makeIR") return kex.makeIR((x: Loose) => kex.sum(x))(a as Loose);
          if (what === "jitCall") return kex.jit((x: Loose, y: Loose) => kex.add(x, y))(a as Loose, b as Loose);
          const saved = kex.config();
          try {
            return kex.config(typeof a === "object" && a !== null ? (a as Loose) : ({ [typeof b === "string" ? b : "setting"]: a } as Loose));
          } finally {
            kex.config(saved);
          }
        });
        const names = what === "config" ? ["config"] : what === "jitCall" ? ["add", "jit", "broadcast"] : [what === "jit" ? "jit" : "makeIR"];
        record(property, `${what}(${lbl(a)}, ${lbl(b)})`, outcome, { names, mayWork: true });
      }),
      { seed: SEED, numRuns: 500 },
    );
    expect(failuresOf(property)).toEqual([]);
  });
});
