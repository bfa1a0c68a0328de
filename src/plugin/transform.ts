/**
 * @file The build plugins' source transform, shared by the esbuild and the
 * Vite/Rollup adapters: parse a JavaScript module with acorn, find its
 * kernels (find-kernels.ts), and attach to each kernel and helper its
 * source as written and a getter of its free variables:
 *
 *     kmap(o, (x) => c * x[0])
 *     // becomes
 *     kmap(o, __kernexKernel((x) => c * x[0], { source: "(x) => c * x[0]", name: "", captures: () => ({ c }) }))
 *
 * A function declaration is registered at the start of the statements it is
 * hoisted to (`__kernexKernel(helper, {...});`). `__kernexKernel` is imported
 * from "kernex" under a name the module does not use. Edits only insert
 * text and never add a line, so line numbers (and source maps that map
 * lines) stay right. The recorded source is a JSON string literal: nothing
 * from the module is pasted as code except the names of its own variables.
 */

import { parse } from "acorn";
import type { Node, Program } from "estree";
import { findKernels, HELPER_DIRECTIVE, KERNEX_MODULE, type RecordedFunction } from "./find-kernels";

/** Where the text of a node starts and ends (acorn records both). */
interface Span {
  readonly start: number;
  readonly end: number;
}

function span(node: Node): Span {
  const { start, end } = node as unknown as Span;
  return { start, end };
}

/** A text insertion; insertions at the same offset keep the order they were made in. */
interface Insertion {
  readonly at: number;
  readonly text: string;
}

/**
 * The transformed module, or null when it has no kernel to record (or does
 * not parse as an ES module: then the runtime path applies unchanged).
 *
 * @example
 * transformKernels('import { kmap } from "kernex";\nconst c = 2;\nexport const f = kmap({ kernelSize: 1 }, (x) => c * x[0]);')?.code;
 * // 'import { __kernexKernel as __kernexKernel } from "kernex";import { kmap } from "kernex";\n...'
 */
export function transformKernels(code: string): { code: string; kernels: number } | null {
  if (!mentionsKernex(code)) return null;
  let program: Program;
  try {
    program = parse(code, { ecmaVersion: "latest", sourceType: "module", allowHashBang: true }) as unknown as Program;
  } catch {
    return null;
  }
  const recorded = findKernels(program);
  if (recorded.length === 0) return null;
  const local = freshName(code, "__kernexKernel");
  const insertions: Insertion[] = [{ at: afterHashbang(code), text: `import { __kernexKernel as ${local} } from ${JSON.stringify(KERNEX_MODULE)};` }];
  for (const fn of recorded) insertions.push(...attach(fn, code, local));
  return { code: applyInsertions(code, insertions), kernels: recorded.filter((fn) => fn.role === "kernel").length };
}

/**
 * A cheap test before parsing: only modules that import from "kernex" or
 * use the `"use kernex"` directive can hold functions the finder records.
 *
 * @example
 * mentionsKernex('import * as K from "kernex";'); // true
 */
export function mentionsKernex(code: string): boolean {
  return code.includes(`"${KERNEX_MODULE}"`) || code.includes(`'${KERNEX_MODULE}'`) || code.includes(HELPER_DIRECTIVE);
}

/** The insertions that record one function. */
function attach(fn: RecordedFunction, code: string, local: string): Insertion[] {
  const { start, end } = span(fn.node);
  const info =
    `{ source: ${JSON.stringify(code.slice(start, end))}, name: ${JSON.stringify(fn.name)}, ` +
    `captures: () => (${fn.captures.length === 0 ? "{}" : `{ ${fn.captures.join(", ")} }`}) }`;
  if (fn.hoistTo === null) {
    return [
      { at: start, text: `${local}(` },
      { at: end, text: `, ${info})` },
    ];
  }
  return [{ at: statementsStart(fn.hoistTo, code), text: `${local}(${fn.name}, ${info});` }];
}

/** Where statements can be inserted at the start of a Program or block: after its imports and directives. */
function statementsStart(body: Node, code: string): number {
  if (body.type !== "Program" && body.type !== "BlockStatement") throw new Error(`cannot insert statements into a ${body.type}`);
  let at = body.type === "Program" ? afterHashbang(code) : span(body).start + 1;
  for (const statement of body.body) {
    const isDirective = statement.type === "ExpressionStatement" && "directive" in statement && typeof statement.directive === "string";
    if (statement.type !== "ImportDeclaration" && !isDirective) break;
    at = span(statement).end;
  }
  return at;
}

/** The start of the module's second line when its first is a hashbang (`#!/usr/bin/env node`), else 0. */
function afterHashbang(code: string): number {
  if (!code.startsWith("#!")) return 0;
  const newline = code.indexOf("\n");
  return newline < 0 ? code.length : newline + 1;
}

/** A name starting with `base` that does not occur in the code. */
function freshName(code: string, base: string): string {
  let name = base;
  for (let i = 1; code.includes(name); i++) name = `${base}${i}`;
  return name;
}

function applyInsertions(code: string, insertions: readonly Insertion[]): string {
  const ordered = insertions.map((insertion, index) => ({ ...insertion, index })).sort((a, b) => a.at - b.at || a.index - b.index);
  let out = "";
  let from = 0;
  for (const { at, text } of ordered) {
    out += code.slice(from, at) + text;
    from = at;
  }
  return out + code.slice(from);
}
