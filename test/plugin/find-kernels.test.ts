/**
 * @file The build plugins' kernel finder (src/plugin/find-kernels.ts): which
 * functions of a module are kernels or helpers, the free variables each one
 * captures, and which look-alikes are left to the runtime path (issue #16).
 */
import { parse } from "acorn";
import type { Program } from "estree";
import { describe, expect, it } from "vitest";
import { findKernels } from "../../src/plugin/find-kernels";

/** What the finder reports, as (role, name, source text, captures) rows. */
function found(code: string): { role: string; name: string; source: string; captures: readonly string[] }[] {
  const program = parse(code, { ecmaVersion: "latest", sourceType: "module" }) as unknown as Program;
  return findKernels(program).map((fn) => {
    const { start, end } = fn.node as unknown as { start: number; end: number };
    return { role: fn.role, name: fn.name, source: code.slice(start, end), captures: fn.captures };
  });
}

const sources = (code: string): string[] => found(code).map((f) => f.source);

describe("kernel call sites", () => {
  it("finds the kernel argument of kmap, kscan, smap and sscan through a namespace import", () => {
    const code = `import * as K from "kernex";
K.kmap({ kernelSize: 3 }, (x) => K.sum(x));
K.kscan({ kernelSize: 3 }, (x) => x[0]);
K.smap({ kernelSize: 3 }, function f(x) { return x[1]; });
K["sscan"]({ kernelSize: 3 }, (x) => x[2]);`;
    expect(found(code)).toEqual([
      // the runtime resolves a kernex namespace itself: capturing it would keep all of kernex in a bundle
      { role: "kernel", name: "", source: "(x) => K.sum(x)", captures: [] },
      { role: "kernel", name: "", source: "(x) => x[0]", captures: [] },
      { role: "kernel", name: "f", source: "function f(x) { return x[1]; }", captures: [] },
      { role: "kernel", name: "", source: "(x) => x[2]", captures: [] },
    ]);
  });

  it("finds kernels of named and renamed imports, and of K.kmap(options)(fn)", () => {
    const code = `import { kmap, kscan as scan, sum } from "kernex";
import * as K from "kernex";
kmap({ kernelSize: 3 }, (x) => sum(x));
scan({ kernelSize: 3 }, (x) => x[0]);
K.kmap({ kernelSize: 1 })((x) => 2 * x[0]);`;
    expect(sources(code)).toEqual(["(x) => sum(x)", "(x) => x[0]", "(x) => 2 * x[0]"]);
    expect(found(code)[0]!.captures).toEqual(["sum"]);
  });

  it("finds mesh assignments: F.at[spec] = fn (chained too), F.set(spec, fn) and its chains, F(fn)", () => {
    const code = `import * as K from "kernex";
const F = K.kscan({ kernelSize: 3 });
F.at["0"] = F.at["-1"] = (x) => x[1];
F.at[":"] = function (x) { return x[0]; };
F.set("1", (x) => x[2]).set("2", (x) => -x[2]);
K.kmap({ kernelSize: 1 }).set("0", (x) => 3 * x[0]);
F((x) => 4 * x[0]);`;
    expect(sources(code)).toEqual([
      "(x) => x[1]",
      "function (x) { return x[0]; }",
      // a chain is visited from its last call
      "(x) => -x[2]",
      "(x) => x[2]",
      "(x) => 3 * x[0]",
      "(x) => 4 * x[0]",
    ]);
  });

  it("finds functions in the options' scope object, literal or by name, as helpers", () => {
    const code = `import { kmap } from "kernex";
function smooth(a, b) { return (a + b) / 2; }
kmap({ kernelSize: 2, scope: { smooth, twice: (v) => 2 * v } }, (x) => twice(smooth(x[0], x[1])));`;
    expect(found(code).map((f) => [f.role, f.name, f.source])).toEqual([
      ["helper", "smooth", "function smooth(a, b) { return (a + b) / 2; }"],
      ["helper", "", "(v) => 2 * v"],
      ["kernel", "", "(x) => twice(smooth(x[0], x[1]))"],
    ]);
  });

  it("finds a kernel passed by name: a const bound to a function literal, or a function declaration", () => {
    const code = `import { kmap } from "kernex";
const lap = (u) => u[0] - 2 * u[1] + u[2];
kmap({ kernelSize: 3 }, lap);
kmap({ kernelSize: 3 }, edge);
function edge(u) { return u[2] - u[0]; }`;
    expect(found(code).map((f) => [f.name, f.source])).toEqual([
      ["lap", "(u) => u[0] - 2 * u[1] + u[2]"],
      ["edge", "function edge(u) { return u[2] - u[0]; }"],
    ]);
  });

  it("leaves look-alikes to the runtime path", () => {
    const code = `import { kmap as fromKernex } from "kernex";
import { kmap } from "other-lib";
import * as K from "kernex";
kmap({ kernelSize: 3 }, (x) => x[0]);
[1, 2].map((x) => x + 1);
function shadow(K) { return K.kmap({}, (x) => x[0]); }
{ const fromKernex = (o, f) => f; fromKernex({}, (x) => x[1]); }
const G = K.kmap({ kernelSize: 3 }, (x) => x[2]);
G.at["0"] = (x) => x[3];
const map = new Map(); map.set("k", (x) => x[4]);
K.kmap({ kernelSize: 3 }, makeKernel());
K.kmap({ kernelSize: 3 }, pick ? (x) => x[5] : (x) => x[6]);
K.kmap({ kernelSize: 3, scope: { method(v) { return v; }, get g() { return 1; } } });`;
    // only G's own kernel: G is a stencil function (it has a kernel), not a mesh
    expect(sources(code)).toEqual(["(x) => x[2]"]);
  });
});

