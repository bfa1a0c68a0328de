/**
 * @file The batching rule of `fori_loop` (used by vmap.ts): one loop over
 * batched values. Every carry is batched on axis 0 as soon as any operand
 * is batched (a carry fed by a batched value becomes batched after one
 * step); sequences keep their step axis first and carry the batch on axis
 * 1, so each step's row is batched on axis 0; unbatched invariants and
 * sequences stay unbatched. The body is the batched body (batchEval).
 */
import type { Aval, Program } from "../../../compiler/ir";
import type { LoopParams } from "../../../compiler/primitives";
import { KernexError } from "../../errors";
import type { NDArray } from "../../ndarray/ndarray";
import type { BatchResult } from "../vmap";
import { bindLoop, splitLoopInputs } from "./loop-common";
import { batchToFront, type BDim } from "./stencil-vmap";
import { moveAxis, type Val } from "./values";

/** vmap.ts's program evaluator, passed in to keep the modules acyclic. */
export type BatchEval = (program: Program, vals: readonly NDArray[], bdims: readonly BDim[], size: number) => BatchResult;

/**
 * The batched loop: carries batched on axis 0, ys on axis 1.
 *
 * @example
 * loopBatch(vals, bdims, params, size, inAvals, batchEval);
 */
export function loopBatch(vals: readonly Val[], bdims: readonly BDim[], p: LoopParams, size: number, inAvals: readonly Aval[], batchEval: BatchEval): BatchResult {
  if (bdims[0] !== null) throw new KernexError("foriLoop under vmap: the lower bound is batched; expected the same bounds for every batch element");
  const v = splitLoopInputs(p, vals);
  const b = splitLoopInputs(p, bdims);
  const av = splitLoopInputs(p, inAvals);
  const nc = p.nCarry;
  const carries = v.carries.map((c, j) => batchToFront(c, b.carries[j]!, size, av.carries[j]!));
  // a batched sequence [.., B at bd, ..] → [steps, B, ...]
  const xs = v.xs.map((x, j) => (b.xs[j] === null ? (x as NDArray) : moveAxis(x as NDArray, b.xs[j]!, 1)));
  const invs = v.invariants.map((a, j) => (b.invariants[j] === null ? (a as NDArray) : moveAxis(a as NDArray, b.invariants[j]!, 0)));
  const body = p.body;
  const r = bindLoop({ lower: v.lower, steps: p.steps, carries, xs, invariants: invs, reverse: p.reverse }, (i, cs, xr, as) => {
    const inBdims: BDim[] = [null, ...cs.map(() => 0), ...b.xs.map((d) => (d === null ? null : 0)), ...b.invariants.map((d) => (d === null ? null : 0))];
    const out = batchEval(body, [i, ...cs, ...xr, ...as], inBdims, size);
    const front = out.outs.map((o, k) => batchToFront(o, out.bdims[k]!, size, body.outAvals[k]!));
    return { carries: front.slice(0, nc), ys: front.slice(nc) };
  });
  return { outs: [...r.carries, ...r.ys], bdims: [...r.carries.map(() => 0), ...r.ys.map(() => 1)] };
}
