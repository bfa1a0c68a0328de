/**
 * @file The bundler test app (see test/bundlers/bundlers.test.ts): every way
 * of writing a kernel that bundlers used to break, each run inside
 * try/catch. It reports, per case, the values (`toArray()`) or the
 * KernexError's message, as JSON on stdout in Node and as
 * `globalThis.__kernexApp` in a browser.
 */
import * as K from "kernex";
import * as kex from "kernex";
import { KernexError, array, kmap, kscan, sum, max } from "kernex";
import { cube, scaledCube } from "./helpers.js";
import { diffuse } from "./kernels.js";

const x = array([1, -2, 3, 5, -4]);

/** A helper written in the app, used by kernels as a closure or through scope. */
function smooth(a, b, c) {
  return (a + 2 * b + c) / 4;
}

/** A helper that itself uses a closure value and another helper. */
const weight = 10;
const scaled = (v) => weight * smooth(v, v, v);

const cases = {
  // kex.sum through the namespace every example uses
  kexNamespace: () => kex.kmap({ kernelSize: 3 }, (w) => kex.sum(w))(x),
  // another alias of the namespace
  aliasNamespace: () => K.kmap({ kernelSize: 3 }, (w) => K.max(w) + K.sum(w))(x),
  // named imports: bare sum and max
  namedImports: () => kmap({ kernelSize: 3 }, (w) => sum(w) - max(w))(x),
  // a closure over a number
  closure: () => {
    const c = 0.5;
    return kmap({ kernelSize: 1 }, (w) => c * w[0])(x);
  },
  // a closure that changes between calls: each call sees its current value
  changingClosure: () => {
    let gain = 1;
    const f = kmap({ kernelSize: 1 }, (w) => gain * w[0]);
    const first = f(x).toArray();
    gain = 3;
    return [first, f(x).toArray()];
  },
  // a helper passed through scope (works without the plugin too)
  scopeHelper: () => kmap({ kernelSize: 3, scope: { smooth } }, (w) => smooth(w[0], w[1], w[2]))(x),
  // helpers as closures, one using a closure value and another helper
  closureHelper: () => kmap({ kernelSize: 1 }, (w) => scaled(w[0]))(x),
  // a helper imported from another module
  importedHelper: () => kmap({ kernelSize: 1 }, (w) => cube(w[0]))(x),
  // a helper from another module that uses its own module's closures ("use kernex")
  importedClosureHelper: () => kmap({ kernelSize: 1 }, (w) => scaledCube(w[0]))(x),
  // a kernel from a module marked "use kernex", using that module's constant
  importedKernel: () => kmap({ kernelSize: 3 }, diffuse)(x),
  // ternary on window values: a select
  ternary: () => kex.kmap({ kernelSize: 2 }, (w) => (w[0] > w[1] ? w[0] : w[1]))(x),
  // if/else on window values: a select
  ifElse: () =>
    kex.kmap({ kernelSize: 2 }, (w) => {
      if (w[0] > 0) return w[0] + w[1];
      return w[0] - w[1];
    })(x),
  // && and || on window values keep JavaScript's meaning, per cell
  logical: () => kmap({ kernelSize: 2 }, (w) => (w[0] > 0 && w[1]) || -1)(x),
  // a loop bound that depends on a window value cannot compile: a KernexError naming the line
  windowLoop: () =>
    kmap({ kernelSize: 2 }, (w) => {
      let n = 0;
      for (let i = 0; i < w[0]; i++) n += 1;
      return n;
    })(x),
  // a 5×5 blur on the "wasm" backend: its listing says WebAssembly, and its values are the "js" backend's, bit for bit
  wasm: () => {
    const w = array(Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => ((i * 5 + j) % 4) - 1)));
    const blur = kmap({ kernelSize: [5, 5], padding: "same", scope: { w } }, (v) => sum(v * w));
    const grid = array(Array.from({ length: 7 }, (_, i) => Array.from({ length: 9 }, (_, j) => ((i * 9 + j) % 7) - 3)));
    const onWasm = kex.jit(blur, { backend: "wasm" });
    const js = kex.jit(blur, { backend: "js" })(grid).toArray().flat();
    const wasm = onWasm(grid).toArray();
    return [onWasm.lower(grid).wasm.startsWith(";; stencil 1: WebAssembly ("), wasm.flat().every((v, i) => Object.is(v, js[i])), wasm];
  },
  // a function mesh with a closure in one region
  mesh: () => {
    const bump = 100;
    const F = kscan({ kernelSize: 3, padding: "same" });
    F.at["1:"] = (w) => w[0] + w[1];
    F.at["0"] = (w) => w[1] + bump;
    return F(x);
  },
};

const results = {};
for (const [name, run] of Object.entries(cases)) {
  try {
    const value = run();
    results[name] = { value: Array.isArray(value) ? value : value.toArray() };
  } catch (error) {
    results[name] = { error: error instanceof KernexError ? `KernexError: ${error.message}` : String(error) };
  }
}

if (typeof document !== "undefined") globalThis.__kernexApp = results;
else console.log(JSON.stringify(results));
