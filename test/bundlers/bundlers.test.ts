/**
 * @file Kernels in bundled apps (issue #16): the app of test/bundlers/app/
 * (namespace aliases, named imports, closures, a closure that changes,
 * helpers through scope, as closures and imported from another module,
 * control flow on window values, a function mesh) run four ways — (1)
 * directly by Node, (2) bundled by esbuild without the plugin, (3) bundled
 * and minified by esbuild with `kernex/esbuild`, (4) built by Vite with
 * `kernex/vite` and loaded in headless Chromium (and bundled by Rollup with
 * `kernex/vite` as a Rollup plugin) — and each case gives the values plain
 * JavaScript computes below, or, where a closure cannot work without the
 * plugin, the KernexError that names the variable (and a loop bounded by a
 * window value is the KernexError naming its line every way). One case
 * runs a 5×5 blur on the "wasm" backend: its \`lower\` listing says
 * WebAssembly, and its values are the "js" backend's bits.
 * Chromium comes from `bash scripts/install-chromium.sh`; without it case
 * (4) is reported as skipped.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve } from "../browser/server";
import { browserTestsRun, chromiumPath } from "../helpers/chromium";
import { bundleWithEsbuild, bundleWithRollup, buildWithVite, installForNode, runNode, type AppResults } from "./build-app";

const CHROMIUM = chromiumPath;
const hasChromium = browserTestsRun();

/** The app's input array (app/main.js). */
const X = [1, -2, 3, 5, -4];

function windows(xs: readonly number[], k: number): number[][] {
  return Array.from({ length: xs.length - k + 1 }, (_, i) => xs.slice(i, i + k));
}
const sumOf = (w: readonly number[]): number => w.reduce((a, b) => a + b, 0);
const smooth = (a: number, b: number, c: number): number => (a + 2 * b + c) / 4;

/** The wasm case: a 5×5 'same' blur (zero padding) of the app's 7×9 grid by its 5×5 weights, summed in plain loops (integers: exact). */
function wasmBlur(): number[][] {
  const grid = (i: number, j: number): number => (i < 0 || i >= 7 || j < 0 || j >= 9 ? 0 : ((i * 9 + j) % 7) - 3);
  const weight = (a: number, b: number): number => ((a * 5 + b) % 4) - 1;
  return Array.from({ length: 7 }, (_, i) =>
    Array.from({ length: 9 }, (_, j) => {
      let s = 0;
      for (let a = 0; a < 5; a++) for (let b = 0; b < 5; b++) s += grid(i + a - 2, j + b - 2) * weight(a, b);
      return s;
    }),
  );
}

/** The function mesh case: a kscan whose first cell adds 100 to itself, the others add the (updated) cell before. */
function meshScan(xs: readonly number[]): number[] {
  const y = [...xs];
  y[0] = xs[0]! + 100;
  for (let i = 1; i < y.length; i++) y[i] = y[i - 1]! + xs[i]!;
  return y;
}

/** Each case's values, computed in plain JavaScript. */
const EXPECTED: Record<string, unknown> = {
  kexNamespace: windows(X, 3).map(sumOf),
  aliasNamespace: windows(X, 3).map((w) => Math.max(...w) + sumOf(w)),
  namedImports: windows(X, 3).map((w) => sumOf(w) - Math.max(...w)),
  closure: X.map((v) => 0.5 * v),
  changingClosure: [X, X.map((v) => 3 * v)],
  scopeHelper: windows(X, 3).map((w) => smooth(w[0]!, w[1]!, w[2]!)),
  closureHelper: X.map((v) => 10 * smooth(v, v, v)),
  importedHelper: X.map((v) => v ** 3),
  importedClosureHelper: X.map((v) => 2 * v ** 3),
  importedKernel: windows(X, 3).map((w) => w[1]! + 0.25 * (w[0]! - 2 * w[1]! + w[2]!)),
  ternary: windows(X, 2).map((w) => (w[0]! > w[1]! ? w[0] : w[1])),
  ifElse: windows(X, 2).map((w) => (w[0]! > 0 ? w[0]! + w[1]! : w[0]! - w[1]!)),
  logical: windows(X, 2).map((w) => (w[0]! > 0 && w[1]) || -1),
  mesh: meshScan(X),
  // listed as WebAssembly by jit(f, { backend: "wasm" }).lower, bit-equal to "js", and the blur's values
  wasm: [true, true, wasmBlur()],
};

