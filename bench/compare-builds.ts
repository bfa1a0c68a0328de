/**
 * @file Two builds of kernex in one process: the working tree's and an
 * earlier commit's, called on the same workloads (W1–W5, W7, and the
 * backward pass of W1), one call of each build after the other, medians
 * over the same stretch of time. Prints each row's time for both builds
 * and their ratio (lower: the working tree is faster). Used to check that
 * a change of the compiler's middle leaves the generated code's speed as
 * it was, without the drift of comparing runs taken minutes apart.
 *
 * Usage: node --expose-gc scripts/run-ts.mjs bench/compare-builds.ts <commit> [--seconds S]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import * as current from "kernex";
import type { NDArray } from "kernex";
import { interleavedMedians } from "./interleave";
import { random } from "./random";

type Kex = typeof current;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const rev = process.argv[2];
if (!rev || rev.startsWith("--")) throw new Error("usage: compare-builds.ts <commit> [--seconds S]");
const seconds = process.argv.includes("--seconds") ? Number(process.argv[process.argv.indexOf("--seconds") + 1]) : 3;

/** The earlier commit's sources bundled as one module, inside the project (so its imports resolve to node_modules). */
async function earlierBuild(commit: string): Promise<Kex> {
  const dir = resolve(".cache", `compare-${commit.slice(0, 12)}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync("git", ["archive", commit, "src", "compiler", "runtime"], { maxBuffer: 1 << 28 });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  const outfile = resolve(dir, "kernex.mjs");
  await build({ entryPoints: [resolve(dir, "src/index.ts")], outfile, bundle: true, platform: "node", format: "esm", target: "es2022", packages: "external", logLevel: "warning" });
  return (await import(pathToFileURL(outfile).href)) as Kex;
}


/** The workloads of bench/run.ts, written against one build's API: name → a call. */
function workloads(kex: Kex, H: number): [string, () => unknown][] {
  const x3 = kex.array(random(3 * H * H, 1), { shape: [3, H, H] });
  const w3 = kex.array(random(27, 2), { shape: [3, 3, 3] });
  const conv = kex.jit(kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(x * w)));
  const convLoss = kex.jit(kex.grad((x: NDArray, w: NDArray) => kex.sum(conv(x, w) as NDArray), [0, 1] as never));
  const v = kex.array(random(1_000_000, 3));
  const patches = kex.jit(kex.kmap({ kernelSize: 3, padding: "same" }, (x: Win) => x));
  const u = kex.array(random(H * H, 4), { shape: [H, H] });
  const lap = kex.jit(kex.kmap({ kernelSize: [3, 3], relative: true }, (q: Win) => q[1][0] + q[-1][0] + q[0][1] + q[0][-1] - 4 * q[0][0]));
  const pool = kex.jit(kex.vmap(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (x: Win) => kex.max(x))));
  const K = 7;
  const t = kex.linspace(-(K - 1) / 2, (K - 1) / 2, K);
  const g = kex.exp(kex.mul(-0.5, kex.square(t)));
  const g2 = kex.mul(g.reshape([K, 1]), g.reshape([1, K]));
  const wb = kex.div(g2, kex.sum(g2));
  const blur = kex.jit(kex.kmap({ kernelSize: [K, K], padding: "same", scope: { wb } }, (x: Win) => kex.sum(kex.mul(x, wb))));
  const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true, namedAxis: { 0: "n", 1: "i" }, scope: { c: 0.5, dt: 0.5 / 150, dx: 2 / 50 } });
  F.at[":, 0"] = F.at[":, -1"] = () => 1;
  F.at["1:, 1:-1"] = (q: Win) => q.at("i", "n-1") - ((0.5 * (0.5 / 150)) / (2 / 50)) * (q.at("i", "n-1") - q.at("i-1", "n-1"));
  const u0 = kex.ones([151, 51]);
  return [
    [`W1 conv2d (3,${H},${H})`, () => conv(x3, w3)],
    ["W2 patches 1e6", () => patches(v)],
    [`W3 laplacian ${H}²`, () => lap(u)],
    [`W4 max-pool 3x3 s2 (3,${H},${H}) via vmap`, () => pool(x3)],
    ["W5 kscan (151,51)", () => F(u0)],
    [`W7 blur 7x7 ${H}²`, () => blur(u)],
    [`B1 grad of sum(conv2d) (3,${H},${H})`, () => convLoss(x3, w3)],
  ];
}

const earlier = await earlierBuild(rev);
for (const k of [current, earlier]) k.config({ workers: 0 });
const rowsNew = workloads(current, 1024);
const rowsOld = workloads(earlier, 1024);
console.log(`working tree against ${rev}, one thread, calls interleaved, medians over ${seconds} s a row`);
console.log("| workload | earlier ms | now ms | now / earlier |");
console.log("| --- | --- | --- | --- |");
rowsNew.forEach(([name, runNew], i) => {
  const [tOld, tNew] = interleavedMedians([rowsOld[i]![1], runNew], { timeMs: seconds * 1000, minRounds: 9, warmup: 3 });
  console.log(`| ${name} | ${tOld!.toFixed(2)} | ${tNew!.toFixed(2)} | ${(tNew! / tOld!).toFixed(2)} |`);
});
