/**
 * @file Build: ESM and CJS bundles for Node, an ESM bundle for browsers
 * (esbuild), the build plugins `kernex/esbuild` and `kernex/vite` (ESM and
 * CJS, for Node), and the .d.ts files (tsc). With `--browser <file>`, only
 * the browser bundle, to that file.
 */
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";

const common = { entryPoints: ["src/index.ts"], bundle: true, sourcemap: true, target: "es2022", external: ["acorn", "astring"] };
const browser = { ...common, external: [], format: "esm", platform: "browser" };

// `node scripts/build.mjs --browser <file>`: only the browser bundle, written to <file> (the browser test's own copy)
const flag = process.argv.indexOf("--browser");
if (flag >= 0) {
  const outfile = process.argv[flag + 1];
  if (!outfile) throw new Error("usage: node scripts/build.mjs --browser <outfile>");
  await build({ ...browser, outfile });
  process.exit(0);
}

rmSync("dist", { recursive: true, force: true });
await build({ ...common, format: "esm", platform: "node", outfile: "dist/index.js" });
await build({ ...common, format: "cjs", platform: "node", outfile: "dist/index.cjs" });
await build({ ...browser, outfile: "dist/kernex.browser.js" });
// The build plugins run in the bundler's Node process; esbuild and vite are their optional peer dependencies.
const plugin = { bundle: true, sourcemap: true, target: "es2022", platform: "node", external: ["acorn", "astring", "esbuild", "vite", "rollup"] };
// CommonJS: require("kernex/esbuild") is the plugin function itself, and also has it as .default
const cjsDefault = { js: "module.exports = Object.assign(module.exports.default, module.exports);" };
for (const name of ["esbuild", "vite"]) {
  await build({ ...plugin, entryPoints: [`src/plugin/${name}.ts`], format: "esm", outfile: `dist/${name}.js` });
  await build({ ...plugin, entryPoints: [`src/plugin/${name}.ts`], format: "cjs", outfile: `dist/${name}.cjs`, footer: cjsDefault });
}
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
// Declarations: tsc writes extensionless relative imports, which node16/nodenext
// resolution accepts only in CommonJS declaration files. Marking dist/types as
// CommonJS makes them valid for every resolution mode; the two entry files
// (ESM .d.ts for `import`, CJS .d.cts for `require`) re-export them with an extension.
writeFileSync("dist/types/package.json", '{ "type": "commonjs" }\n');
writeFileSync("dist/index.d.ts", 'export * from "./types/src/index.js";\n');
writeFileSync("dist/index.d.cts", 'export * from "./types/src/index.js";\n');
for (const name of ["esbuild", "vite"]) {
  const types = `export { default } from "./types/src/plugin/${name}.js";\nexport * from "./types/src/plugin/${name}.js";\n`;
  writeFileSync(`dist/${name}.d.ts`, types);
  writeFileSync(`dist/${name}.d.cts`, types);
}
console.log("built dist/index.js, dist/index.cjs, dist/kernex.browser.js, dist/index.d.ts, dist/index.d.cts, dist/esbuild.{js,cjs,d.ts,d.cts}, dist/vite.{js,cjs,d.ts,d.cts}");