/** The variable a case's kernel uses from outside: without the plugin, the KernexError names it. */
const CLOSURE_CASES: Record<string, string> = {
  closure: "c",
  changingClosure: "gain",
  closureHelper: "scaled",
  importedHelper: "cube",
  importedClosureHelper: "scaledCube",
  importedKernel: "DIFFUSION",
  mesh: "bump",
};

/**
 * Cases that are a KernexError every way: the message names the kernel's line
 * and column, which with the plugin are those of the source as written
 * (without it, of the source as the bundler printed it).
 */
const ERROR_CASES: Record<string, (withPlugin: boolean) => RegExp> = {
  windowLoop: (withPlugin) =>
    new RegExp(`^KernexError: kernel "\\(anonymous\\)": line 3, column ${withPlugin ? "7" : "\\d+"}: the condition of a loop depends on a window value`),
};

/** Check an app's results: every case's values, or (without the plugin) the error naming the closure variable. */
function checkResults(results: AppResults, withPlugin: boolean): void {
  expect(Object.keys(results).sort()).toEqual([...Object.keys(EXPECTED), ...Object.keys(ERROR_CASES)].sort());
  for (const [name, message] of Object.entries(ERROR_CASES)) expect(results[name]?.error, name).toMatch(message(withPlugin));
  for (const [name, expected] of Object.entries(EXPECTED)) {
    const variable = CLOSURE_CASES[name];
    if (!withPlugin && variable !== undefined) {
      // esbuild may add a number to a name it renames to avoid a collision
      expect(results[name]?.error, name).toMatch(new RegExp(`^KernexError: kernel "[\\w(). ]+" uses "${variable}\\d*", which is defined outside the kernel`));
    } else {
      expect(results[name], name).toEqual({ value: expected });
    }
  }
}

let work = "";
/** The app as written, beside kernex installed as a package. */
let nodeEntry = "";
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "kernex-bundlers-"));
  nodeEntry = await installForNode(work);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the bundler test app", () => {
  it("(1) run directly by Node: kernex's names under any spelling work; closures are the named KernexError", async () => {
    checkResults(runNode(nodeEntry), false);
  });

  it("(2) bundled by esbuild without the plugin: the same", async () => {
    checkResults(runNode(await bundleWithEsbuild(join(work, "plain.mjs"), false)), false);
  });

  it("(3) bundled and minified by esbuild with kernex/esbuild: every case gives its values", async () => {
    const bundle = await bundleWithEsbuild(join(work, "plugin.min.mjs"), true);
    const text = readFileSync(bundle, "utf8");
    // minified (the closure's declaration is gone), with the kernel's source as written kept as a string
    expect(text).not.toContain("const c = 0.5");
    expect(text).toContain(JSON.stringify("(w) => c * w[0]"));
    checkResults(runNode(bundle), true);
  });

  it("bundled by Rollup with kernex/vite as a Rollup plugin: every case gives its values", async () => {
    checkResults(runNode(await bundleWithRollup(work)), true);
  });

  it.skipIf(!hasChromium)("(4) built by Vite with kernex/vite, in headless Chromium: every case gives its values (needs Chromium: bash scripts/install-chromium.sh)", async () => {
    const files = await buildWithVite(work);
    const server = await serve(files, { isolated: false });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => "__kernexApp" in globalThis, undefined, { timeout: 30_000 });
      const results = await page.evaluate(() => (globalThis as unknown as { __kernexApp: AppResults }).__kernexApp);
      checkResults(results, true);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
