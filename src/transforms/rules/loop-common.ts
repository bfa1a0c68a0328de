/**
 * @file Building loop equations: stage a step function into a body program
 * and bind `fori_loop` over it (compiler/fori-loop.ts gives the semantics).
 * Used by the public `foriLoop` (../fori-loop.ts) and by the loop's own
 * jvp, vjp and batching rules (loop-jvp.ts, loop-vjp.ts, loop-vmap.ts),
 * which build new loops from transformed bodies.
 */
import type { Aval } from "../../../compiler/ir";
import { simplifyProgram } from "../../../compiler/passes/simplify";
import { Prim, type LoopParams } from "../../../compiler/primitives";
import { bind, stage } from "../../core/trace";
import type { Tracer } from "../../core/trace";
import type { NDArray } from "../../ndarray/ndarray";
import type { Val } from "./values";

/** What one step returns: the new carries and this step's sequence outputs. */
export interface StepResult {
  readonly carries: readonly NDArray[];
  readonly ys: readonly NDArray[];
}

/** A step function: the index i (0-d), carries, this step's rows of xs, and the invariants. */
export type StepFn = (i: Tracer, carries: readonly Tracer[], xs: readonly Tracer[], invariants: readonly Tracer[]) => StepResult;

/** The operands of a loop. */
export interface LoopOperands {
  /** The index of the first step: a number, or a 0-d array. */
  readonly lower: Val;
  readonly steps: number;
  readonly carries: readonly NDArray[];
  /** Stacked sequences, each [steps, ...]. */
  readonly xs: readonly NDArray[];
  readonly invariants: readonly NDArray[];
  readonly reverse?: boolean;
}

/** The aval of one row of a stacked sequence. */
export function rowAval(x: Aval): Aval {
  return { shape: x.shape.slice(1), dtype: x.dtype };
}

/** The dtype of the loop index: the first carry's (float32 holds every index below 2^24 exactly). */
function indexDType(o: LoopOperands): Aval["dtype"] {
  if (typeof o.lower !== "number") return o.lower.dtype;
  return o.carries[0]?.dtype ?? "float64";
}

/**
 * Stage `step` into a loop body and bind the loop. Values the step uses from
 * outside (captured by the trace) become extra invariants. Returns the final
 * carries and the stacked ys.
 *
 * @example
 * const { carries } = bindLoop({ lower: 0, steps: 10, carries: [u], xs: [], invariants: [] }, (i, [c]) => ({ carries: [kex.mul(c, 2)], ys: [] }));
 */
export function bindLoop(o: LoopOperands, step: StepFn): { carries: NDArray[]; ys: NDArray[] } {
  const nc = o.carries.length;
  const nx = o.xs.length;
  const dtype = indexDType(o);
  const avals: Aval[] = [
    { shape: [], dtype },
    ...o.carries.map((c) => ({ shape: c.shape, dtype: c.dtype })),
    ...o.xs.map((x) => rowAval(x)),
    ...o.invariants.map((v) => ({ shape: v.shape, dtype: v.dtype })),
  ];
  const staged = stage(avals, (i, ...rest) => {
    const r = step(i, rest.slice(0, nc), rest.slice(nc, nc + nx), rest.slice(nc + nx));
    return [...r.carries, ...r.ys];
  });
  const params: LoopParams = { body: simplifyProgram(staged.program), steps: o.steps, nCarry: nc, nXs: nx, reverse: o.reverse ?? false };
  const outs = bind(Prim.ForiLoop, [o.lower, ...o.carries, ...o.xs, ...o.invariants, ...staged.captured], params, dtype);
  return { carries: outs.slice(0, nc), ys: outs.slice(nc) };
}

/** The operands of a loop equation, split by role. */
export function splitLoopInputs<T>(p: LoopParams, inputs: readonly T[]): { lower: T; carries: T[]; xs: T[]; invariants: T[] } {
  const nc = p.nCarry;
  return {
    lower: inputs[0]!,
    carries: inputs.slice(1, 1 + nc),
    xs: inputs.slice(1 + nc, 1 + nc + p.nXs),
    invariants: inputs.slice(1 + nc + p.nXs),
  };
}
