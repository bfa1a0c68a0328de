/**
 * @file Run a TypeScript entry file (an example or a benchmark): bundle the
 * kernex sources and the entry separately with esbuild (so the entry keeps
 * `kex.sum(...)` as written, as an installed package would), then import it.
 */
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <file.ts> [args...]");
  process.exit(2);
}
mkdirSync(".cache", { recursive: true });
const outfile = resolve(".cache", `${basename(entry, ".ts")}.mjs`);
const common = { bundle: true, platform: "node", format: "esm", target: "es2022", packages: "external", logLevel: "warning" };
await build({ ...common, entryPoints: ["src/index.ts"], outfile: resolve(".cache", "kernex.mjs") });
const kernexAsFile = {
  name: "kernex-as-file",
  setup(b) {
    b.onResolve({ filter: /^kernex$/ }, () => ({ path: "./kernex.mjs", external: true }));
  },
};
await build({ ...common, entryPoints: [entry], outfile, plugins: [kernexAsFile] });
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
