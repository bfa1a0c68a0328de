/**
 * @file Batching: `vmap(f, inAxes, outAxes)` and `vmapRules`, one total
 * table over every primitive. f is staged on unbatched avals; its equations
 * are then re-bound on batched values by the rules, each of which knows
 * where the batch axis of every operand is (or that it has none) and
 * returns where it put the batch axis of its outputs. Rules call array
 * functions, so vmap composes with jit, grad, jvp and itself.
 * The stencil rule (one stencil with an extra grid dim) is in rules/stencil-vmap.ts.
 */
import { abstractEval } from "../../compiler/abstract-eval";
import type { Aval, Program } from "../../compiler/ir";
import { evalProgram, type Interpretation } from "../../compiler/eval-program";
import { binaryPrims, mapFamily, Prim, reducePrims, unaryPrims, type BinaryPrim, type ParamsOf, type ReducePrim, type UnaryPrim } from "../../compiler/primitives";
import * as ops from "../core/ops";
import { bind, stage } from "../core/trace";
import { badValue, KernexError } from "../errors";
import { NDArray } from "../ndarray/ndarray";
import { batchToFront, stencilBatch, type BDim } from "./rules/stencil-vmap";
import { loopBatch } from "./rules/loop-vmap";
import { bindEqn, full, moveAxis, type Val } from "./rules/values";
import { flattenOutputs } from "./tree";

export type { BDim } from "./rules/stencil-vmap";

/** Batched outputs of one equation and the batch axis of each. */
export interface BatchResult {
  readonly outs: NDArray[];
  readonly bdims: BDim[];
}

/**
 * The batching rule of primitive P: operands (numbers are literals), their
 * batch axes (null: unbatched), params, the batch size and the unbatched
 * avals of the operands.
 */
export type VmapRule<P extends Prim> = (vals: readonly Val[], bdims: readonly BDim[], params: ParamsOf<P>, size: number, inAvals: readonly Aval[]) => BatchResult;

/** Every operand with its batch axis in front (unbatched operands broadcast). */
function allToFront(vals: readonly Val[], bdims: readonly BDim[], size: number, inAvals: readonly Aval[]): NDArray[] {
  return vals.map((v, i) => batchToFront(v, bdims[i]!, size, inAvals[i]!));
}

/** The one operand of a single-input rule, batch axis in front. */
function front(vals: readonly Val[], bdims: readonly BDim[], size: number, inAvals: readonly Aval[]): NDArray {
  return batchToFront(vals[0]!, bdims[0]!, size, inAvals[0]!);
}

/**
 * Rule builder for elementwise primitives: operands batched on the same axis
 * pass through; otherwise all batch axes move to the front.
 */
function elementwiseBatcher<P extends UnaryPrim | BinaryPrim | Prim.Where>(p: P): VmapRule<P> {
  return (vals, bdims, params, size, inAvals) => {
    const first = bdims.find((b) => b !== null) ?? null;
    if (bdims.every((b) => b === first)) return { outs: bind(p, vals, params, inAvals[0]!.dtype), bdims: [first] };
    return { outs: bind(p, allToFront(vals, bdims, size, inAvals), params), bdims: [0] };
  };
}

/** Rule builder for reductions: batch in front, reduced axes shifted by one. */
function reduceBatcher(p: ReducePrim): VmapRule<ReducePrim> {
  return (vals, bdims, params, size, inAvals) => {
    const x = front(vals, bdims, size, inAvals);
    return { outs: bind(p, [x], { axes: params.axes.map((a) => a + 1) }), bdims: [0] };
  };
}

