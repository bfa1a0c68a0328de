/**
 * @file Free-variable analysis (what counts as declared inside a kernel) and
 * binding of outside names to options.scope and the builtins, including
 * helper functions from the scope, which are rewritten like kernels.
 */

import { describe, expect, it } from "vitest";
import { KernexError } from "../../src/errors";
import * as opsApi from "../../src/kernel/ops-api";
import {
  bindFreeVariables,
  compileKernel,
  findFreeVariables,
  parseKernelSource,
  type KernelOps,
} from "../../src/kernel";
import { plainControlFlow } from "../../src/kernel/control-flow-ops";

function freeNames(source: string): readonly string[] {
  return findFreeVariables(parseKernelSource(source, 'kernel "test"')).names;
}

function assignedNames(source: string): readonly string[] {
  return findFreeVariables(parseKernelSource(source, 'kernel "test"')).assigned;
}

/** Ops that build the expression as text, so a result shows which operations ran. */
const symbolicOps: KernelOps = (() => {
  const bin = (name: string) => (a: unknown, b: unknown) => `${name}(${String(a)}, ${String(b)})`;
  return {
    add: bin("add"),
    sub: bin("sub"),
    mul: bin("mul"),
    div: bin("div"),
    mod: bin("mod"),
    pow: bin("pow"),
    lt: bin("lt"),
    gt: bin("gt"),
    le: bin("le"),
    ge: bin("ge"),
    eq: (a, b) => a === b,
    ne: (a, b) => a !== b,
    neg: (a) => `neg(${String(a)})`,
    pos: (a) => `pos(${String(a)})`,
    not: (a) => !a,
    and: (a, b) => a && b(),
    or: (a, b) => a || b(),
    cond: (c, a, b) => (c ? a() : b()),
    index: (obj, idx) => `${String(obj)}[${idx.join(", ")}]`,
    math: { sin: (a) => `sin(${String(a)})`, cos: (a) => `cos(${String(a)})` },
    ...plainControlFlow,
  };
})();

describe("findFreeVariables", () => {
  it("counts parameters, destructuring and defaults as declared; defaults may read outside names", () => {
    expect(freeNames("({ a, b: [c = d] }, ...rest) => a + c + rest.length + e")).toEqual(["d", "e"]);
  });

  it("hoists var to the function scope", () => {
    expect(freeNames("(x) => { if (x) { var v = 1; } return v; }")).toEqual([]);
  });

  it("scopes let and const to their block", () => {
    expect(freeNames("(x) => { { let v = 1; const w = 2; } return v + w; }")).toEqual(["v", "w"]);
  });

  it("scopes loop-head declarations to the loop", () => {
    expect(freeNames("(x) => { for (let i = 0; i < 3; i++) {} for (const k of x) {} return i + k; }")).toEqual([
      "i",
      "k",
    ]);
  });

  it("hoists function declarations, including ones used before they appear", () => {
    expect(freeNames("function (x) { return f(x) + g(x); function f(a) { return a; } }")).toEqual(["g"]);
  });

  it("scopes catch parameters to the catch clause", () => {
    expect(freeNames("(x) => { try { return x; } catch (err) { return err; } return err; }")).toEqual(["err"]);
  });

  it("sees nested function parameters only inside them", () => {
    expect(freeNames("(x) => x.map((y) => y + z) + y")).toEqual(["z", "y"]);
  });

  it("binds a named function expression's name inside it only", () => {
    expect(freeNames("function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }")).toEqual([]);
  });

  it("does not count property names, object keys or labels as variables", () => {
    expect(freeNames("(x) => { outer: for (;;) { break outer; } return { foo: x.bar, [key]: 1 }; }")).toEqual([
      "key",
    ]);
  });

  it("leaves the allowed globals out of the names to bind", () => {
    const free = findFreeVariables(
      parseKernelSource("(x) => Math.sin(x) + Number.EPSILON + (isNaN(x) ? NaN : Infinity) + undefined", "k"),
    );
    expect(free.names).toEqual([]);
    expect([...free.references].map((id) => id.name)).toEqual(["Math", "Number", "isNaN", "NaN", "Infinity", "undefined"]);
  });

  it("lets an inner declaration shadow an outer name", () => {
    expect(freeNames("(x) => { const c = 2; return ((c) => c * x)(c) + d; }")).toEqual(["d"]);
  });

  it("scopes let inside switch cases to the switch", () => {
    expect(freeNames("(x) => { switch (x) { case 1: let q = 2; return q; } return q; }")).toEqual(["q"]);
  });

  it("records which properties are read from each free name", () => {
    const free = findFreeVariables(parseKernelSource("(x) => kex.sum(x) + kex.max(x) * (0, lib.f)(x) + c + c.k", "k"));
    expect([...free.memberUses]).toEqual([
      ["kex", ["sum", "max"]],
      ["lib", ["f"]],
      ["c", null],
    ]);
  });

  it("records assignments to undeclared names", () => {
    expect(assignedNames("(x) => { total = x; count += 1; n++; let ok = 1; ok = 2; }")).toEqual([
      "total",
      "count",
      "n",
    ]);
  });
});