describe("free variables", () => {
  it("captures closures, imports and helpers the module declares; not globals, parameters or locals", () => {
    const code = `import { kmap, max } from "kernex";
import { gain } from "./settings.js";
const c = 0.5;
export function make(d) {
  let e = 2;
  return kmap({ kernelSize: 3 }, (x) => {
    const local = x[0] * c + d;
    return Math.sin(local) + max(x) * gain + e + window.offset + undeclared;
  });
}`;
    expect(found(code)[0]!.captures).toEqual(["c", "d", "max", "gain", "e"]);
  });

  it("records helpers transitively, each with its own captures, and stops at recursion", () => {
    const code = `import { kmap } from "kernex";
const k = 3;
const scale = (v) => k * norm(v);
function norm(v) { return v > 0 ? v : norm(-v); }
kmap({ kernelSize: 1 }, (x) => scale(x[0]));`;
    expect(found(code).map((f) => [f.role, f.name, f.captures])).toEqual([
      ["kernel", "", ["scale"]],
      ["helper", "scale", ["k", "norm"]],
      // a declaration's own name is declared inside it, as in the named function expression its source parses to
      ["helper", "norm", []],
    ]);
  });

  it('records functions marked "use kernex" (in their body, or first in the module for all top-level functions) as helpers', () => {
    const own = `const SCALE = 2;
export function scaled(v) { "use kernex"; return SCALE * v; }
export const plain = (v) => v;
export const marked = (v) => { "use strict"; "use kernex"; return plain(v); };`;
    expect(found(own).map((f) => [f.role, f.name, f.captures])).toEqual([
      ["helper", "scaled", ["SCALE"]],
      ["helper", "marked", ["plain"]],
      ["helper", "plain", []],
    ]);
    const wholeModule = `"use kernex";
const k = 3;
export function a(v) { return k * b(v); }
function b(v) { function inner(w) { return w; } return inner(v); }
export const c = (v) => v;`;
    expect(found(wholeModule).map((f) => f.name)).toEqual(["a", "b", "c"]);
  });

  it("resolves a kernel's names in its own scope: a block's or a function's declaration shadows the module's", () => {
    const code = `import { kmap } from "kernex";
const c = 1;
function h(v) { return v; }
function inner() {
  const c = 2;
  function h(v) { return c * v; }
  return kmap({ kernelSize: 1 }, (x) => h(x[0]) + c);
}`;
    const [kernel, helper] = found(code);
    expect(kernel!.captures).toEqual(["h", "c"]);
    expect(helper!.source).toBe("function h(v) { return c * v; }");
  });
});