function buildVmapRules(): { [P in Prim]: VmapRule<P> } {
  const unary = mapFamily(unaryPrims, elementwiseBatcher);
  const binary = mapFamily(binaryPrims, elementwiseBatcher);
  const reduce = mapFamily(reducePrims, reduceBatcher);
  const rest: { [P in Exclude<Prim, UnaryPrim | BinaryPrim | ReducePrim>]: VmapRule<P> } = {
    [Prim.Where]: elementwiseBatcher(Prim.Where),
    // x:[B, ...s] → [B, 1.., ...s] → broadcast to [B, ...shape]
    [Prim.Broadcast]: (vals, bdims, { shape }, size, inAvals) => {
      const x = front(vals, bdims, size, inAvals);
      const xs = inAvals[0]!.shape;
      const lifted = ops.reshape(x, [size, ...new Array<number>(shape.length - xs.length).fill(1), ...xs]);
      return { outs: bind(Prim.Broadcast, [lifted], { shape: [size, ...shape] }), bdims: [0] };
    },
    [Prim.Reshape]: (vals, bdims, { shape }, size, inAvals) => ({
      outs: bind(Prim.Reshape, [front(vals, bdims, size, inAvals)], { shape: [size, ...shape] }),
      bdims: [0],
    }),
    [Prim.Transpose]: (vals, bdims, { perm }, size, inAvals) => ({
      outs: bind(Prim.Transpose, [front(vals, bdims, size, inAvals)], { perm: [0, ...perm.map((p) => p + 1)] }),
      bdims: [0],
    }),
    [Prim.Slice]: (vals, bdims, { start, step, shape }, size, inAvals) => ({
      outs: bind(Prim.Slice, [front(vals, bdims, size, inAvals)], { start: [0, ...start], step: [1, ...step], shape: [size, ...shape] }),
      bdims: [0],
    }),
    // index the leading axes: put the batch axis right after them
    [Prim.Index]: (vals, bdims, { index }, size, inAvals) => {
      const x = front(vals, bdims, size, inAvals);
      return { outs: bind(Prim.Index, [moveAxis(x, 0, index.length)], { index }), bdims: [0] };
    },
    [Prim.Pad]: (vals, bdims, { lo, hi, interior }, size, inAvals) => ({
      outs: bind(Prim.Pad, [front(vals, bdims, size, inAvals)], { lo: [0, ...lo], hi: [0, ...hi], interior: [0, ...interior] }),
      bdims: [0],
    }),
    [Prim.Rev]: (vals, bdims, { axes }, size, inAvals) => ({
      outs: bind(Prim.Rev, [front(vals, bdims, size, inAvals)], { axes: axes.map((a) => a + 1) }),
      bdims: [0],
    }),
    [Prim.Concatenate]: (vals, bdims, { axis }, size, inAvals) => ({
      outs: bind(Prim.Concatenate, allToFront(vals, bdims, size, inAvals), { axis: axis + 1 }),
      bdims: [0],
    }),
    [Prim.Convert]: (vals, bdims, params, _size, inAvals) => ({ outs: bind(Prim.Convert, vals, params, inAvals[0]!.dtype), bdims: [bdims[0]!] }),
    [Prim.Stencil]: (vals, bdims, params, size) => stencilBatch(Prim.Stencil, vals, bdims, params, size),
    [Prim.StencilGather]: (vals, bdims, params, size) => stencilBatch(Prim.StencilGather, vals, bdims, params, size),
    // a scan's reverse sweep is sequential: one sweep per batch element, stacked
    [Prim.ScanSweep]: (vals, bdims, params, size, inAvals) => {
      const xs = vals as NDArray[];
      if (size === 0) {
        const outs = abstractEval(Prim.ScanSweep, inAvals, params).map((a) => full({ shape: [0, ...a.shape], dtype: a.dtype }, 0));
        return { outs, bdims: outs.map(() => 0) };
      }
      const per = Array.from({ length: size }, (_, i) =>
        bind(Prim.ScanSweep, xs.map((x, j) => (bdims[j] === null ? x : bind(Prim.Index, [moveAxis(x, bdims[j]!, 0)], { index: [i] })[0]!)), params),
      );
      const outs = per[0]!.map((_, k) => ops.stack(per.map((r) => r[k]!)));
      return { outs, bdims: outs.map(() => 0) };
    },
    // one loop over batched carries (rules/loop-vmap.ts)
    [Prim.ForiLoop]: (vals, bdims, params, size, inAvals) => loopBatch(vals, bdims, params, size, inAvals, batchEval),
  };
  return { ...unary, ...binary, ...reduce, ...rest };
}

/** The batching rule of every primitive. */
export const vmapRules: { [P in Prim]: VmapRule<P> } = buildVmapRules();

function applyVmap<P extends Prim>(prim: P, vals: readonly Val[], bdims: readonly BDim[], params: ParamsOf<P>, size: number, inAvals: readonly Aval[]): BatchResult {
  return vmapRules[prim](vals, bdims, params, size, inAvals);
}

/** A value of the vmap walk: the value (a number for a literal) and its batch axis (null: unbatched). */
interface Batched {
  readonly v: Val;
  readonly bd: BDim;
}

/**
 * vmap over `size` as an interpretation (compiler/eval-program.ts): an
 * equation with no batched input is re-bound as it is; the others go
 * through vmapRules.
 */
function batchInterpretation(size: number): Interpretation<Batched> {
  return {
    literal: (a) => ({ v: a.value, bd: null }),
    apply: (eqn, ins) => {
      const inBdims = ins.map((x) => x.bd);
      if (inBdims.every((b) => b === null)) return bindEqn(eqn, ins.map((x) => x.v)).map((v) => ({ v, bd: null }));
      const result = applyVmap(eqn.prim, ins.map((x) => x.v), inBdims, eqn.params, size, eqn.inputs.map((a) => a.aval));
      return result.outs.map((v, i) => ({ v, bd: result.bdims[i]! }));
    },
  };
}

/** Evaluate a program on batched values; returns outputs and their batch axes. */
export function batchEval(program: Program, vals: readonly NDArray[], bdims: readonly BDim[], size: number): BatchResult {
  const results = evalProgram(program, batchInterpretation(size), vals.map((v, i) => ({ v, bd: bdims[i]! })));
  return {
    outs: results.map(({ v }, i) => (typeof v === "number" ? full(program.outputs[i]!.aval, v) : v)),
    bdims: results.map(({ bd }) => bd),
  };
}

