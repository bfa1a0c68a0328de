/**
 * @file The pool never keeps a process alive: a child `node` process (the
 * runtime bundled with esbuild) starts the shared pool, runs a sharded job
 * (sync, async, or one whose worker died), prints the result and must then
 * exit by itself within 2 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { runChild } from "./helpers";

const runtimeDir = fileURLToPath(new URL("../../runtime/", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "kernex-exit-"));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The child program: `mode` picks how the job runs. It prints `RESULT <sum> <ranBy> <time>` when done. */
function program(mode: "sync" | "async" | "after-death"): string {
  return `
import { getPool } from "./pool";
import { allocate } from "./buffers";

const n = 400_001;
const pool = getPool(2);
await pool.ready();
const x = allocate("float64", n);
const y = allocate("float64", n);
for (let i = 0; i < n; i++) x[i] = i % 7;
const body = "for (let i = lo; i < hi; i++) f[1][i] = 3 * f[0][i] + k;";
const job = { hash: "triple", body, f: [x, y], t: [], n, steps: 2 };
if (${JSON.stringify(mode)} === "after-death") {
  try {
    // Only the workers exit: the body also runs on this (the main) thread.
    const body = 'if (!process.getBuiltinModule("node:worker_threads").isMainThread) process.exit(1);';
    pool.runSync({ ...job, hash: "exit", body });
  } catch (e) {
    console.log("FAILED", e.kind);
  }
  await pool.ready(); // the replacement worker is up (and must not keep the process alive either)
}
if (${JSON.stringify(mode)} === "async") await pool.runAsync(job);
else pool.runSync(job);
let sum = 0;
for (let i = 0; i < n; i++) sum += y[i];
console.log("RESULT", sum, pool.lastRun.ranBy.join(","), Date.now());
`;
}

async function bundle(mode: "sync" | "async" | "after-death"): Promise<string> {
  const out = await build({
    stdin: { contents: program(mode), resolveDir: runtimeDir, loader: "ts", sourcefile: `exit-${mode}.ts` },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const file = join(tmp, `exit-${mode}.mjs`);
  writeFileSync(file, out.outputFiles[0].text);
  return file;
}


// Σ (3·(i mod 7) + 1) over i < 400001: 57143 full cycles of 0..6 (sum 21) plus one extra 0.
const EXPECTED = 3 * 21 * 57_143 + 400_001;

describe("the pool does not keep a process alive", () => {
  it.each(["sync", "async", "after-death"] as const)("%s: exits within 2 s of finishing, with the right result", async (mode) => {
    const { stdout, stderr, code, exitedAt } = await runChild(await bundle(mode));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
    expect(line).toBeDefined();
    const [, sum, ranBy, finishedAt] = (line ?? "").split(" ");
    expect(Number(sum)).toBe(EXPECTED);
    // Two steps keep every thread on its own range: the workers did take part.
    expect(ranBy).toBe(mode === "async" ? "1,2" : "0,1,2");
    expect(exitedAt - Number(finishedAt)).toBeLessThan(2000);
    if (mode === "after-death") expect(stdout).toContain("FAILED worker-died");
  });
});
