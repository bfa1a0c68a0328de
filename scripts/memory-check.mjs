/**
 * @file Memory check: 10,000 stencil calls with distinct shapes and distinct
 * kernels (new function objects with distinct sources, so every call traces,
 * generates and compiles new code), one stencil function and one jitted
 * function called on 10,000 distinct shapes, and too-large allocations.
 * After a forced GC every 1,000 calls it records `heapUsed` and the sizes of
 * the compile caches; the heap must stop growing once the bounded caches
 * are full. Bundles the kernex sources with esbuild (like run-ts.mjs) and
 * needs `--expose-gc` (it restarts itself with the flag).
 *
 *     node scripts/memory-check.mjs                   # a table
 *     node scripts/memory-check.mjs --json            # one JSON line
 *     node scripts/memory-check.mjs --json --phases=1 # only phase 1 (test/reliability/memory.test.ts)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

if (typeof globalThis.gc !== "function") {
  const r = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const json = process.argv.includes("--json");
const phaseArg = process.argv.find((a) => a.startsWith("--phases="));
const runPhase = (n) => phaseArg === undefined || phaseArg.slice("--phases=".length).split(",").includes(String(n));
/** Calls per phase; the brief of the check is 10,000. */
const CALLS = Number(process.env.KERNEX_MEMORY_CALLS ?? 10_000);
const SAMPLE_EVERY = CALLS / 10;

mkdirSync(resolve(root, ".cache"), { recursive: true });
const outfile = resolve(root, ".cache", `memory-check-${process.pid}.mjs`);
await build({
  stdin: {
    contents: [
      'export * from "./src/index.ts";',
      'export { kernelCacheSize, KERNEL_CACHE_SIZE } from "./runtime/kernel-cache.ts";',
      'export { TRACE_CACHE_SIZE } from "./src/stencil/kmap.ts";',
      'export { JIT_CACHE_SIZE } from "./src/transforms/jit.ts";',
      'export { MAX_ELEMENTS } from "./src/ndarray/limits.ts";',
    ].join("\n"),
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "es2022",
  packages: "external",
  logLevel: "warning",
  outfile,
});
const kex = await import(pathToFileURL(outfile).href);
rmSync(outfile, { force: true });
kex.config({ workers: 0 });

const MB = 1024 * 1024;
function heapMB() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed / MB;
}

/** Run `step(i)` CALLS times, sampling the heap and cache sizes. */
function phase(name, step) {
  const samples = [];
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) {
    step(i);
    if ((i + 1) % SAMPLE_EVERY === 0) samples.push({ calls: i + 1, heapMB: heapMB(), kernelCache: kex.kernelCacheSize() });
  }
  return { name, ms: Math.round(performance.now() - t0), samples };
}

/** A 2-d shape per call index, all distinct for i < 10,000. */
const shapeOf = (i) => [3 + (i % 100), 3 + Math.floor(i / 100)];

const baselineMB = heapMB();
const phases = [];

// 1. fresh kmap function, fresh kernel (distinct source), distinct shape: nothing can be reused
if (runPhase(1)) phases.push(
  phase("fresh kernels, distinct shapes", (i) => {
    const kernel = new Function("kex", `return (w) => w[0][1] + w[1][0] * ${(i % 1000) + 0.5} - w[2][2];`)(kex);
    const f = kex.kmap({ kernelSize: [3, 3], padding: "same" }, kernel);
    const y = f(kex.ones(shapeOf(i)));
    if (y.size !== shapeOf(i)[0] * shapeOf(i)[1]) throw new Error("wrong result size");
  }),
);

// 2. one stencil function (its trace cache is bounded) on distinct shapes
const laplace = kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (w) => w[1][0] + w[-1][0] + w[0][1] + w[0][-1] - 4 * w[0][0]);
if (runPhase(2)) phases.push(phase("one kmap function, distinct shapes", (i) => laplace(kex.ones(shapeOf(i)))));

// 3. one jitted function (its signature cache is bounded) on distinct shapes
const jitted = kex.jit((x) => kex.sum(laplace(x)));
if (runPhase(3)) phases.push(phase("one jit function, distinct shapes", (i) => jitted(kex.ones(shapeOf(i)))));

// 4. too-large allocations are refused before anything is allocated
const refused = [];
for (const [what, call] of [
  ["zeros([1e6, 1e6])", () => kex.zeros([1e6, 1e6])],
  ["zeros([2^31])", () => kex.zeros([2 ** 31])],
  ["kmap output 2^32 cells", () => kex.kmap({ kernelSize: 1, padding: 2 ** 31 - 1 }, (w) => w[0])(kex.ones([3]))],
  ["broadcastTo([65536, 65536])", () => kex.broadcastTo(1, [65536, 65536])],
]) {
  try {
    call();
    refused.push({ what, error: null });
  } catch (e) {
    refused.push({ what, error: `${e.constructor.name}: ${e.message}` });
  }
}

const finalMB = heapMB();
const report = {
  calls: CALLS,
  baselineMB,
  finalMB,
  limits: { KERNEL_CACHE_SIZE: kex.KERNEL_CACHE_SIZE, TRACE_CACHE_SIZE: kex.TRACE_CACHE_SIZE, JIT_CACHE_SIZE: kex.JIT_CACHE_SIZE, MAX_ELEMENTS: kex.MAX_ELEMENTS },
  phases,
  refused,
  rssMB: process.memoryUsage().rss / MB,
};

if (json) {
  console.log(JSON.stringify(report));
} else {
  console.log(`kernex memory check: ${CALLS} calls per phase, heap after GC (baseline ${baselineMB.toFixed(1)} MB)`);
  for (const p of phases) {
    console.log(`\n${p.name} (${p.ms} ms)`);
    console.log("  calls   heapUsed MB    kernel cache");
    for (const s of p.samples) console.log(`  ${String(s.calls).padStart(5)}   ${s.heapMB.toFixed(1).padStart(11)}   ${String(s.kernelCache).padStart(13)}`);
  }
  console.log("\ntoo-large allocations:");
  for (const r of refused) console.log(`  ${r.what}: ${r.error ?? "NOT REFUSED"}`);
  console.log(`\nfinal heap ${finalMB.toFixed(1)} MB, rss ${report.rssMB.toFixed(1)} MB`);
}
