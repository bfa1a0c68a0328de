/**
 * @file The live page (`npm run demo`, examples/web/) in headless Chromium:
 * served by scripts/demo.mjs with the COOP/COEP headers, it is cross-origin
 * isolated; both simulations run (their step counts grow, their readouts show
 * steps per second), their canvases are not blank and change between frames,
 * the size slider resizes the grids, the backend switch moves both
 * simulations to WebGPU and back (Chromium gets SwiftShader as its WebGPU
 * adapter) and is disabled, saying why, where `navigator.gpu` or an adapter
 * is missing, and a screenshot of the page is a non-blank PNG. Needs Debian's chromium at /usr/bin/chromium; without it the
 * tests are skipped and their names say how to install it.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../../scripts/demo.mjs";
import { browserTestsRun, chromiumPath, chromiumSkipMessage } from "../helpers/chromium";
import { CHROMIUM_WEBGPU_ARGS } from "../helpers/gpu";
import { decodePng } from "../helpers/png";

const CHROMIUM = chromiumPath;
const missing = !browserTestsRun();
const needs = missing ? ` (${chromiumSkipMessage})` : "";

let demo: Demo | undefined;
let browser: Browser | undefined;
let page: Page;
const errors: string[] = [];

/** What the page reports: window.kernexDemo (see examples/web/main.ts). */
interface DemoState {
  steps: { heat: number; life: number };
  size: number;
  error: string | null;
  backend: "js" | "webgpu";
  running: { heat: "js" | "webgpu"; life: "js" | "webgpu" };
  drawn: { heat: number; life: number };
  webgpu: { available: true; adapter: string } | { available: false; reason: string } | null;
}
const state = (): Promise<DemoState> => page.evaluate(() => (window as unknown as { kernexDemo: DemoState }).kernexDemo);

/** Both canvases' pixels: their size, how many distinct colours, and a fingerprint of the pixels. */
const canvases = (): Promise<{ id: string; width: number; colours: number; sum: number }[]> =>
  page.evaluate(() =>
    ["heat", "life"].map((id) => {
      const canvas = document.getElementById(id) as HTMLCanvasElement;
      const px = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      let sum = 0;
      for (let i = 0; i < px.length; i += 4) {
        colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
        sum = (sum * 31 + px[i]! + 7 * px[i + 1]! + 13 * px[i + 2]! * (i + 1)) % 1_000_000_007;
      }
      return { id, width: canvas.width, colours: colours.size, sum };
    }),
  );

/** Wait until every simulation has taken `more` steps beyond `from`. */
async function stepsBeyond(from: DemoState, more: number): Promise<void> {
  await page.waitForFunction(
    ([h, l]) => {
      const s = (window as unknown as { kernexDemo: DemoState }).kernexDemo.steps;
      return s.heat >= h && s.life >= l;
    },
    [from.steps.heat + more, from.steps.life + more],
    { timeout: 10_000 },
  );
}

