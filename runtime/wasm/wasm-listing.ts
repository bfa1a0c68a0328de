/**
 * @file What the "wasm" backend runs for each stencil of a program, as
 * `jit(f, { backend: "wasm" }).lower(...)` lists it: for a stencil that runs
 * in WebAssembly, the decider's score and the module's text (the WAT-like
 * listing of compiler/codegen/wasm-encode.ts), or for a module longer than
 * {@link WASM_LISTING_LINES} lines its summary and its first vector loop;
 * for one that stays JavaScript, why (the decider's score or reason).
 * The module listed is the one the call builds and runs (wasmKernelFor:
 * built once and kept with the stencil's compiled kernel), and the decision
 * the one the call made (wasmDecisionFor: the pass pipeline is not run
 * again); the text is printed from the module's binary here.
 */
import type { StencilParams } from "../../compiler/primitives";
import type { CompiledStencil } from "../executor/stencil-kernel";
import { wasmDecisionFor, wasmKernelFor, type ElementTypes, type WasmKernel } from "./wasm-kernel";

/** Modules up to this many lines of text are listed whole; longer ones as a summary and their first vector loop. */
export const WASM_LISTING_LINES = 400;

/** What one stencil of a program is, for the listing. */
export interface ListedStencil {
  /** Is it a map stencil (a gather, a scan's sweep or a stencil left to the interpreter stays JavaScript)? */
  readonly map: boolean;
  readonly params: StencilParams;
  readonly extraShapes: readonly (readonly number[])[];
  /** Its compiled JavaScript kernel, or null when it is interpreted. */
  readonly compiled: CompiledStencil | null;
  /** Element types of its inputs, extra inputs and outputs. */
  readonly elements: ElementTypes;
}

/**
 * The lines of the first loop that stores a whole vector (`v128.store`),
 * from its `loop` to its `end`, or [] when there is none.
 *
 * @example
 * vectorLoop(kernel.text.split("\n")); // ["      loop", "        local.get 3", …, "      end"]
 */
export function vectorLoop(lines: readonly string[]): string[] {
  const store = lines.findIndex((l) => l.trim() === "v128.store" || l.trim().startsWith("v128.store "));
  for (let i = store; i >= 0; i--) {
    if (lines[i]!.trim() !== "loop") continue;
    const indent = lines[i]!.length - lines[i]!.trimStart().length;
    const end = lines.findIndex((l, j) => j > i && l.trim() === "end" && l.length - l.trimStart().length === indent);
    if (end > store) return lines.slice(i, end + 1);
  }
  return [];
}

/** The module's text, or its summary and first vector loop when it is long. */
function moduleText(kernel: WasmKernel): string {
  const text = kernel.text;
  const lines = text.split("\n");
  if (lines.length <= WASM_LISTING_LINES) return text;
  const loop = vectorLoop(lines);
  const summary = `;; ${lines.length} lines of text, ${kernel.moduleBytes} bytes, ${kernel.vectorLoops} vector loop${kernel.vectorLoops === 1 ? "" : "s"}`;
  if (loop.length === 0) return `${summary}; no vector loop (the module is longer than ${WASM_LISTING_LINES} lines: not listed)`;
  const indent = loop[0]!.length - loop[0]!.trimStart().length;
  return `${summary}; the first vector loop:\n${loop.map((l) => l.slice(indent)).join("\n")}`;
}

/**
 * One stencil's part of the listing: a header saying where it runs and
 * why, then its module's text when it runs in WebAssembly.
 *
 * @example
 * wasmListing(1, stencil); // ";; stencil 1: WebAssembly (73.5 operations per copied element ≥ 7)\n(func $main …"
 */
export function wasmListing(index: number, s: ListedStencil): string {
  const head = `;; stencil ${index}:`;
  if (!s.map) return `${head} JavaScript (only maps run in WebAssembly)`;
  if (s.compiled === null) return `${head} interpreted (the kernel is too large to unroll or its border tables too sparse)`;
  const decision = wasmDecisionFor(s.params, s.extraShapes, s.compiled);
  if (!decision.wasm) return `${head} JavaScript (${decision.reason})`;
  const kernel = wasmKernelFor(s.params, s.extraShapes, s.compiled, s.elements);
  if (kernel === null) return `${head} JavaScript (the WebAssembly emitter does not translate it; debug level 1 says why)`;
  return `${head} WebAssembly (${decision.reason})\n${moduleText(kernel)}`;
}
