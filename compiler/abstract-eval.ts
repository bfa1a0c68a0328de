/**
 * @file abstractEvalRules: the output shapes and dtypes of every primitive,
 * given its input avals and params. Used when binding (to type tracers) and
 * by the verifier (ir-check.ts) to re-derive every equation's type.
 */
import { sameShape, sizeOf, type Aval } from "./ir";
import { scanSweepArity, scanSweepOutAvals } from "./scan-sweep";
import { loopOutAvals } from "./fori-loop";
import {
  binaryPrims,
  mapFamily,
  Prim,
  reducePrims,
  unaryPrims,
  type ParamsOf,
  type ReducePrim,
  type StencilParams,
} from "./primitives";

type AbstractRule<P extends Prim> = (inputs: readonly Aval[], params: ParamsOf<P>) => Aval[];

function fail(prim: Prim, msg: string, inputs: readonly Aval[]): never {
  const shapes = inputs.map((a) => `[${a.shape.join(",")}]`).join(" ");
  throw new Error(`${prim}: ${msg} (input shapes ${shapes})`);
}

const elementwise =
  <P extends Prim>(prim: P): AbstractRule<P> =>
  (inputs) => {
    const first = inputs[0]!;
    for (const a of inputs) {
      if (!sameShape(a.shape, first.shape)) fail(prim, "operands must have equal shapes", inputs);
      if (a.dtype !== first.dtype) fail(prim, "operands must have equal dtypes", inputs);
    }
    return [{ shape: first.shape, dtype: first.dtype }];
  };

const reduce =
  (prim: ReducePrim): AbstractRule<ReducePrim> =>
  (inputs, { axes }) => {
    const x = inputs[0]!;
    for (const ax of axes) if (ax < 0 || ax >= x.shape.length) fail(prim, `axis ${ax} out of range`, inputs);
    return [{ shape: x.shape.filter((_, i) => !axes.includes(i)), dtype: x.dtype }];
  };

/** Output avals of a stencil equation: see StencilParams. */
export function stencilOutAvals(inputs: readonly Aval[], p: StencilParams): Aval[] {
  const kernel = p.branches[0]!.kernel;
  const grid = p.spec.gridShape;
  return kernel.outAvals.map((o, j) => {
    const dtype = inputs[Math.min(j, p.nWindowed - 1)]!.dtype;
    if (p.reduceGrid) return { shape: o.shape, dtype };
    if (p.spec.placement === "inplace") return { shape: p.spec.inShape, dtype };
    if (p.spec.kind === "scan") return { shape: grid, dtype };
    return { shape: [...grid, ...o.shape], dtype };
  });
}

/** Output shape/dtype of every primitive. */
export const abstractEvalRules: { [P in Prim]: AbstractRule<P> } = {
  ...mapFamily(unaryPrims, elementwise),
  ...mapFamily(binaryPrims, elementwise),
  ...mapFamily(reducePrims, reduce),
  [Prim.Where]: (inputs) => {
    const [c, a, b] = inputs as [Aval, Aval, Aval];
    if (!sameShape(c.shape, a.shape) || !sameShape(a.shape, b.shape)) fail(Prim.Where, "operands must have equal shapes", inputs);
    return [{ shape: a.shape, dtype: a.dtype }];
  },
  [Prim.Broadcast]: (inputs, { shape }) => {
    const x = inputs[0]!;
    const off = shape.length - x.shape.length;
    if (off < 0) fail(Prim.Broadcast, `cannot broadcast to [${shape.join(",")}]`, inputs);
    x.shape.forEach((d, i) => {
      if (d !== 1 && d !== shape[off + i]) fail(Prim.Broadcast, `cannot broadcast to [${shape.join(",")}]`, inputs);
    });
    return [{ shape, dtype: x.dtype }];
  },
  [Prim.Reshape]: (inputs, { shape }) => {
    const x = inputs[0]!;
    if (sizeOf(shape) !== sizeOf(x.shape)) fail(Prim.Reshape, `cannot reshape to [${shape.join(",")}]`, inputs);
    return [{ shape, dtype: x.dtype }];
  },
  [Prim.Transpose]: (inputs, { perm }) => {
    const x = inputs[0]!;
    if (perm.length !== x.shape.length) fail(Prim.Transpose, `bad permutation (${perm.join(",")})`, inputs);
    return [{ shape: perm.map((p) => x.shape[p]!), dtype: x.dtype }];
  },
  [Prim.Slice]: (inputs, { start, step, shape }) => {
    const x = inputs[0]!;
    x.shape.forEach((n, i) => {
      const last = start[i]! + (shape[i]! - 1) * step[i]!;
      if (shape[i]! > 0 && (start[i]! < 0 || last >= n)) fail(Prim.Slice, `slice out of bounds on axis ${i}`, inputs);
    });
    return [{ shape, dtype: x.dtype }];
  },
  [Prim.Index]: (inputs, { index }) => {
    const x = inputs[0]!;
    index.forEach((i, d) => {
      if (d >= x.shape.length || i < 0 || i >= x.shape[d]!) fail(Prim.Index, `index (${index.join(",")}) out of bounds`, inputs);
    });
    return [{ shape: x.shape.slice(index.length), dtype: x.dtype }];
  },
  [Prim.Pad]: (inputs, { lo, hi, interior }) => {
    const x = inputs[0]!;
    const shape = x.shape.map((n, i) => lo[i]! + hi[i]! + n + Math.max(0, n - 1) * interior[i]!);
    return [{ shape, dtype: x.dtype }];
  },
  [Prim.Rev]: (inputs) => [inputs[0]!],
  [Prim.Concatenate]: (inputs, { axis }) => {
    const first = inputs[0]!;
    let total = 0;
    for (const a of inputs) {
      if (a.shape.length !== first.shape.length || a.shape.some((d, i) => i !== axis && d !== first.shape[i])) {
        fail(Prim.Concatenate, "operands must agree except on the axis", inputs);
      }
      total += a.shape[axis]!;
    }
    const shape = [...first.shape];
    shape[axis] = total;
    return [{ shape, dtype: first.dtype }];
  },
  [Prim.Convert]: (inputs, { dtype }) => [{ shape: inputs[0]!.shape, dtype }],
  [Prim.Stencil]: (inputs, params) => stencilOutAvals(inputs, params),
  [Prim.StencilGather]: (inputs, params) => [{ shape: params.spec.inShape, dtype: inputs[0]!.dtype }],
  [Prim.ScanSweep]: (inputs, params) => {
    if (inputs.length !== scanSweepArity(params)) fail(Prim.ScanSweep, `expected ${scanSweepArity(params)} inputs`, inputs);
    return scanSweepOutAvals(inputs, params);
  },
  [Prim.ForiLoop]: (inputs, params) => loopOutAvals(inputs, params),
};

/** Output avals of one application. */
export function abstractEval<P extends Prim>(prim: P, inputs: readonly Aval[], params: ParamsOf<P>): Aval[] {
  return abstractEvalRules[prim](inputs, params);
}