beforeAll(async () => {
  if (missing) return;
  const args = ["--headless", "--no-sandbox", "--disable-gpu", ...CHROMIUM_WEBGPU_ARGS, "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
  [demo, browser] = await Promise.all([startDemo({ port: 0 }), chromium.launch({ executablePath: CHROMIUM, args })]);
  page = await browser.newPage({ viewport: { width: 1000, height: 640 } });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(demo.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe("the demo server (scripts/demo.mjs)", () => {
  it("serves the page, its script and kernex with the COOP/COEP headers", async () => {
    const server = demo ?? (await startDemo({ port: 0 }));
    try {
      const get = (path: string) => fetch(new URL(path, server.url));
      for (const [path, type, text] of [["/", "text/html", "<canvas id=\"heat\""], ["/main.js", "text/javascript", 'from "/kernex.js"'], ["/kernex.js", "text/javascript", "KernexError"]] as const) {
        const response = await get(path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
        expect(response.headers.get("cross-origin-embedder-policy"), path).toBe("require-corp");
        expect(response.headers.get("content-type"), path).toContain(type);
        expect(await response.text(), path).toContain(text);
      }
      expect((await get("/nothing-here")).status).toBe(404);
    } finally {
      if (server !== demo) await server.close();
    }
  }, 30_000);
});

describe("the live page (npm run demo)", () => {
  it.skipIf(missing)(`is cross-origin isolated, runs both simulations and shows steps per second${needs}`, async () => {
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    await page.waitForFunction(() => ["heat-rate", "life-rate"].every((id) => /^\d+ steps\/s on 256×256$/.test(document.getElementById(id)!.textContent ?? "")), undefined, { timeout: 10_000 });
    for (const id of ["heat-rate", "life-rate"]) {
      const rate = Number((await page.textContent(`#${id}`))!.split(" ")[0]);
      expect(rate, id).toBeGreaterThan(0);
    }
    expect((await state()).error).toBeNull();
    expect(errors).toEqual([]);
  });

  it.skipIf(missing)(`draws canvases that are not blank and change between frames${needs}`, async () => {
    const before = await canvases();
    await stepsBeyond(await state(), 3);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const after = await canvases();
    for (const [i, c] of after.entries()) {
      expect(c.width, c.id).toBe(256);
      // heat: a smooth colour map; life: live and dead cells
      expect(c.colours, c.id).toBeGreaterThanOrEqual(c.id === "heat" ? 50 : 2);
      expect(c.sum, `${c.id} changed between frames`).not.toBe(before[i]!.sum);
    }
  });

  it.skipIf(missing)(`resizes both grids with the size slider${needs}`, async () => {
    await page.locator("#size").fill("128");
    await page.waitForFunction(() => ["heat-rate", "life-rate"].every((id) => / on 128×128$/.test(document.getElementById(id)!.textContent ?? "")), undefined, { timeout: 10_000 });
    expect((await canvases()).map((c) => c.width)).toEqual([128, 128]);
    expect((await state()).size).toBe(128);
    expect(errors).toEqual([]);
  });

  it.skipIf(missing)(`switches both simulations to the webgpu backend and back, the label saying which runs${needs}`, async () => {
    await page.waitForFunction(() => (window as unknown as { kernexDemo: DemoState }).kernexDemo.webgpu !== null, undefined, { timeout: 10_000 });
    const support = (await state()).webgpu!;
    const note = await page.textContent("#backend-note");
    // Chromium started with CHROMIUM_WEBGPU_ARGS always has SwiftShader as its adapter
    expect(support.available, JSON.stringify(support)).toBe(true);
    expect(note).toMatch(/^WebGPU adapter: .*swiftshader/i);
    expect(await page.isDisabled("#backend-webgpu")).toBe(false);
    expect(await page.textContent("#backend-running")).toBe("running on js");
    for (const backend of ["webgpu", "js"] as const) {
      await page.click(`#backend-${backend}`);
      await page.waitForFunction((b) => (window as unknown as { kernexDemo: DemoState }).kernexDemo.running.heat === b && (window as unknown as { kernexDemo: DemoState }).kernexDemo.running.life === b, backend, { timeout: 30_000 });
      expect(await page.textContent("#backend-running")).toMatch(new RegExp(`^running on ${backend}`));
      const before = await canvases();
      const from = await state();
      // drawn 3 steps later: a frame draws after its batch of steps, which is slower on a CPU driver
      await page.waitForFunction(
        ([h, l]) => {
          const d = (window as unknown as { kernexDemo: DemoState }).kernexDemo.drawn;
          return d.heat >= h && d.life >= l;
        },
        [from.drawn.heat + 3, from.drawn.life + 3],
        { timeout: 30_000 },
      );
      const after = await canvases();
      // heat gets new drops of heat; life may have settled into blinkers (period 2), so its steps are what shows it runs
      expect(after[0]!.sum, `heat changed between frames on ${backend}`).not.toBe(before[0]!.sum);
      expect(after[1]!.colours, `life drawn on ${backend}`).toBeGreaterThanOrEqual(2);
      expect((await state()).error).toBeNull();
    }
    expect(errors).toEqual([]);
  }, 60_000);

  it.skipIf(missing)(`disables the webgpu switch, saying why, without navigator.gpu or without an adapter${needs}`, async () => {
    const other = await browser!.newPage();
    try {
      // the page's URL query picks what to take away, before the page's script runs
      await other.addInitScript(() => {
        const take = new URLSearchParams(location.search).get("take");
        if (take === "gpu") Object.defineProperty(Navigator.prototype, "gpu", { get: () => undefined });
        if (take === "adapter") Object.defineProperty(Navigator.prototype, "gpu", { get: () => ({ requestAdapter: () => Promise.resolve(null) }) });
      });
      for (const [take, reason] of [["gpu", "this browser has no WebGPU (navigator.gpu)"], ["adapter", "navigator.gpu gave no adapter (no usable GPU)"]] as const) {
        await other.goto(`${demo!.url}?take=${take}`);
        await other.waitForFunction(() => (window as unknown as { kernexDemo: DemoState }).kernexDemo.webgpu !== null, undefined, { timeout: 10_000 });
        expect(await other.evaluate(() => (window as unknown as { kernexDemo: DemoState }).kernexDemo.webgpu)).toEqual({ available: false, reason });
        expect(await other.isDisabled("#backend-webgpu")).toBe(true);
        expect(await other.textContent("#backend-note")).toBe(`webgpu unavailable: ${reason}`);
        expect(await other.textContent("#backend-running")).toBe("running on js");
      }
    } finally {
      await other.close();
    }
  }, 60_000);

  it.skipIf(missing)(`gives a screenshot that is a non-blank PNG${needs}`, async () => {
    const shot = await page.screenshot();
    writeFileSync(join(tmpdir(), "kernex-demo.png"), shot); // to look at
    const png = decodePng(shot);
    expect([png.width, png.height]).toEqual([1000, 640]);
    let dark = 0;
    const colours = new Set<number>();
    for (let k = 0; k < png.pixels.length; k += png.channels) {
      const [r, g, b] = [png.pixels[k]!, png.pixels[k + 1]!, png.pixels[k + 2]!];
      colours.add((r << 16) | (g << 8) | b);
      if (r + g + b < 300) dark++;
    }
    // two 384×384 pictures (mostly dark colours) on a light page, with text
    expect(dark / (png.width * png.height)).toBeGreaterThan(0.2);
    expect(colours.size).toBeGreaterThan(100);
  });

  it.skipIf(missing)(`decodes Chromium's PNG screenshots to the colours drawn${needs}`, async () => {
    // the last test: the page's own tab (a new tab is slow to open) leaves the demo for a known picture
    await page.setViewportSize({ width: 120, height: 80 });
    await page.setContent('<body style="margin:0;background:#fff"><div style="width:50px;height:40px;background:rgb(10,200,30)"></div></body>');
    const png = decodePng(await page.screenshot());
    const at = (x: number, y: number): number[] => Array.from(png.pixels.subarray((y * png.width + x) * png.channels, (y * png.width + x) * png.channels + 3));
    expect([png.width, png.height]).toEqual([120, 80]);
    expect(at(10, 10)).toEqual([10, 200, 30]);
    expect(at(49, 39)).toEqual([10, 200, 30]);
    expect(at(100, 60)).toEqual([255, 255, 255]);
  });
});
