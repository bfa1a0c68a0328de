/**
 * @file kernex in a real browser: Debian's Chromium, driven by
 * playwright-core, opens a page served by test/browser/server.ts that loads
 * the esbuild browser bundle (built here by `scripts/build.mjs --browser`).
 * The page runs the checks of test/browser/page.js; their values are
 * compared with plain-loop references computed here. The page is served
 * twice: with the COOP/COEP headers (cross-origin isolated: SharedArrayBuffer
 * available) and without them (no SharedArrayBuffer: one thread).
 * The same browser also opens the SVG plots the examples write.
 * Chromium comes from `scripts/install-chromium.sh` (apt); without it these
 * tests are skipped (test/helpers/chromium.ts; the run prints one line saying
 * so), and fail instead when KERNEX_REQUIRE_BROWSER=1 (as `.ci/run` sets).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsRun, chromiumPath } from "../helpers/chromium";
import { serve, type StaticServer } from "./server";

/** Chromium is here (or the run requires it: then this throws). */
const runs = browserTestsRun();
const repo = fileURLToPath(new URL("../..", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * The page's checks this test runs, by name (see page.js); each one's values
 * are compared with `expected[name](isolated)` below. Two more checks are
 * written and ready to be listed here: "grad" (kex.grad through a function
 * mesh) and "workers" (`.async` sharding onto Web Workers, expected when the
 * page is isolated and not otherwise).
 */
const CHECKS: readonly string[] = ["kmap", "kscanMesh", "grad", "workers"];

/** Linear convection by the upwind scheme, in plain loops (the reference for kscanMesh). */
function linearConvection(nt: number, nx: number): number[][] {
  const [c, dt, dx] = [0.5, 0.5 / (nt - 1), 2 / (nx - 1)];
  const quarter = Math.trunc((nx - 1) / 4) + 1;
  const half = Math.trunc((nx - 1) / 2);
  const u = Array.from({ length: nt }, () => new Array<number>(nx).fill(1));
  for (let i = quarter; i < half; i++) u[0]![i] = 2;
  for (let n = 1; n < nt; n++) {
    for (let i = 1; i < nx - 1; i++) u[n]![i] = u[n - 1]![i]! - ((c * dt) / dx) * (u[n - 1]![i]! - u[n - 1]![i - 1]!);
  }
  return u;
}

/** The 5-point laplacian of (i·n + j)² on an n×n grid, "valid": 2 + 2n² everywhere. */
const laplacianOfSquares = (n: number): number[][] => Array.from({ length: n - 2 }, () => new Array<number>(n - 2).fill(2 + 2 * n * n));

const expected: Record<string, (isolated: boolean) => unknown> = {
  kmap: () => ({ sums: [6, 9, 12], laplacian: laplacianOfSquares(5) }),
  kscanMesh: () => linearConvection(151, 51),
  grad: () => Array.from({ length: 10 }, (_, i) => (i === 0 ? 2 : 3 * (i + 1) ** 2)),
  workers: (isolated) => ({ allCorrect: true, size: 1022 * 1022, sharded: isolated }),
};

let work = "";
let browser: Browser | undefined;
/** One tab for everything: a browser's first tab is slow to open (it starts a renderer). */
let page: Page;
/** Errors the page reported since the last navigation. */
let errors: string[] = [];
const servers: StaticServer[] = [];

beforeAll(async () => {
  if (!runs) return;
  work = mkdtempSync(join(tmpdir(), "kernex-browser-"));
  execFileSync(process.execPath, ["scripts/build.mjs", "--browser", join(work, "kernex.browser.js")], { cwd: repo, stdio: "pipe" });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The test page's files, by URL path. */
const pageFiles = (): Record<string, string> => ({
  "/": join(here, "index.html"),
  "/page.js": join(here, "page.js"),
  "/kernex.browser.js": join(work, "kernex.browser.js"),
  "/kernex.browser.js.map": join(work, "kernex.browser.js.map"),
});

/** Serve the test page (with or without COOP/COEP) and open it in the tab. */
async function openPage(isolated: boolean): Promise<void> {
  const server = await serve(pageFiles(), { isolated });
  servers.push(server);
  errors = [];
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => document.getElementById("status")?.textContent === "ready", undefined, { timeout: 30_000 });
}

const run = (name: string): Promise<unknown> =>
  page.evaluate((n) => (window as unknown as { kernexChecks: { run(n: string): Promise<unknown> } }).kernexChecks.run(n), name);

for (const isolated of [true, false]) {
  describe.runIf(runs)(isolated ? "cross-origin isolated page (COOP/COEP)" : "page without cross-origin isolation", () => {
    beforeAll(() => openPage(isolated), 60_000);

    it(`has crossOriginIsolated = ${isolated}`, async () => {
      const env = await page.evaluate(() => {
        const k = (window as unknown as { kernexChecks: { crossOriginIsolated: boolean; sharedArrayBuffer: boolean } }).kernexChecks;
        return { isolated: k.crossOriginIsolated, sab: k.sharedArrayBuffer };
      });
      expect(env).toEqual({ isolated, sab: isolated });
    });

    for (const name of CHECKS) {
      it(`${name} gives the reference values`, async () => {
        expect(flatten(await run(name))).toBeAllclose(flatten(expected[name]!(isolated)), { rtol: 1e-12, atol: 1e-12 });
        expect(errors).toEqual([]);
      }, 60_000);
    }
  });
}

describe.runIf(runs)("the examples' SVG plots", () => {
  it("open in Chromium as images that draw something", async () => {
    const dir = join(work, "plots");
    execFileSync(process.execPath, ["scripts/run-ts.mjs", "examples/run-all.ts"], { cwd: repo, env: { ...process.env, KERNEX_OUT: dir }, stdio: "pipe" });
    const names = readdirSync(dir).filter((f) => f.endsWith(".svg"));
    expect(names.length).toBeGreaterThanOrEqual(3);
    // served from the page's own origin, so the canvas can read the drawn pixels back
    const server = await serve({ ...pageFiles(), ...Object.fromEntries(names.map((n) => [`/${n}`, join(dir, n)])) }, { isolated: false });
    servers.push(server);
    errors = [];
    await page.goto(`${server.url}/`);
    const drawn = await page.evaluate(
      (files) =>
        Promise.all(
          files.map(
            (name) =>
              new Promise<{ name: string; width: number; height: number; inked: number }>((resolve, reject) => {
                const img = new Image();
                img.onerror = () => reject(new Error(`${name} did not load as an image`));
                img.onload = () => {
                  const canvas = document.createElement("canvas");
                  canvas.width = img.naturalWidth;
                  canvas.height = img.naturalHeight;
                  const ctx = canvas.getContext("2d")!;
                  ctx.drawImage(img, 0, 0);
                  const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
                  let inked = 0;
                  for (let i = 0; i < px.length; i += 4) if (px[i]! < 200 || px[i + 1]! < 200 || px[i + 2]! < 200) inked++;
                  resolve({ name, width: img.naturalWidth, height: img.naturalHeight, inked: inked / (px.length / 4) });
                };
                img.src = `/${name}`;
              }),
          ),
        ),
      names,
    );
    for (const d of drawn) {
      expect(d.width, d.name).toBeGreaterThan(100);
      expect(d.height, d.name).toBeGreaterThan(100);
      // axes, labels and lines (or cells) cover more than a few pixels
      expect(d.inked, d.name).toBeGreaterThan(0.01);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});

/** Nested values (objects of arrays) as one flat list of numbers (true: 1, false: 0), in a fixed order. */
function flatten(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (typeof value === "boolean") return [value ? 1 : 0];
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value === "object" && value !== null) return Object.keys(value).sort().flatMap((k) => flatten((value as Record<string, unknown>)[k]));
  throw new Error(`unexpected value ${String(value)}`);
}
