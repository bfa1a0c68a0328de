/**
 * @file Run a TypeScript entry file (an example or a benchmark): bundle the
 * kernex sources and the entry separately with esbuild (so the entry keeps
 * `kex.sum(...)` as written, as an installed package would), then import it.
 *
 * The entry is built with code splitting, so each module it loads with a
 * dynamic `import()` (examples/run-all.ts) becomes its own chunk and keeps
 * its own top-level names: kernels are rebuilt from their source, so a
 * variable renamed to avoid a clash between bundled files would no longer
 * match its `scope` entry.
 */
import { build } from "esbuild";
import { mkdirSync, rmSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <file.ts> [args...]");
  process.exit(2);
}
// one folder per run, so runs of the same or different entries can overlap (as tests do)
const outdir = resolve(".cache", `${basename(entry, ".ts")}-${process.pid}`);
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const common = { bundle: true, platform: "node", format: "esm", target: "es2022", packages: "external", logLevel: "warning" };
await build({ ...common, entryPoints: ["src/index.ts"], outfile: resolve(outdir, "kernex.mjs") });
const kernexAsFile = {
  name: "kernex-as-file",
  setup(b) {
    // chunks live next to kernex.mjs, so one relative path serves them all
    b.onResolve({ filter: /^kernex$/ }, () => ({ path: "./kernex.mjs", external: true }));
  },
};
await build({
  ...common,
  entryPoints: { main: entry },
  outdir,
  splitting: true,
  outExtension: { ".js": ".mjs" },
  chunkNames: "[name]-[hash]",
  plugins: [kernexAsFile],
});
const outfile = resolve(outdir, "main.mjs");
process.argv = [process.argv[0], outfile, ...rest];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
