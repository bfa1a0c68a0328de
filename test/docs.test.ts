/**
 * @file Every export of the public surface (src/index.ts) has a TSDoc
 * comment with an `@example`, read with the TypeScript compiler API the way
 * typedoc and editors read it. (`npm run docs` checks the rest: members
 * documented, links valid.)
 */
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const index = fileURLToPath(new URL("../src/index.ts", import.meta.url));

it("every export of src/index.ts has a doc comment with an @example", () => {
  // only the sources' own declarations matter here: no lib or @types files to parse
  const program = ts.createProgram([index], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, noLib: true, types: [] });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  const exports = checker.getExportsOfModule(moduleSymbol);
  expect(exports.length).toBeGreaterThan(50);
  const missing: string[] = [];
  for (const exported of exports) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const hasExample = symbol.getJsDocTags(checker).some((tag) => tag.name === "example");
    if (docs === "" || !hasExample) missing.push(`${exported.name}${docs === "" ? " (no comment)" : " (no @example)"}`);
  }
  expect(missing).toEqual([]);
}, 60_000);
