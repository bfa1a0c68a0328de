/**
 * @file The build plugins' source transform (src/plugin/transform.ts) and
 * their adapters: the edits keep every line where it was, the helper is
 * imported under a name the module does not use, declarations are
 * registered after imports and directives, modules without kernels are left
 * alone; the esbuild plugin strips TypeScript first, and its output still
 * works after minification; bad plugin options are KernexErrors (issue #16).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { build as viteBuild, createServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KernexError } from "../../src/errors";
import kernexEsbuild from "../../src/plugin/esbuild";
import { transformKernels } from "../../src/plugin/transform";
import kernexVite from "../../src/plugin/vite";

const repo = new URL("../..", import.meta.url).pathname;

describe("transformKernels", () => {
  it("wraps a kernel with its source and a getter of its captures, and keeps every line where it was", () => {
    const code = 'import { kmap } from "kernex";\nconst c = 0.5;\nexport const f = kmap({ kernelSize: 1 }, (x) =>\n  c * x[0]);\n';
    const out = transformKernels(code)!.code;
    expect(out).toBe(
      'import { __kernexKernel as __kernexKernel } from "kernex";import { kmap } from "kernex";\nconst c = 0.5;\n' +
        'export const f = kmap({ kernelSize: 1 }, __kernexKernel((x) =>\n  c * x[0], { source: "(x) =>\\n  c * x[0]", name: "", captures: () => ({ c }) }));\n',
    );
    expect(out.split("\n").length).toBe(code.split("\n").length);
  });

  it("registers a function declaration after the imports and directives of the statements it is hoisted to", () => {
    const code = '#!/usr/bin/env node\nimport { kmap } from "kernex";\nfunction f() {\n  "use strict";\n  function h(v) { return 2 * v; }\n  return kmap({ kernelSize: 1 }, (x) => h(x[0]));\n}\n';
    const out = transformKernels(code)!.code;
    expect(out.startsWith('#!/usr/bin/env node\nimport { __kernexKernel as __kernexKernel } from "kernex";')).toBe(true);
    expect(out).toContain('"use strict";__kernexKernel(h, { source: "function h(v) { return 2 * v; }", name: "h", captures: () => ({}) });');
  });

  it("imports the helper under a name the module does not use", () => {
    const code = 'import { kmap } from "kernex";\nconst __kernexKernel = 1;\nkmap({ kernelSize: 1 }, (x) => x[0]);\n';
    expect(transformKernels(code)!.code).toContain("import { __kernexKernel as __kernexKernel1 } from");
  });

  it("leaves modules without kernels, without kernex, or that do not parse as modules unchanged (null)", () => {
    expect(transformKernels('import { kmap } from "kernex";\nexport const k = kmap;\n')).toBeNull();
    expect(transformKernels("const kmap = (o, f) => f;\nkmap({}, (x) => x[0]);\n")).toBeNull();
    expect(transformKernels('import { kmap } from "kernex";\nconst a: number = 1;\n')).toBeNull();
  });

  it("writes the recorded source as a string literal: nothing from the module runs as code except its own names", () => {
    const kernel = '(x) => /* ` */ (s === "\\"); alert(1); (\\"" ? x[0] : x[1])';
    const code = `import { kmap } from "kernex";\nkmap({ kernelSize: 1 }, ${kernel});\n`;
    const out = transformKernels(code)!.code;
    expect(out).toContain(`source: ${JSON.stringify(kernel)}`);
  });
});

