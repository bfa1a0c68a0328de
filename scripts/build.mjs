/**
 * @file Build: ESM and CJS bundles for Node, an ESM bundle for browsers
 * (esbuild), and the .d.ts files (tsc).
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });
const common = { entryPoints: ["src/index.ts"], bundle: true, sourcemap: true, target: "es2022", external: ["acorn", "astring"] };
await build({ ...common, format: "esm", platform: "node", outfile: "dist/index.js" });
await build({ ...common, format: "cjs", platform: "node", outfile: "dist/index.cjs" });
await build({ ...common, external: [], format: "esm", platform: "browser", outfile: "dist/kernex.browser.js" });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
writeFileSync("dist/index.d.ts", 'export * from "./types/src/index";\n');
console.log("built dist/index.js, dist/index.cjs, dist/kernex.browser.js, dist/index.d.ts");
