/**
 * @file A headless Chromium page on kernex's browser bundle, for the
 * browser tests of a backend (test/browser/webgpu.test.ts,
 * test/browser/wasm.test.ts): builds the bundle
 * (`scripts/build.mjs --browser`) into a temporary directory, serves it
 * with the test's own files from 127.0.0.1 (test/browser/server.ts), opens
 * "/" and waits until its `#status` says "ready". Page errors and console
 * errors are collected.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumPath } from "../helpers/chromium";
import { serve, type StaticServer } from "./server";

const repo = fileURLToPath(new URL("../..", import.meta.url));

/** An open page and how to close everything it needed. */
export interface BundlePage {
  readonly page: Page;
  /** Page errors and console errors, in order. */
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * Open a page on the browser bundle: `files` maps URL paths to files (with
 * "/" the page's HTML); `/kernex.browser.js` (and its map) is added.
 *
 * @example
 * const { page, errors, close } = await openBundlePage({ "/": "test/browser/wasm.html", "/wasm-page.js": "test/browser/wasm-page.js" }, { prefix: "kernex-wasm-", args: [] });
 */
export async function openBundlePage(files: Readonly<Record<string, string>>, options: { prefix: string; args: readonly string[] }): Promise<BundlePage> {
  const work = mkdtempSync(join(tmpdir(), options.prefix));
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    execFileSync(process.execPath, ["scripts/build.mjs", "--browser", join(work, "kernex.browser.js")], { cwd: repo, stdio: "pipe" });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", ...options.args, "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    server = await serve({ ...files, "/kernex.browser.js": join(work, "kernex.browser.js"), "/kernex.browser.js.map": join(work, "kernex.browser.js.map") }, { isolated: false });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.getElementById("status")?.textContent === "ready", undefined, { timeout: 30_000 });
    return { page, errors, close };
  } catch (e) {
    await close();
    throw e;
  }
}
