/**
 * @file The API reference's sources: every export of the public surface
 * (src/index.ts) has a TSDoc comment with an `@example`, read with the
 * TypeScript compiler API the way typedoc and editors read it; each export
 * falls into one of the reference's categories (scripts/typedoc-categories.mjs);
 * the stencil transforms are documented functions with their parameters; the
 * guides in docs/ are pages of the reference. (`npm run docs` checks the
 * rest: members documented, links valid.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, expect, it } from "vitest";
import { categoryOf } from "../scripts/typedoc-categories.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const index = fileURLToPath(new URL("../src/index.ts", import.meta.url));

let checker: ts.TypeChecker;
/** The exports of src/index.ts, aliases resolved to their declarations. */
let exports: { name: string; symbol: ts.Symbol }[] = [];

beforeAll(() => {
  // only the sources' own declarations matter here: no lib or @types files to parse
  const program = ts.createProgram([index], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, noLib: true, types: [] });
  checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  exports = checker.getExportsOfModule(moduleSymbol).map((exported) => ({
    name: exported.name,
    symbol: exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported,
  }));
}, 60_000);

it("every export of src/index.ts has a doc comment with an @example", () => {
  expect(exports.length).toBeGreaterThan(50);
  const missing: string[] = [];
  for (const { name, symbol } of exports) {
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const hasExample = symbol.getJsDocTags(checker).some((tag) => tag.name === "example");
    if (docs === "" || !hasExample) missing.push(`${name}${docs === "" ? " (no comment)" : " (no @example)"}`);
  }
  expect(missing).toEqual([]);
});

it("every export falls into a category of the API reference", () => {
  const uncategorized = exports
    .map(({ name, symbol }) => ({ name, path: relative(repo, symbol.declarations![0]!.getSourceFile().fileName) }))
    .filter(({ name, path }) => categoryOf(path, name) === "Other")
    .map(({ name, path }) => `${name} (${path})`);
  expect(uncategorized).toEqual([]);
  expect(categoryOf("src/stencil/kmap.ts", "kmap")).toBe("Stencils");
  expect(categoryOf("src/core/ops.ts", "sum")).toBe("Array functions");
  expect(categoryOf("compiler/primitives.ts", "DType")).toBe("Arrays");
  expect(categoryOf("src/transforms/fori-loop.ts", "foriLoop")).toBe("Loops");
});

it("kmap, kscan, smap and sscan are functions documented with their options, with and without a kernel", () => {
  for (const name of ["kmap", "kscan", "smap", "sscan"]) {
    const { symbol } = exports.find((e) => e.name === name)!;
    expect(symbol.flags & ts.SymbolFlags.Function, name).toBeTruthy();
    const signatures = checker.getTypeOfSymbol(symbol).getCallSignatures();
    expect(signatures.map((s) => s.getParameters().length).sort(), name).toEqual([1, 2]);
    for (const signature of signatures) {
      const tags = signature.getJsDocTags();
      expect(tags.filter((t) => t.name === "param").map((t) => ts.displayPartsToString(t.text).split(" ")[0]), name).toEqual(signature.getParameters().map((p) => p.name));
      expect(tags.some((t) => t.name === "example"), `${name}: @example`).toBe(true);
    }
  }
});

it("the guides in docs/ are pages of the API reference, which is written under out/", () => {
  const config = JSON.parse(readFileSync(new URL("../typedoc.json", import.meta.url), "utf8")) as { out: string; projectDocuments: string[]; treatWarningsAsErrors: boolean; plugin: string[] };
  const guides = readdirSync(new URL("../docs/", import.meta.url)).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`);
  expect(guides).toContain("docs/kernel-language.md");
  expect([...config.projectDocuments].sort()).toEqual(guides.sort());
  expect(config.out.startsWith("out/")).toBe(true);
  expect(config.treatWarningsAsErrors).toBe(true);
  expect(config.plugin).toContain("./scripts/typedoc-categories.mjs");
});
