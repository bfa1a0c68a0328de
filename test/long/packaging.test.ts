/**
 * @file The package as users get it. A clean copy of the repository (its
 * tracked files: no dist/, node_modules linked) runs `npm pack`, whose
 * `prepack` builds dist/; the tarball is installed into a fresh project and
 * imported from ESM (.mjs) and CommonJS (.cjs) in child Node processes, and
 * TypeScript files are compiled against the shipped declarations under
 * `strict` with skipLibCheck off: wrong calls for moduleResolution bundler
 * and node16 (ESM and CommonJS), typical user code (test/types/strict-usage.ts),
 * and every ```ts block of README.md, each as its own module.
 * acorn and astring come from npm's cache or the registry.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");
let work = "";
let app = "";
let packedFiles: string[] = [];

/** Run a command and return its stdout; on failure the error carries stdout and stderr. */
function sh(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: "pipe", timeout: 180_000 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${err.stdout ?? ""}\n${err.stderr ?? ""}\n${err.message}`);
  }
}

/** A copy of the repository's files as a fresh clone has them (tracked and not ignored), node_modules linked from here. */
function cleanCopy(to: string): void {
  // regular files only: a node_modules symlink is not matched by .gitignore's "node_modules/"
  const files = sh("git", ["ls-files", "-co", "--exclude-standard", "-z"], repo)
    .split("\0")
    .filter((f) => f !== "" && existsSync(join(repo, f)) && lstatSync(join(repo, f)).isFile());
  for (const f of files) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    copyFileSync(join(repo, f), join(to, f));
  }
  symlinkSync(realpathSync(join(repo, "node_modules")), join(to, "node_modules"), "dir");
}

/** The ```ts blocks of a markdown text, in order. */
function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
}

/** A kmap and a kscan with a function mesh: the values every import style must give. */
const USE = `
const sums = kex.kmap({ kernelSize: 3 }, (x) => kex.sum(x))(kex.array([1, 2, 3, 4, 5])).toArray();
const F = kex.kscan({ kernelSize: 3, padding: "same" });
F.at["1:"] = (x) => x[0] + x[1];
const scanned = F(kex.array([1, 2, 3, 4])).toArray();
console.log(JSON.stringify({ sums, scanned, isError: new kex.KernexError("x") instanceof Error }));
`;
const EXPECTED = { sums: [6, 9, 12], scanned: [1, 3, 6, 10], isError: true }; // kscan: running sums

/** Uses the types: wrong calls must be errors, or the declarations were not found. */
const TYPED = `
const y: kex.NDArray = kex.kmap({ kernelSize: 3 }, (x) => kex.sum(x))(kex.array([1, 2, 3]));
const n: number = y.item();
const options: kex.StencilOptions = { kernelSize: [3, 3], padding: "same", padMode: "wrap" };
// @ts-expect-error kernelSize is a number or an array of numbers
kex.kmap({ kernelSize: "3" }, (x) => x);
// @ts-expect-error item() returns a number
const s: string = y.item();
`;

function tsconfig(dir: string, options: Record<string, string>, files: readonly string[]): void {
  const compilerOptions = { strict: true, noEmit: true, target: "es2022", skipLibCheck: false, types: [], ...options };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files }, null, 2));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "kernex-pack-"));
  const clone = join(work, "clone");
  cleanCopy(clone);
  // prepack's build prints to stdout before npm's JSON
  const out = sh(npm, ["pack", "--json", "--pack-destination", work], clone);
  const packed = JSON.parse(out.slice(out.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
  packedFiles = packed[0]!.files.map((f) => f.path);
  const tarball = join(work, packed[0]!.filename);
  app = join(work, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "kernex-consumer", private: true, version: "1.0.0" }));
  sh(npm, ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], app);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("npm pack from a clean copy of the repository", () => {
  it("builds dist/ in prepack and ships it", () => {
    for (const f of ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts", "dist/kernex.browser.js", "package.json"]) {
      expect(packedFiles, f).toContain(f);
    }
    expect(packedFiles.some((f) => f.startsWith("src/") || f.startsWith("test/"))).toBe(false);
  });
});

