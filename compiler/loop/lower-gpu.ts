/**
 * @file Lowering for the WebGPU backend: the same lowering, simplification
 * and verification as lower.ts, without outlining (WGSL functions cannot
 * take the buffers and tables the outlined functions take as arguments, so
 * blocks stay inline as scopes of their own) and without unroll-and-jam (a
 * CPU register optimization). The result says how many invocations one
 * dispatch runs and what `lo` means in each:
 *
 * - "cell": a map over ≥ 2 dims whose schedule splits it (every cell
 *   written once, independently): one invocation per (split-dim index,
 *   innermost-dim index). The body is wrapped in a block that derives, from
 *   the invocation index `lo`, `lo1 = lo ⌊/⌋ n2` (the split-dim cell, whose
 *   loops read lo1/hi1 instead of lo/hi) and `lo2 = lo % n2` (the innermost
 *   cell, whose loops are clipped to [lo2, lo2 + 1)); neighbouring
 *   invocations write neighbouring cells.
 * - "row": other splittable stencils (scans by steps, gathers by rows, grid
 *   reductions by partial rows): one invocation per split-dim index, lo = that index.
 * - "all": a schedule that cannot split (a sequential scan, a periodic
 *   gather): one invocation runs [0, n).
 */
import { pullPlan } from "./gather-form";
import { checkLowered } from "./loop-check";
import type { LoopNest } from "./loop-ir";
import { ix, type IndexExpr, type LoweredCode, type Stmt } from "./lowered-ir";
import { lowerPullGather } from "./lower-pull-gather";
import { lowerStencil } from "./lower-stencil";
import { simplifyLowered } from "./simplify-index";
import { assertNever } from "../primitives";

/** Lowered code for the GPU and the invocations of one dispatch. */
export interface GpuLowered {
  readonly code: LoweredCode;
  readonly mode: "cell" | "row" | "all";
  /** Invocations per dispatch (lo runs over [0, invocations)). */
  readonly invocations: number;
}

/** `e` with variables renamed by `names`. */
function renameIndex(e: IndexExpr, names: ReadonlyMap<string, string>): IndexExpr {
  switch (e.kind) {
    case "const":
      return e;
    case "var":
      return names.has(e.name) ? ix.v(names.get(e.name)!) : e;
    case "add":
    case "min":
    case "max":
      return { ...e, a: renameIndex(e.a, names), b: renameIndex(e.b, names) };
    case "mul":
    case "div":
    case "mod":
      return { ...e, a: renameIndex(e.a, names) };
    case "table":
      return { ...e, at: renameIndex(e.at, names) };
    case "select":
      if (e.test.kind !== "cmp") throw new Error(`lower-gpu: a select on a compound test in a loop bound: ${JSON.stringify(e)}`);
      return { ...e, test: { ...e.test, a: renameIndex(e.test.a, names), b: renameIndex(e.test.b, names) }, a: renameIndex(e.a, names), b: renameIndex(e.b, names) };
    default:
      return assertNever(e);
  }
}

/** The statements with split-dim loops over [lo1, hi1) and innermost-dim (`d2`) loops clipped to [lo2, hi2). */
function splitLoops(body: readonly Stmt[], d2: number): Stmt[] {
  const names = new Map([
    ["lo", "lo1"],
    ["hi", "hi1"],
  ]);
  return body.map((s): Stmt => {
    switch (s.kind) {
      case "for": {
        const inner = splitLoops(s.body, d2);
        if (s.split) return { ...s, from: renameIndex(s.from, names), to: renameIndex(s.to, names), body: inner };
        if (s.dim === d2) return { ...s, from: ix.max(s.from, ix.v("lo2")), to: ix.min(s.to, ix.v("hi2")), body: inner };
        return { ...s, body: inner };
      }
      case "if":
        return { ...s, then: splitLoops(s.then, d2), else: splitLoops(s.else, d2) };
      case "block":
        return { ...s, body: splitLoops(s.body, d2) };
      default:
        return s;
    }
  });
}

/**
 * Lowered, simplified and verified code of a stencil's loop nest, its
 * blocks inline, and how a dispatch runs it: what the WGSL emitter prints.
 *
 * @example
 * emitWgsl(lowerNestForGpu(runPipeline(params, []))).code; // the compute shader
 */
export function lowerNestForGpu(nest: LoopNest): GpuLowered {
  const plan = nest.gather ? pullPlan(nest) : null;
  const lowered = simplifyLowered(plan !== null ? lowerPullGather(nest, plan) : lowerStencil(nest, false));
  const s = lowered.schedule;
  const spec = nest.params.spec;
  const nd = spec.gridShape.length;
  const d2 = nd - 1;
  const perCell = !nest.gather && spec.kind === "map" && !nest.params.reduceGrid && s.parallel && s.steps === 1 && s.splitDim < d2;
  if (!perCell) {
    checkLowered(lowered, plan !== null ? "lower-pull-gather (gpu)" : "lower-stencil (gpu)");
    return { code: lowered, mode: s.parallel ? "row" : "all", invocations: s.parallel ? s.n : 1 };
  }
  const n2 = spec.gridShape[d2]!;
  const params = [
    { name: "lo1", value: ix.div(ix.v("lo"), n2, "floor") },
    { name: "hi1", value: ix.add(ix.div(ix.v("lo"), n2, "floor"), 1) },
    { name: "lo2", value: ix.mod(ix.v("lo"), n2) },
    { name: "hi2", value: ix.add(ix.mod(ix.v("lo"), n2), 1) },
  ];
  const body: Stmt[] = [{ kind: "block", role: "inner", params, body: splitLoops(lowered.body, d2) }];
  const code = simplifyLowered({ ...lowered, body });
  checkLowered(code, "lower-stencil (gpu, a cell per invocation)");
  return { code, mode: "cell", invocations: s.n * n2 };
}
