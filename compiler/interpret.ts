/**
 * @file The reference interpreter: evaluates program IR on concrete buffers
 * with plain loops, one `evalRules` entry per primitive. It is the eager path
 * of array functions, the `codegen: false` path, and the oracle of the
 * differential tests. Kept boring on purpose: no fusion, no partitioning;
 * stencils evaluate their kernel program window by window.
 */
import { sizeOf, stridesOf, type Aval, type Program } from "./ir";
import { evalProgram as walkProgram, type Interpretation } from "./eval-program";
import { broadcastMap, gatherWith, indexOffset, padMap, revMap, sliceMap, transposeMap, type SourceMap } from "./geometry/index-maps";
import { perCellExtra } from "./geometry/grid-cells";
import { padIndex } from "./geometry/pad-index";
import { branchAt, centreOffset, windowStart } from "./geometry/window";
import { binaryFns, unaryFns } from "./scalar-fns";
import { tensor, type Tensor } from "./tensor";
import { evalScanSweep } from "./scan-sweep";
import { evalLoop } from "./fori-loop";
import {
  assertNever,
  binaryPrims,
  mapFamily,
  Prim,
  reducePrims,
  unaryPrims,
  type BinaryPrim,
  type ParamsOf,
  type ReducePrim,
  type StencilParams,
  type UnaryPrim,
} from "./primitives";

type EvalRule<P extends Prim> = (inputs: readonly Tensor[], params: ParamsOf<P>, outAvals: readonly Aval[]) => Tensor[];

/** Unravel flat index `f` of `shape` into `out`. */
function unravel(f: number, shape: readonly number[], out: number[]): void {
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d]!;
    out[d] = f % n;
    f = Math.floor(f / n);
  }
}

const unaryRule =
  (p: UnaryPrim): EvalRule<UnaryPrim> =>
  ([x]) => {
    const fn = unaryFns[p];
    const out = tensor(x!.shape, x!.dtype);
    const a = x!.data;
    for (let i = 0; i < a.length; i++) out.data[i] = fn(a[i]!);
    return [out];
  };

const binaryRule =
  (p: BinaryPrim): EvalRule<BinaryPrim> =>
  ([x, y]) => {
    const fn = binaryFns[p];
    const out = tensor(x!.shape, x!.dtype);
    const a = x!.data;
    const b = y!.data;
    // a 0-d operand stands for a literal broadcast over the other
    const sa = a.length === 1 && out.data.length !== 1;
    const sb = b.length === 1 && out.data.length !== 1;
    for (let i = 0; i < out.data.length; i++) out.data[i] = fn(a[sa ? 0 : i]!, b[sb ? 0 : i]!);
    return [out];
  };

const reduceInit: Record<ReducePrim, number> = {
  [Prim.ReduceSum]: 0,
  [Prim.ReduceMax]: -Infinity,
  [Prim.ReduceMin]: Infinity,
  [Prim.ReduceProd]: 1,
};
const reduceCombine: Record<ReducePrim, (a: number, b: number) => number> = {
  [Prim.ReduceSum]: (a, b) => a + b,
  [Prim.ReduceMax]: (a, b) => Math.max(a, b),
  [Prim.ReduceMin]: (a, b) => Math.min(a, b),
  [Prim.ReduceProd]: (a, b) => a * b,
};

const reduceRule =
  (p: ReducePrim): EvalRule<ReducePrim> =>
  ([x], { axes }, [outAval]) => {
    const out = tensor(outAval!.shape, x!.dtype);
    out.data.fill(reduceInit[p]);
    const combine = reduceCombine[p];
    const shape = x!.shape;
    const keep = shape.map((_, i) => !axes.includes(i));
    const outStrides = stridesOf(outAval!.shape);
    const idx = new Array<number>(shape.length).fill(0);
    for (let f = 0; f < x!.data.length; f++) {
      unravel(f, shape, idx);
      let o = 0;
      let k = 0;
      for (let d = 0; d < shape.length; d++) if (keep[d]) o += idx[d]! * outStrides[k++]!;
      out.data[o] = combine(out.data[o]!, x!.data[f]!);
    }
    return [out];
  };

/** Apply an index map (compiler/geometry/index-maps.ts) to a tensor. */
function gatherRule(x: Tensor, outShape: readonly number[], source: SourceMap): Tensor {
  const out = tensor(outShape, x.dtype);
  gatherWith(x.data, outShape, source, () => 0, out.data);
  return out;
}

function flatIndex(idx: readonly number[], strides: readonly number[]): number {
  let f = 0;
  for (let d = 0; d < idx.length; d++) f += idx[d]! * strides[d]!;
  return f;
}