describe("binding outside names", () => {
  it("names the variable and shows both fixes", () => {
    const kernel = function linear_convection(x: number[]) {
      // @ts-expect-error -- `c` is deliberately not defined: the error is the point
      return x[0] - c * (x[1] - x[0]);
    };
    expect(() => compileKernel(kernel, {})).toThrow(
      new KernexError(
        'kernel "linear_convection" uses "c", which is defined outside the kernel. kernex rebuilds kernels from ' +
          "their source, so outside variables must be passed in: either as an extra argument — " +
          "kex.kmap(options, (x, c) => ...)(array, c) — or through options.scope — " +
          "kex.kmap({ ...options, scope: { c } }, kernel).",
      ),
    );
  });

  it("lists every missing name at once, after the kernel's own parameters", () => {
    const kernel = (x: number[], w: number[]) =>
      // @ts-expect-error -- dt and dx are deliberately not defined
      (x[0] * w[0] * dt) / dx;
    expect(() => compileKernel(kernel, { name: "step" })).toThrow(
      /kernel "step" uses "dt" and "dx", which are defined outside the kernel.*\(x, w, dt, dx\) => \.\.\.\)\(array, w, dt, dx\).*scope: \{ dt, dx \}/,
    );
  });

  it("binds names from options.scope", () => {
    const c = 0.25;
    const compiled = compileKernel((x: number[]) => c * x[0], { scope: { c } });
    expect(compiled(symbolicOps, "x")).toBe("mul(0.25, x[0])");
  });

  it("binds names from the builtins, and the scope wins over them", () => {
    const kex = { tag: "builtin" };
    const kernel = (x: number[]) => kex.tag + x[0];
    expect(compileKernel(kernel, { builtins: { kex } })(symbolicOps, "x")).toBe("add(builtin, x[0])");
    expect(compileKernel(kernel, { builtins: { kex }, scope: { kex: { tag: "mine" } } })(symbolicOps, "x")).toBe(
      "add(mine, x[0])",
    );
  });

  it("does not bake values into the compiled source: the same kernel with other values", () => {
    let c = 1;
    const kernel = (x: number[]) => c + x[0];
    const first = compileKernel(kernel, { scope: { c } });
    c = 2;
    const second = compileKernel(kernel, { scope: { c } });
    expect(first.source).toBe(second.source);
    expect(first(symbolicOps, "x")).toBe("add(1, x[0])");
    expect(second(symbolicOps, "x")).toBe("add(2, x[0])");
  });

  it("binds a name a module transform gave an import to the builtins namespace it stands for", () => {
    const kex = { sum: (v: unknown) => `sum(${String(v)})`, max: () => 0 };
    const label = 'kernel "k"';
    const free = findFreeVariables(parseKernelSource("(x) => __vite_ssr_import_3__.sum(x) + (0, import_kernex.max)(x)", label));
    const bindings = bindFreeVariables(free, {}, { other: { max: 1 }, kex }, label, ["x"]);
    expect(bindings).toEqual([
      { name: "__vite_ssr_import_3__", value: kex, source: "builtins" },
      { name: "import_kernex", value: { max: 1 }, source: "builtins" },
    ]);
  });

  it("resolves imported namespaces in kernels written in this (transformed) test file", () => {
    const compiled = compileKernel((x: string) => opsApi.isUnsupported(opsApi.binaryOperatorOps[x === "&" ? "&" : "+"]), {
      builtins: { opsApi },
    });
    const numeric: KernelOps = { ...symbolicOps, index: (obj, idx) => (obj as Record<string, unknown>)[String(idx[0])] };
    expect(compiled(numeric, "&")).toBe(true);
    expect(compiled(numeric, "+")).toBe(false);
  });

  it("does not guess for import aliases used other than as alias.property", () => {
    const free = findFreeVariables(parseKernelSource("(x) => f(__vite_ssr_import_0__)", 'kernel "k"'));
    expect(() => bindFreeVariables(free, { f: 1 }, { kex: {} }, 'kernel "k"', ["x"])).toThrow(
      /uses "__vite_ssr_import_0__".*looks like the name a bundler or test runner gave an import/,
    );
  });

  it("rewrites helper functions from the scope like the kernel", () => {
    const k = 3;
    const scale = (v: number) => v * k;
    const compiled = compileKernel((x: number[]) => scale(x[0]) - 1, { scope: { scale, k } });
    expect(compiled(symbolicOps, "x")).toBe("sub(mul(x[0], 3), 1)");
  });

  it("links helpers that call each other (and terminates)", () => {
    const isEven = (m: number): boolean => (m === 0 ? true : isOdd(m - 1));
    const isOdd = (m: number): boolean => (m === 0 ? false : isEven(m - 1));
    const numeric: KernelOps = { ...symbolicOps, sub: (a, b) => (a as number) - (b as number) };
    const compiled = compileKernel((m: number) => isEven(m), { scope: { isEven, isOdd } });
    expect(compiled(numeric, 6)).toBe(true);
    expect(compiled(numeric, 7)).toBe(false);
  });

  it("maps Math functions passed through the scope to ops.math", () => {
    const sin = Math.sin;
    const compiled = compileKernel((x: number[]) => sin(x[0]), { scope: { sin } });
    expect(compiled(symbolicOps, "x")).toBe("sin(x[0])");
  });

  it("passes functions reachable from the builtins through unchanged", () => {
    // `new` would be rejected if this library function were rewritten as a kernel.
    const kex = { zeros: (k: number) => new Array<number>(k).fill(0) };
    const zeros = kex.zeros;
    const compiled = compileKernel(() => zeros(2), { scope: { zeros }, builtins: { kex } });
    expect(compiled(symbolicOps)).toEqual([0, 0]);
  });

  it("names a helper that needs a variable nobody passed", () => {
    // @ts-expect-error -- `c` is deliberately not defined
    const helper = (v: number) => v * c;
    expect(() => compileKernel((x: number[]) => helper(x[0]), { name: "heat", scope: { helper } })).toThrow(
      /function "helper" in options.scope of kernel "heat" uses "c", which is defined outside/,
    );
  });

  it("rejects native helpers other than Math functions, naming them", () => {
    const f = Number.isInteger;
    expect(() => compileKernel((x: number[]) => f(x[0]), { name: "k", scope: { f } })).toThrow(
      /function "f" in options.scope of kernel "k" is a native or bound function/,
    );
  });

  it("rejects Math functions the ops do not provide, naming the scope key", () => {
    const t = Math.tan;
    const compiled = compileKernel((x: number[]) => t(x[0]), { scope: { t } });
    expect(() => compiled(symbolicOps, "x")).toThrow(/options.scope.t: got Math.tan, which kernels do not support/);
  });
});
