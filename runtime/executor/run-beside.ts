/**
 * @file Two independent stencil equations side by side. When one of them
 * shards and the other runs on the calling thread alone (too little work
 * per thread to pay for more, or a WebAssembly kernel), the calling thread
 * runs the lone one while the workers start on the sharded one, then takes
 * whatever ranges of it are left (WorkerPool.runSync's `beside`). B1, the
 * gradient of sum(conv2d) with respect to x and w, is such a pair: the
 * gradient with respect to x is a fill of constant work per cell, kept on
 * one thread; the weight gradient is a reduce over the whole grid, sharded.
 * Each equation runs the code it would run alone, on the same buffers, so
 * the results are the same bits as one after the other.
 */
import type { Tensor } from "../../compiler/tensor";
import { Prim } from "../../compiler/primitives";
import { runStencil, stencilWorkers } from "./run-stencil";
import type { StencilCall } from "./stencil-call";
import { execLog, execSettings } from "./settings";


/**
 * Run `a` and `b` (neither reads the other's results) side by side when
 * exactly one of them shards and the other is no scan (a scan's working
 * copy may itself go through the pool); null when they should run one
 * after the other as usual.
 *
 * @example
 * const both = runSideBySide(gradX, gradW); // [gradX's results, gradW's results] or null
 */
export function runSideBySide(a: StencilCall, b: StencilCall): [Tensor[], Tensor[]] | null {
  if (!execSettings().codegen) return null;
  const shardsA = stencilWorkers(a.prim, a.inputs, a.params, a.outAvals) > 0;
  const shardsB = stencilWorkers(b.prim, b.inputs, b.params, b.outAvals) > 0;
  if (shardsA === shardsB) return null;
  const [sharded, alone] = shardsA ? [a, b] : [b, a];
  if (alone.prim === Prim.Stencil && alone.params.spec.kind === "scan") return null;
  execLog(4, () => `side by side: a ${sharded.prim} sharded, a ${alone.prim} on the calling thread`);
  // runStencil runs beside exactly once before it returns (or it throws)
  const lone = { outs: [] as Tensor[] };
  const shardedOuts = runStencil(sharded.prim, sharded.inputs, sharded.params, sharded.outAvals, () => {
    lone.outs = runStencil(alone.prim, alone.inputs, alone.params, alone.outAvals);
  });
  return shardsA ? [shardedOuts, lone.outs] : [lone.outs, shardedOuts];
}