/** Grid cells in visiting order (row-major, or reversed). */
function* gridOrder(p: StencilParams): Generator<number[]> {
  const grid = p.spec.gridShape;
  const n = sizeOf(grid);
  const idx = new Array<number>(grid.length).fill(0);
  for (let t = 0; t < n; t++) {
    unravel(p.spec.reverse ? n - 1 - t : t, grid, idx);
    yield idx;
  }
}

/** Reference stencil: evaluates the kernel program once per window. */
function evalStencil(inputs: readonly Tensor[], p: StencilParams, outAvals: readonly Aval[], gather: boolean): Tensor[] {
  const { spec, nWindowed } = p;
  const nd = spec.inShape.length;
  const inStrides = stridesOf(spec.inShape);
  const kSize = sizeOf(spec.kernelSize);
  const kIdx = new Array<number>(nd).fill(0);
  // scans read and write working copies; maps read the inputs directly
  const work = inputs.slice(0, nWindowed).map((t) => (spec.kind === "scan" ? tensor(t.shape, t.dtype, t.data.slice()) : t));
  const extras = inputs.slice(nWindowed);
  const outs = outAvals.map((a) => tensor(a.shape, a.dtype));
  if (spec.placement === "inplace" && !gather) outs.forEach((o, j) => o.data.set(inputs[j]!.data));
  const coord = new Array<number>(nd).fill(0);
  const centre = new Array<number>(nd).fill(0);
  const readAt = (src: Tensor, k: number[]): number => {
    let f = 0;
    for (let d = 0; d < nd; d++) {
      const c = padIndex(coord[d]! + k[d]! * spec.dilation[d]!, spec.inShape[d]!, spec.padMode[d]!);
      if (c < 0) return spec.padValue;
      f += c * inStrides[d]!;
    }
    return src.data[f]!;
  };
  const gridStrides = stridesOf(spec.gridShape);
  for (const g of gridOrder(p)) {
    for (let d = 0; d < nd; d++) {
      coord[d] = windowStart(p, d, g[d]!);
      centre[d] = coord[d]! + centreOffset(p, d);
    }
    const centreInside = centre.every((c, d) => c >= 0 && c < spec.inShape[d]!);
    const centreFlat = centreInside ? flatIndex(centre, inStrides) : -1;
    const gFlat = flatIndex(g, gridStrides);
    const b = branchAt(p, centre);
    let results: Tensor[] | null = null;
    if (b >= 0) {
      const windows = work.map((src) => {
        const w = tensor(spec.kernelSize, src.dtype);
        for (let f = 0; f < kSize; f++) {
          unravel(f, spec.kernelSize, kIdx);
          w.data[f] = readAt(src, kIdx);
        }
        return w;
      });
      const extraVals = extras.map((e, j) => perCellExtra(e, p.gridDims[j]!, g));
      results = evalProgram(p.branches[b]!.kernel, [...windows, ...extraVals]);
    }
    if (gather) {
      if (results === null) continue;
      const r = results[0]!;
      for (let f = 0; f < kSize; f++) {
        unravel(f, spec.kernelSize, kIdx);
        let t = 0;
        let inside = true;
        for (let d = 0; d < nd; d++) {
          const c = padIndex(coord[d]! + kIdx[d]! * spec.dilation[d]!, spec.inShape[d]!, spec.padMode[d]!);
          if (c < 0) inside = false;
          else t += c * inStrides[d]!;
        }
        if (inside) outs[0]!.data[t] += r.data[f]!;
      }
      continue;
    }
    outs.forEach((out, j) => {
      if (spec.kind === "scan") {
        const value = results !== null ? results[j]!.data[0]! : centreFlat >= 0 ? work[j]!.data[centreFlat]! : spec.padValue;
        if (results !== null && centreFlat >= 0) work[j]!.data[centreFlat] = value;
        if (spec.placement === "grid") out.data[gFlat] = value;
        else if (centreFlat >= 0) out.data[centreFlat] = value;
        return;
      }
      if (results === null) return;
      const r = results[j]!;
      if (p.reduceGrid) {
        for (let f = 0; f < r.data.length; f++) out.data[f] += r.data[r.data.length === 1 ? 0 : f]!;
      } else if (spec.placement === "inplace") {
        if (centreFlat >= 0) out.data[centreFlat] = r.data[0]!;
      } else {
        const n = sizeOf(outAvals[j]!.shape.slice(spec.gridShape.length));
        for (let f = 0; f < n; f++) out.data[gFlat * n + f] = r.data[r.data.length === 1 ? 0 : f]!;
      }
    });
  }
  return outs;
}