describe("the packed tarball, installed in a fresh project", () => {
  it("imports from ESM", () => {
    writeFileSync(join(app, "use.mjs"), `import * as kex from "kernex";\n${USE}`);
    expect(JSON.parse(sh(process.execPath, ["use.mjs"], app))).toEqual(EXPECTED);
  });

  it("requires from CommonJS", () => {
    writeFileSync(join(app, "use.cjs"), `const kex = require("kernex");\n${USE}`);
    expect(JSON.parse(sh(process.execPath, ["use.cjs"], app))).toEqual(EXPECTED);
  });

  it("loads the build plugins kernex/esbuild and kernex/vite from ESM and CommonJS (esbuild and vite are optional peers, not installed here)", () => {
    const kernel = 'import { kmap } from "kernex"; const c = 2; kmap({ kernelSize: 1 }, (x) => c * x[0]);';
    const report = `console.log(JSON.stringify({ esbuild: esbuildPlugin().name, vite: vitePlugin().name, recorded: vitePlugin().transform(${JSON.stringify(kernel)}, "/app/main.js").code.includes('captures: () => ({ c })') }));`;
    writeFileSync(join(app, "plugins.mjs"), `import esbuildPlugin from "kernex/esbuild";\nimport vitePlugin from "kernex/vite";\n${report}\n`);
    writeFileSync(join(app, "plugins.cjs"), `const esbuildPlugin = require("kernex/esbuild");\nconst vitePlugin = require("kernex/vite").default;\n${report}\n`);
    const expected = { esbuild: "kernex", vite: "kernex", recorded: true };
    expect(JSON.parse(sh(process.execPath, ["plugins.mjs"], app))).toEqual(expected);
    expect(JSON.parse(sh(process.execPath, ["plugins.cjs"], app))).toEqual(expected);
  });

  it("type-checks with moduleResolution bundler: wrong calls, typical user code and every README ```ts block", () => {
    const dir = join(app, "bundler");
    mkdirSync(dir);
    writeFileSync(join(dir, "check.ts"), `import * as kex from "kernex";\n${TYPED}\nexport { n, options, s };\n`);
    copyFileSync(join(repo, "test", "types", "strict-usage.ts"), join(dir, "strict-usage.ts"));
    const blocks = tsBlocks(readFileSync(join(repo, "README.md"), "utf8"));
    expect(blocks.length).toBeGreaterThan(0);
    // each block is its own module; a block that does not import kernex itself gets the README's import
    const names = blocks.map((code, i) => {
      const name = `readme-${String(i + 1).padStart(2, "0")}.ts`;
      const head = /from "kernex"|require\("kernex"\)/.test(code) ? "" : 'import * as kex from "kernex";\n';
      writeFileSync(join(dir, name), `${head}${code}\nexport {};\n`);
      return name;
    });
    writeFileSync(join(dir, "plugin.ts"), `import kernex, { type KernexViteOptions } from "kernex/vite";\nconst o: KernexViteOptions = { include: /\\.ts$/ };\nexport const plugin: { name: string } = kernex(o);\n// @ts-expect-error include is a RegExp\nkernex({ include: "src" });\n`);
    tsconfig(dir, { module: "esnext", moduleResolution: "bundler" }, ["check.ts", "strict-usage.ts", "plugin.ts", ...names]);
    sh(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], dir);
  });

  it("type-checks with moduleResolution node16, as ESM (.mts) and as CommonJS (.cts)", () => {
    const dir = join(app, "node16");
    mkdirSync(dir);
    writeFileSync(join(dir, "check.mts"), `import * as kex from "kernex";\n${TYPED}\nexport { n, options, s };\n`);
    writeFileSync(join(dir, "check.cts"), `import kex = require("kernex");\n${TYPED}\nexport = { n, options, s };\n`);
    tsconfig(dir, { module: "node16", moduleResolution: "node16" }, ["check.mts", "check.cts"]);
    sh(process.execPath, [tsc, "-p", "tsconfig.json"], dir);
  });
});
