/**
 * @file How the bundler test (bundlers.test.ts) builds and runs the test app
 * of test/bundlers/app/ in each of the four ways: directly by Node (kernex
 * installed as a package), bundled by esbuild without the plugin, bundled and
 * minified by esbuild with `kernex/esbuild`, and built by Vite with
 * `kernex/vite` for a browser; also bundled by Rollup with `kernex/vite`
 * as a Rollup plugin.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";
import { rollup } from "rollup";
import { build as viteBuild } from "vite";
import kernexEsbuild from "../../src/plugin/esbuild";
import kernexVite from "../../src/plugin/vite";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const appDir = fileURLToPath(new URL("./app", import.meta.url));
/** The app's entry and the modules it imports. */
const APP_FILES = ["main.js", "helpers.js", "kernels.js"];
const kernexSource = join(repo, "src", "index.ts");

/** What the app reports per case: the values, or an error's message. */
export type AppResults = Record<string, { value?: unknown; error?: string }>;

/** Run a Node ES module and parse the JSON line it prints. */
export function runNode(file: string): AppResults {
  const out = execFileSync(process.execPath, [file], { encoding: "utf8", stdio: "pipe", timeout: 60_000 });
  return JSON.parse(out) as AppResults;
}

/**
 * (1) The app as written, run by Node: kernex is a package in
 * `<work>/node_modules/kernex` (one esbuild bundle of the library, as the
 * published package is), the app's files are copied beside it unchanged.
 */
export async function installForNode(work: string): Promise<string> {
  const pkg = join(work, "node_modules", "kernex");
  mkdirSync(pkg, { recursive: true });
  await esbuild({ entryPoints: [kernexSource], bundle: true, format: "esm", platform: "node", target: "es2022", outfile: join(pkg, "index.js"), logLevel: "silent" });
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "kernex", type: "module", exports: "./index.js" }));
  const app = join(work, "app");
  mkdirSync(app, { recursive: true });
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
  for (const file of APP_FILES) copyFileSync(join(appDir, file), join(app, file));
  return join(app, "main.js");
}

/** (2) and (3): the app bundled by esbuild for Node, with or without the plugin (and then minified). */
export async function bundleWithEsbuild(outfile: string, withPlugin: boolean): Promise<string> {
  await esbuild({
    entryPoints: [join(appDir, "main.js")],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    outfile,
    minify: withPlugin,
    alias: { kernex: kernexSource },
    plugins: withPlugin ? [kernexEsbuild()] : [],
    logLevel: "silent",
  });
  return outfile;
}

/**
 * The app bundled by Rollup with `kernex/vite` as a Rollup plugin, kernex
 * left external: the bundle is written into the app folder that
 * installForNode made, so Node finds kernex as a package.
 */
export async function bundleWithRollup(work: string): Promise<string> {
  const bundle = await rollup({ input: join(appDir, "main.js"), external: ["kernex"], plugins: [kernexVite()] });
  const file = join(work, "app", "rollup.mjs");
  await bundle.write({ file, format: "esm" });
  await bundle.close();
  return file;
}

/**
 * (4): the app built by Vite (production build, minified) with the plugin,
 * as a page whose module script is the app. Returns the built files by URL
 * path, for test/browser/server.ts.
 */
export async function buildWithVite(work: string): Promise<Record<string, string>> {
  const root = join(work, "vite-app");
  mkdirSync(root, { recursive: true });
  for (const file of APP_FILES) copyFileSync(join(appDir, file), join(root, file));
  writeFileSync(join(root, "index.html"), '<!doctype html>\n<html><body><script type="module" src="./main.js"></script></body></html>\n');
  const outDir = join(root, "dist");
  await viteBuild({
    root,
    configFile: false,
    logLevel: "silent",
    plugins: [kernexVite()],
    resolve: { alias: { kernex: kernexSource } },
    build: { outDir, emptyOutDir: true, minify: true, reportCompressedSize: false },
  });
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[`/${relative(outDir, path).split("\\").join("/")}`] = path;
    }
  };
  walk(outDir);
  files["/"] = join(outDir, "index.html");
  return files;
}
