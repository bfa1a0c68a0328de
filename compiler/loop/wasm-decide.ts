/**
 * @file Which stencils the "wasm" backend runs in WebAssembly, and the
 * lowered code it translates. WebAssembly sees only its own Memory, so a
 * call copies the inputs in and the results out: that pays only where each
 * copied element feeds enough work. The decider reads the kernel's
 * innermost loop (the interior box, where nearly all cells run): its
 * reads, operations and stores per cell, a Math.max/Math.min counted as
 * MAX_MIN_WEIGHT operations (JavaScript compiles them to branches for NaN
 * and ±0; f64x2.max is one instruction), against the elements copied per
 * grid cell (inputs, extra inputs and outputs over the grid's cells).
 *
 *     W3 5-point laplacian:  11 ops / 2 copied ≈ 5.5   → JavaScript (memory-bound)
 *     W4 3×3 max-pool s=2:   9 reads + 8 max·4 + 1 / 5 copied ≈ 8.4 → wasm
 *     W1 conv 3×3×3:         81 / 4 ≈ 20               → wasm
 *     W7 7×7 blur:           147 / 2 ≈ 73              → wasm
 *
 * Only maps qualify (not scans, gathers, reductions over the grid or
 * in-place maps): their outputs are written at every cell, so nothing
 * needs copying in for them. The decision reads the kernel alone, never the
 * workload's name.
 */
import { Prim, type StencilParams } from "../primitives";
import type { LoopNest } from "./loop-ir";
import type { LoweredCode, Stmt } from "./lowered-ir";
import { lowerStencil } from "./lower-stencil";
import { simplifyLowered } from "./simplify-index";

/** A Math.max or Math.min counts as this many operations (measured: a select-chain max costs ~4 adds in V8). */
export const MAX_MIN_WEIGHT = 4;
/** Work per copied element (see the header) from which WebAssembly pays: between W3 (5.5, slower in wasm) and W4 (8.4, faster). */
export const MIN_WORK_PER_COPIED = 7;

/** The decision and why, for the debug log and tests. */
export interface WasmDecision {
  readonly wasm: boolean;
  readonly reason: string;
  /** Work per copied element (NaN when the kind does not qualify). */
  readonly score: number;
}

/** The innermost loop with the longest body. */
function heaviestLoop(body: readonly Stmt[]): Extract<Stmt, { kind: "for" }> | null {
  let best: Extract<Stmt, { kind: "for" }> | null = null;
  const visit = (list: readonly Stmt[]): void => {
    for (const s of list) {
      if (s.kind === "for") {
        if (!s.body.some((b) => b.kind === "for")) {
          if (best === null || s.body.length > best.body.length) best = s;
        }
        visit(s.body);
      } else if (s.kind === "if") {
        visit(s.then);
        visit(s.else);
      } else if (s.kind === "block") {
        visit(s.body);
      }
    }
  };
  visit(body);
  return best;
}

/** Work of one cell of a loop body: reads, operations and stores, max/min weighted. */
function cellWork(body: readonly Stmt[]): number {
  let work = 0;
  for (const s of body) {
    if (s.kind === "value") {
      const v = s.value;
      work += v.kind === "binary" && (v.prim === Prim.Max || v.prim === Prim.Min) ? MAX_MIN_WEIGHT : v.kind === "sum" ? v.terms.length : 1;
    } else if (s.kind === "store" || s.kind === "accumulate") {
      work += 1;
    }
  }
  return work;
}

/**
 * Should the "wasm" backend run this map stencil in WebAssembly?
 *
 * @example
 * wasmDecision(params, lowerForWasm(nest), false).wasm; // true for a 7×7 blur, false for a 5-point laplacian
 */
export function wasmDecision(params: StencilParams, code: LoweredCode, gather: boolean): WasmDecision {
  const no = (reason: string): WasmDecision => ({ wasm: false, reason, score: NaN });
  if (gather || params.spec.kind !== "map") return no("only maps run in WebAssembly");
  if (params.reduceGrid || code.schedule.partialRows > 0 || code.schedule.steps !== 1) return no("a reduction over the grid");
  if (params.spec.placement !== "grid" || !params.branches.some((br) => br.region === null)) return no("outputs not written at every cell");
  const loop = heaviestLoop(code.body);
  if (loop === null) return no("no loop");
  const cells = params.spec.gridShape.reduce((n, g) => n * g, 1);
  let copied = 0;
  for (const b of code.buffers) if (b.source === "f") copied += b.length;
  const score = cellWork(loop.body) / Math.max(1, copied / Math.max(1, cells));
  const wasm = score >= MIN_WORK_PER_COPIED;
  return { wasm, score, reason: `${score.toFixed(1)} operations per copied element ${wasm ? "≥" : "<"} ${MIN_WORK_PER_COPIED}` };
}

/**
 * The lowered code the wasm emitter translates: lowered and simplified
 * like the JavaScript path's, adjacent border boxes with the same code
 * as one block (the module holds one function, so nothing would merge
 * them later), but neither jammed (the vector loop takes cells two at a
 * time itself) nor outlined.
 *
 * @example
 * emitWasm(lowerForWasm(runPipeline(params, extraShapes)), places);
 */
export function lowerForWasm(nest: LoopNest): LoweredCode {
  return simplifyLowered(lowerStencil(nest, true, true));
}