/** Concrete evaluation of every primitive. */
export const evalRules: { [P in Prim]: EvalRule<P> } = {
  ...mapFamily(unaryPrims, unaryRule),
  ...mapFamily(binaryPrims, binaryRule),
  ...mapFamily(reducePrims, reduceRule),
  [Prim.Where]: ([c, a, b]) => {
    const out = tensor(a!.shape, a!.dtype);
    const one = (t: Tensor, i: number) => t.data[t.data.length === 1 ? 0 : i]!;
    for (let i = 0; i < out.data.length; i++) out.data[i] = one(c!, i) !== 0 ? one(a!, i) : one(b!, i);
    return [out];
  },
  [Prim.Broadcast]: ([x], params) => {
    if (x!.data.length !== 1) return [gatherRule(x!, params.shape, broadcastMap(x!.shape, params))];
    // one value everywhere: a fill (gradient seeds and zeros are this)
    const out = tensor(params.shape, x!.dtype);
    out.data.fill(x!.data[0]!);
    return [out];
  },
  [Prim.Reshape]: ([x], { shape }) => [tensor(shape, x!.dtype, x!.data.slice())],
  [Prim.Transpose]: ([x], params) => [gatherRule(x!, params.perm.map((p) => x!.shape[p]!), transposeMap(x!.shape, params))],
  [Prim.Slice]: ([x], params) => [gatherRule(x!, params.shape, sliceMap(x!.shape, params))],
  [Prim.Index]: ([x], params, [outAval]) => {
    const base = indexOffset(x!.shape, params);
    return [tensor(outAval!.shape, x!.dtype, x!.data.slice(base, base + sizeOf(outAval!.shape)))];
  },
  [Prim.Pad]: ([x], params, [outAval]) => [gatherRule(x!, outAval!.shape, padMap(x!.shape, params))],
  [Prim.Rev]: ([x], params) => [gatherRule(x!, x!.shape, revMap(x!.shape, params))],
  [Prim.Concatenate]: (inputs, { axis }, [outAval]) => {
    const out = tensor(outAval!.shape, outAval!.dtype);
    const outer = sizeOf(outAval!.shape.slice(0, axis));
    let offset = 0;
    const rowOut = sizeOf(outAval!.shape.slice(axis));
    for (const t of inputs) {
      const row = sizeOf(t.shape.slice(axis));
      for (let o = 0; o < outer; o++) out.data.set(t.data.subarray(o * row, (o + 1) * row), o * rowOut + offset);
      offset += row;
    }
    return [out];
  },
  [Prim.Convert]: ([x], { dtype }) => {
    const out = tensor(x!.shape, dtype);
    out.data.set(x!.data);
    return [out];
  },
  [Prim.Stencil]: (inputs, params, outAvals) => evalStencil(inputs, params, outAvals, false),
  [Prim.StencilGather]: (inputs, params, outAvals) => evalStencil(inputs, params, outAvals, true),
  [Prim.ScanSweep]: (inputs, params, outAvals) => evalScanSweep(inputs, params, outAvals, { evalPrim, evalProgram }),
  [Prim.ForiLoop]: (inputs, params, outAvals) => evalLoop(inputs, params, outAvals, evalProgram, (a) => tensor(a.shape, a.dtype)),
};

/** Apply one primitive to concrete tensors. */
export function evalPrim<P extends Prim>(prim: P, inputs: readonly Tensor[], params: ParamsOf<P>, outAvals: readonly Aval[]): Tensor[] {
  return evalRules[prim](inputs, params, outAvals);
}

/**
 * The reference interpretation: tensors, evalRules; a literal is a 0-d tensor of its dtype.
 *
 * @example
 * evalEnv(program, tensorInterpretation, args); // every intermediate value
 */
export const tensorInterpretation: Interpretation<Tensor> = {
  literal: (a) => {
    const t = tensor([], a.aval.dtype);
    t.data[0] = a.value;
    return t;
  },
  apply: (eqn, inputs) => evalPrim(eqn.prim, inputs, eqn.params, eqn.outputs.map((v) => v.aval)),
};

/**
 * Evaluate a program on concrete inputs (the walk of compiler/eval-program.ts with evalRules).
 *
 * @example
 * evalProgram(program, [tensor([3], "float64", new Float64Array([1, 2, 3]))]);
 */
export function evalProgram(program: Program, args: readonly Tensor[]): Tensor[] {
  return walkProgram(program, tensorInterpretation, args);
}

export { assertNever };
