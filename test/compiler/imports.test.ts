/**
 * @file No runtime import cycle among src/, compiler/ and runtime/. The import
 * graph is read from the sources with the TypeScript parser (so multi-line
 * imports and re-exports are seen exactly as the compiler sees them); imports
 * that are erased at compile time do not count: `import type`, `export type`,
 * and `import { type A, type B }` where every binding is a type. Dynamic
 * `import()` is not a load-time edge and is not read. Cycles are reported per
 * strongly connected component, with one concrete cycle through it. The
 * same graph shows that compiler/ stays pure (IR in, IR or source text out).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const FOLDERS = ["src", "compiler", "runtime"];

/**
 * Relative specifiers of the imports of `source` that survive compilation
 * (with `withTypes`, the type-only ones too).
 */
export function runtimeImports(source: string, fileName = "module.ts", withTypes = false): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (!withTypes && isErasedImport(statement)) continue;
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined) {
      if (!withTypes && isErasedExport(statement)) continue;
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers.filter((s) => s.startsWith("."));
}

function isErasedExport(statement: ts.ExportDeclaration): boolean {
  if (statement.isTypeOnly) return true;
  const clause = statement.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

function isErasedImport(statement: ts.ImportDeclaration): boolean {
  const clause = statement.importClause;
  if (clause === undefined) return false; // `import "./side-effect"` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name !== undefined) return false;
  const bindings = clause.namedBindings;
  if (bindings === undefined || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier.replace(/\.(js|ts)$/, ""));
  for (const candidate of [`${base}.ts`, join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

/**
 * The runtime import graph of src/, compiler/ and runtime/ (with `withTypes`,
 * type-only imports too), keyed by path relative to the repository.
 */
export function importGraph(withTypes = false): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of FOLDERS.flatMap((f) => sourceFiles(join(ROOT, f)))) {
    const targets = runtimeImports(readFileSync(file, "utf8"), file, withTypes)
      .map((s) => resolveSpecifier(file, s))
      .filter((t): t is string => t !== undefined)
      .map((t) => relative(ROOT, t));
    graph.set(relative(ROOT, file), [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function cyclicComponents(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** One shortest cycle through the first file of a component (breadth-first within it). */
export function cycleThrough(graph: ReadonlyMap<string, readonly string[]>, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const parent = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
        return [...path, start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

describe("import graph reader", () => {
  it("reads multi-line imports and re-exports, and drops the ones erased at compile time", () => {
    const source = [
      'import {',
      '  a,',
      '  b,',
      '} from "./multi-line";',
      'import type { T } from "./type-only";',
      'import { type U, type V } from "./all-types";',
      'import { type W, w } from "./mixed";',
      'import * as ns from "./namespace";',
      'import "./side-effect";',
      'export { x } from "./re-export";',
      'export type { Y } from "./re-export-type";',
      'export { type Z } from "./re-export-types";',
      'export * from "./star";',
      'import { readFileSync } from "node:fs";',
      'const later = () => import("./dynamic");',
    ].join("\n");
    expect(runtimeImports(source)).toEqual(["./multi-line", "./mixed", "./namespace", "./side-effect", "./re-export", "./star"]);
    expect(runtimeImports(source, "module.ts", true)).toHaveLength(10);
  });

  it("finds each cycle and a path around it", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
      ["f", ["g"]],
      ["g", ["f"]],
    ]);
    const components = cyclicComponents(graph);
    expect(components).toEqual([["a", "b", "c"], ["e"], ["f", "g"]]);
    expect(cycleThrough(graph, components[0]!)).toEqual(["a", "b", "c", "a"]);
    expect(cycleThrough(graph, components[1]!)).toEqual(["e", "e"]);
  });
});

describe("src/, compiler/ and runtime/", () => {
  it("have no runtime import cycle", () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(50);
    const report = cyclicComponents(graph).map(
      (component) => `${component.length} files: ${component.join(", ")}\n  e.g. ${cycleThrough(graph, component).join(" -> ")}`,
    );
    expect(report.join("\n")).toBe("");
  });

  it("keep compiler/ pure: it imports nothing from src/ or runtime/, not even types", () => {
    const outward = [...importGraph(true)]
      .filter(([from]) => from.startsWith("compiler/"))
      .flatMap(([from, targets]) => targets.filter((t) => !t.startsWith("compiler/")).map((t) => `${from} -> ${t}`));
    expect(outward).toEqual([]);
  });

  it("keep runtime/ below the API: it imports nothing from src/, not even types", () => {
    const upward = [...importGraph(true)]
      .filter(([from]) => from.startsWith("runtime/"))
      .flatMap(([from, targets]) => targets.filter((t) => t.startsWith("src/")).map((t) => `${from} -> ${t}`));
    expect(upward).toEqual([]);
  });
});