function checkAxis(what: string, axis: unknown, ndim: number): number {
  if (!Number.isInteger(axis) || (axis as number) < -ndim || (axis as number) >= ndim) {
    return badValue(what, axis, `an integer in [${-ndim}, ${ndim})`);
  }
  const a = axis as number;
  return a < 0 ? a + ndim : a;
}

/**
 * Map f over an axis of its arguments: `inAxes` gives, per argument, the
 * mapped axis or null (not mapped); one number maps that axis of every array
 * argument. The results carry the mapped axis at `outAxes` (one number, or
 * one per output array).
 *
 * @example
 * // depthwise convolution: one kernel per channel
 * const conv = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x, w) => kex.sum(x * w));
 * kex.vmap(conv)(images, weights); // images [C, H, W], weights [C, 3, 3] → [C, H, W]
 *
 * @typeParam A - the parameters of f (unannotated ones are NDArrays); the mapped function takes them
 * @typeParam R - what f returns; the mapped function returns the same structure, batched
 */
export function vmap<A extends unknown[] = NDArray[], R = unknown>(
  f: (...args: A) => R,
  inAxes: number | null | readonly (number | null)[] = 0,
  outAxes: number | readonly number[] = 0,
): (...args: A) => R {
  if (typeof f !== "function") return badValue("vmap", f, "a function");
  if (!(inAxes === null || typeof inAxes === "number" || Array.isArray(inAxes))) {
    return badValue("vmap: inAxes", inAxes, "an integer, null, or an array with one integer or null per argument");
  }
  if (!(typeof outAxes === "number" || Array.isArray(outAxes))) return badValue("vmap: outAxes", outAxes, "an integer or an array of integers (one per output)");
  const run = (...args: unknown[]): unknown => {
    if (Array.isArray(inAxes) && inAxes.length !== args.length) {
      throw new KernexError(`vmap: inAxes has ${inAxes.length} entries but the function was called with ${args.length} arguments; expected one entry (an axis or null) per argument`);
    }
    const axes: BDim[] = args.map((a, i) => {
      const ax = Array.isArray(inAxes) ? (inAxes as readonly (number | null)[])[i]! : (inAxes as number | null);
      if (ax === null || ax === undefined) return null;
      if (!(a instanceof NDArray)) {
        if (!Array.isArray(inAxes)) return null;
        return badValue(`vmap: argument ${i}`, a, `an NDArray to map over axis ${ax} (or inAxes[${i}] = null)`);
      }
      return checkAxis(`vmap: inAxes for argument ${i} (shape [${a.shape.join(", ")}])`, ax, a.ndim);
    });
    const mapped = axes.map((ax, i) => (ax === null ? -1 : i)).filter((i) => i >= 0);
    if (mapped.length === 0) throw new KernexError("vmap: no argument is mapped (every inAxes entry is null or names a non-array argument); expected at least one mapped array");
    const size = (args[mapped[0]!] as NDArray).shape[axes[mapped[0]!]!]!;
    for (const i of mapped) {
      const n = (args[i] as NDArray).shape[axes[i]!]!;
      if (n !== size) {
        throw new KernexError(
          `vmap: mapped axes have different sizes: argument ${mapped[0]} has ${size} along axis ${axes[mapped[0]!]}, argument ${i} has ${n} along axis ${axes[i]}; expected equal sizes`,
        );
      }
    }
    const arrayIdx = args.map((a, i) => (a instanceof NDArray ? i : -1)).filter((i) => i >= 0);
    const arrays = arrayIdx.map((i) => args[i] as NDArray);
    const avals = arrayIdx.map((i) => {
      const a = args[i] as NDArray;
      const ax = axes[i];
      return { shape: ax === null ? a.shape : a.shape.filter((_, d) => d !== ax), dtype: a.dtype };
    });
    let rebuild: (leaves: readonly NDArray[]) => unknown = () => undefined;
    const staged = stage(avals, (...traced) => {
      let k = 0;
      const callArgs = args.map((a) => (a instanceof NDArray ? traced[k++]! : a));
      const flat = flattenOutputs((f as unknown as (...a: unknown[]) => unknown)(...callArgs), "vmap");
      rebuild = flat.rebuild;
      return flat.leaves;
    });
    const result = batchEval(staged.program, [...arrays, ...staged.captured], [...arrayIdx.map((i) => axes[i]!), ...staged.captured.map(() => null)], size);
    const outAvals = staged.program.outAvals;
    if (Array.isArray(outAxes) && outAxes.length !== result.outs.length) {
      throw new KernexError(`vmap: outAxes has ${outAxes.length} entries but the function returned ${result.outs.length} arrays; expected one axis per output`);
    }
    const outs = result.outs.map((o, k) => {
      const aval = outAvals[k]!;
      const want = checkAxis(`vmap: outAxes for output ${k} (batched shape [${[size, ...aval.shape].join(", ")}])`, Array.isArray(outAxes) ? outAxes[k] : outAxes, aval.shape.length + 1);
      const bd = result.bdims[k]!;
      const batched = bd === null ? ops.broadcastTo(o, [size, ...aval.shape]) : o;
      return moveAxis(batched, bd ?? 0, want);
    });
    return rebuild(outs);
  };
  return run as (...args: A) => R;
}