describe("the adapters", () => {
  let work = "";
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "kernex-plugin-"));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("kernex/esbuild strips TypeScript first, and its minified bundle computes the closure's values", async () => {
    const entry = join(work, "app.ts");
    writeFileSync(
      entry,
      `import * as K from "kernex";
interface Settings { readonly gain: number }
const settings: Settings = { gain: 3 };
const gain: number = settings.gain;
function shift<T extends number>(v: T): number { return v + 1; }
const y = K.kmap({ kernelSize: 2 }, (w: K.NDArray) => gain * shift(w[0] as unknown as number) - w[1]);
export const values = y(K.array([1, 2, 4, 8])).toArray();
`,
    );
    const outfile = join(work, "app.mjs");
    await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "node", outfile, alias: { kernex: join(repo, "src/index.ts") }, plugins: [kernexEsbuild()], logLevel: "silent" });
    const { values } = (await import(outfile)) as { values: number[] };
    // gain * (w0 + 1) - w1 over windows of [1, 2, 4, 8]
    expect(values).toEqual([3 * 2 - 2, 3 * 3 - 4, 3 * 5 - 8]);
  });

  it("kernex/esbuild leaves a module esbuild cannot compile to the build, which reports esbuild's own error", async () => {
    const entry = join(work, "broken.ts");
    writeFileSync(entry, 'import { kmap } from "kernex";\nconst broken: number = ;\n');
    const result = build({ entryPoints: [entry], bundle: true, write: false, alias: { kernex: join(repo, "src/index.ts") }, plugins: [kernexEsbuild()], logLevel: "silent" });
    await expect(result).rejects.toThrow(/broken\.ts:2:\d+: ERROR: Unexpected ";"/);
  });

  it("kernex/vite runs after Vite's own TypeScript transform: a minified Vite build of a TypeScript module computes the closure's values", async () => {
    const root = join(work, "vite-ts");
    mkdirSync(root);
    const entry = join(root, "main.ts");
    writeFileSync(
      entry,
      `import * as K from "kernex";
interface Settings { readonly gain: number }
const settings: Settings = { gain: 3 };
const gain: number = settings.gain;
export const values = K.kmap({ kernelSize: 2 }, (w: K.NDArray) => gain * (w[0] as unknown as number) - w[1])(K.array([1, 2, 4, 8])).toArray();
`,
    );
    const outDir = join(root, "out");
    await viteBuild({
      root,
      configFile: false,
      logLevel: "silent",
      plugins: [kernexVite()],
      resolve: { alias: { kernex: join(repo, "src/index.ts") } },
      build: { outDir, emptyOutDir: true, minify: true, ssr: entry, rollupOptions: { output: { format: "esm", entryFileNames: "main.mjs" } } },
    });
    const { values } = (await import(join(outDir, "main.mjs"))) as { values: number[] };
    expect(values).toEqual([3 * 1 - 2, 3 * 2 - 4, 3 * 4 - 8]);
  });

  it("kernex/vite under Vite's dev server (modules loaded through its SSR transform, as vitest loads them): the closure's values", async () => {
    const root = join(work, "vite-dev");
    mkdirSync(root);
    writeFileSync(
      join(root, "main.ts"),
      `import { kmap, array, sum } from "kernex";
const c: number = 0.5;
export const values = kmap({ kernelSize: 2 }, (w) => c * sum(w))(array([1, 2, 4, 8])).toArray();
`,
    );
    const server = await createServer({
      root,
      configFile: false,
      logLevel: "silent",
      plugins: [kernexVite()],
      resolve: { alias: { kernex: join(repo, "src/index.ts") } },
      server: { middlewareMode: true, hmr: false, watch: null },
      appType: "custom",
    });
    try {
      const { values } = (await server.ssrLoadModule("/main.ts")) as { values: number[] };
      expect(values).toEqual([0.5 * 3, 0.5 * 6, 0.5 * 12]);
    } finally {
      await server.close();
    }
  });

  it("kernex/vite transforms script modules only, outside node_modules and virtual modules", () => {
    const plugin = kernexVite();
    const code = 'import { kmap } from "kernex";\nconst c = 1;\nkmap({ kernelSize: 1 }, (x) => c * x[0]);\n';
    expect(plugin.name).toBe("kernex");
    expect(plugin.transform(code, "/app/src/main.ts?v=1")?.code).toContain("captures: () => ({ c })");
    expect(plugin.transform(code, "/app/node_modules/lib/index.js")).toBeNull();
    expect(plugin.transform(code, "\0virtual:kernels")).toBeNull();
    expect(plugin.transform(code, "/app/style.css")).toBeNull();
  });

  it("reject bad options with a KernexError naming the option, the value and what was expected", () => {
    expect(() => kernexEsbuild({ filter: "ts" as unknown as RegExp })).toThrow(KernexError);
    expect(() => kernexEsbuild({ filter: "ts" as unknown as RegExp })).toThrow('kernex/esbuild: options.filter: got "ts", expected a RegExp');
    expect(() => kernexVite(3 as unknown as object)).toThrow("kernex/vite: options: got 3, expected an object");
    expect(() => kernexVite({ include: "src" as unknown as RegExp })).toThrow('kernex/vite: options.include: got "src", expected a RegExp');
  });
});
