/**
 * @file Scalarization of a kernel program: every value of the kernel (a small
 * array) becomes an array of scalar expression nodes over window reads,
 * extra-input reads and constants. Nodes are hash-consed (common
 * subexpressions are shared) and constants fold. The emitter turns the
 * nodes of each output element into straight-line code in the loop body.
 */
import { sizeOf, stridesOf, type Program } from "../ir";
import { evalProgram, type Interpretation } from "../eval-program";
import { binaryFns, unaryFns } from "../scalar-fns";
import { broadcastMap, gatherWith, indexOffset, padMap, revMap, sliceMap, transposeMap, type SourceMap } from "../geometry/index-maps";
import {
  binaryPrims,
  mapFamily,
  Prim,
  reducePrims,
  unaryPrims,
  type BinaryPrim,
  type ParamsOf,
  type ReducePrim,
  type UnaryPrim,
} from "../primitives";

/** A scalar expression node. */
export type SNode =
  | { readonly kind: "const"; readonly id: number; readonly value: number }
  | { readonly kind: "read"; readonly id: number; readonly input: number; readonly cell: number }
  | { readonly kind: "extra"; readonly id: number; readonly input: number; readonly flat: number }
  | { readonly kind: "unary"; readonly id: number; readonly prim: UnaryPrim | "fround"; readonly a: SNode }
  | { readonly kind: "binary"; readonly id: number; readonly prim: BinaryPrim; readonly a: SNode; readonly b: SNode }
  | { readonly kind: "select"; readonly id: number; readonly c: SNode; readonly a: SNode; readonly b: SNode };

/** Thrown when a kernel cannot be scalarized (too large, or unsupported inside kernels). */
export class NotScalarizable extends Error {}

/** Kernels above this many scalar nodes are run by the interpreter instead: unrolled code would be huge. */
export const MAX_KERNEL_NODES = 50_000;

/**
 * Operations whose result on float32 operands is itself a float32 value
 * (no rounding needed): sign changes, integer rounding, max/min, %, and
 * comparisons and tests (0 or 1).
 */
const EXACT_IN_FLOAT32: ReadonlySet<string> = new Set<string>([
  Prim.Neg, Prim.Abs, Prim.Sign, Prim.Floor, Prim.Ceil, Prim.Round, Prim.Trunc,
  Prim.Max, Prim.Min, Prim.Mod, Prim.Lt, Prim.Gt, Prim.Le, Prim.Ge, Prim.Eq, Prim.Ne, Prim.IsNan, Prim.IsFinite,
]);

/** Hash-consing node factory with constant folding. */
export class NodeBuilder {
  private readonly table = new Map<string, SNode>();
  private count = 0;
  /**
   * Set while scalarizing an equation whose result is float32: every
   * arithmetic result is then rounded with Math.fround, so compiled kernels
   * round after each operation exactly as the interpreter and eager
   * evaluation do when they store into a Float32Array (same bits on every path).
   */
  float32 = false;

  /** Round a freshly computed node to float32 when the current equation is float32. */
  private rounded(prim: UnaryPrim | BinaryPrim, n: SNode): SNode {
    if (!this.float32 || EXACT_IN_FLOAT32.has(prim)) return n;
    if (n.kind === "const") return this.constant(Math.fround(n.value));
    if (n.kind === "unary" && n.prim === "fround") return n;
    return this.unary("fround", n);
  }

  private intern(key: string, make: (id: number) => SNode): SNode {
    let n = this.table.get(key);
    if (n === undefined) {
      if (this.count >= MAX_KERNEL_NODES) throw new NotScalarizable(`kernel has more than ${MAX_KERNEL_NODES} scalar operations`);
      n = make(this.count++);
      this.table.set(key, n);
    }
    return n;
  }

  constant(value: number): SNode {
    return this.intern(`c${Object.is(value, -0) ? "-0" : value}`, (id) => ({ kind: "const", id, value }));
  }
  read(input: number, cell: number): SNode {
    return this.intern(`r${input},${cell}`, (id) => ({ kind: "read", id, input, cell }));
  }
  extra(input: number, flat: number): SNode {
    return this.intern(`e${input},${flat}`, (id) => ({ kind: "extra", id, input, flat }));
  }
  unary(prim: UnaryPrim | "fround", a: SNode): SNode {
    if (prim === "fround") {
      if (a.kind === "const") return this.constant(Math.fround(a.value));
      if (a.kind === "unary" && a.prim === "fround") return a;
      return this.intern(`u${prim},${a.id}`, (id) => ({ kind: "unary", id, prim, a }));
    }
    if (a.kind === "const") return this.rounded(prim, this.constant(unaryFns[prim](a.value)));
    return this.rounded(prim, this.intern(`u${prim},${a.id}`, (id) => ({ kind: "unary", id, prim, a })));
  }
  binary(prim: BinaryPrim, a: SNode, b: SNode): SNode {
    if (a.kind === "const" && b.kind === "const") return this.rounded(prim, this.constant(binaryFns[prim](a.value, b.value)));
    // exact identities only (no x*0 → 0: wrong for NaN and ±Infinity)
    if (b.kind === "const" && b.value === 1 && (prim === Prim.Mul || prim === Prim.Div || prim === Prim.Pow)) return a;
    if (a.kind === "const" && a.value === 1 && prim === Prim.Mul) return b;
    return this.rounded(prim, this.intern(`b${prim},${a.id},${b.id}`, (id) => ({ kind: "binary", id, prim, a, b })));
  }
  select(c: SNode, a: SNode, b: SNode): SNode {
    if (c.kind === "const") return c.value !== 0 ? a : b;
    if (a === b) return a;
    return this.intern(`s${c.id},${a.id},${b.id}`, (id) => ({ kind: "select", id, c, a, b }));
  }
}

/** A kernel value: its shape and one node per element (row-major). */
export interface SValue {
  readonly shape: readonly number[];
  readonly nodes: readonly SNode[];
}

type ScalarRule<P extends Prim> = (nb: NodeBuilder, inputs: readonly SValue[], params: ParamsOf<P>, outShapes: readonly (readonly number[])[]) => SValue[];

function gather(nb: NodeBuilder, x: SValue, outShape: readonly number[], source: SourceMap): SValue {
  const nodes: SNode[] = new Array(sizeOf(outShape));
  gatherWith(x.nodes, outShape, source, () => nb.constant(0), nodes);
  return { shape: outShape, nodes };
}

function pick(v: SValue, i: number): SNode {
  return v.nodes[v.nodes.length === 1 ? 0 : i]!;
}

const reduceCombine: Record<ReducePrim, BinaryPrim> = {
  [Prim.ReduceSum]: Prim.Add,
  [Prim.ReduceMax]: Prim.Max,
  [Prim.ReduceMin]: Prim.Min,
  [Prim.ReduceProd]: Prim.Mul,
};

/** Rule builder for unary primitives: one node per element. */
const unaryScalar =
  (p: UnaryPrim): ScalarRule<UnaryPrim> =>
  (nb, [x]) => [{ shape: x!.shape, nodes: x!.nodes.map((a) => nb.unary(p, a)) }];

/** Rule builder for binary primitives: one node per element (a 0-d operand stands for a broadcast literal). */
const binaryScalar =
  (p: BinaryPrim): ScalarRule<BinaryPrim> =>
  (nb, [x, y], _params, [shape]) => {
    const n = sizeOf(shape!);
    return [{ shape: shape!, nodes: Array.from({ length: n }, (_, i) => nb.binary(p, pick(x!, i), pick(y!, i))) }];
  };

const reduceInit: Record<ReducePrim, number> = { [Prim.ReduceSum]: 0, [Prim.ReduceMax]: -Infinity, [Prim.ReduceMin]: Infinity, [Prim.ReduceProd]: 1 };

/** Rule builder for reductions: a chain of the combining binary node per output element. */
const reduceScalar =
  (p: ReducePrim): ScalarRule<ReducePrim> =>
  (nb, [x], { axes }, [shape]) => {
    const outStrides = stridesOf(shape!);
    const acc: (SNode | null)[] = new Array(sizeOf(shape!)).fill(null);
    const xs = x!.shape;
    const idx = new Array<number>(xs.length).fill(0);
    x!.nodes.forEach((node, f) => {
      let r = f;
      for (let d = xs.length - 1; d >= 0; d--) {
        idx[d] = r % xs[d]!;
        r = Math.floor(r / xs[d]!);
      }
      let o = 0;
      let k = 0;
      for (let d = 0; d < xs.length; d++) if (!axes.includes(d)) o += idx[d]! * outStrides[k++]!;
      const prev = acc[o];
      acc[o] = prev === null || prev === undefined ? node : nb.binary(reduceCombine[p], prev, node);
    });
    return [{ shape: shape!, nodes: acc.map((a) => a ?? nb.constant(reduceInit[p])) }];
  };

/** How each primitive acts on arrays of scalar nodes. */
export const scalarizeRules: { [P in Prim]: ScalarRule<P> } = {
  ...mapFamily(unaryPrims, unaryScalar),
  ...mapFamily(binaryPrims, binaryScalar),
  ...mapFamily(reducePrims, reduceScalar),
  [Prim.Where]: (nb, [c, a, b], _p, [shape]) => [
    { shape: shape!, nodes: Array.from({ length: sizeOf(shape!) }, (_, i) => nb.select(pick(c!, i), pick(a!, i), pick(b!, i))) },
  ],
  [Prim.Broadcast]: (nb, [x], params) => [gather(nb, x!, params.shape, broadcastMap(x!.shape, params))],
  [Prim.Reshape]: (_nb, [x], { shape }) => [{ shape, nodes: x!.nodes }],
  [Prim.Transpose]: (nb, [x], params) => [gather(nb, x!, params.perm.map((p) => x!.shape[p]!), transposeMap(x!.shape, params))],
  [Prim.Slice]: (nb, [x], params) => [gather(nb, x!, params.shape, sliceMap(x!.shape, params))],
  [Prim.Index]: (_nb, [x], params, [shape]) => {
    const base = indexOffset(x!.shape, params);
    return [{ shape: shape!, nodes: x!.nodes.slice(base, base + sizeOf(shape!)) }];
  },
  [Prim.Pad]: (nb, [x], params, [shape]) => [gather(nb, x!, shape!, padMap(x!.shape, params))],
  [Prim.Rev]: (nb, [x], params) => [gather(nb, x!, x!.shape, revMap(x!.shape, params))],
  [Prim.Concatenate]: (_nb, inputs, { axis }, [shape]) => {
    const outer = sizeOf(shape!.slice(0, axis));
    const nodes: SNode[] = [];
    for (let o = 0; o < outer; o++) {
      for (const t of inputs) {
        const row = sizeOf(t.shape.slice(axis));
        nodes.push(...t.nodes.slice(o * row, (o + 1) * row));
      }
    }
    return [{ shape: shape!, nodes }];
  },
  [Prim.Convert]: (nb, [x], { dtype }) => [{ shape: x!.shape, nodes: dtype === "float32" ? x!.nodes.map((a) => nb.unary("fround", a)) : x!.nodes }],
  [Prim.Stencil]: () => {
    throw new NotScalarizable("a stencil inside a kernel");
  },
  [Prim.StencilGather]: () => {
    throw new NotScalarizable("a stencil inside a kernel");
  },
  [Prim.ScanSweep]: () => {
    throw new NotScalarizable("a stencil inside a kernel");
  },
  [Prim.ForiLoop]: () => {
    throw new NotScalarizable("a loop inside a kernel");
  },
};

function applyScalar<P extends Prim>(nb: NodeBuilder, prim: P, inputs: readonly SValue[], params: ParamsOf<P>, outShapes: readonly (readonly number[])[]): SValue[] {
  return scalarizeRules[prim](nb, inputs, params, outShapes);
}

/** Scalarization as an interpretation (compiler/eval-program.ts): values are arrays of nodes built by `nb`. */
function scalarInterpretation(nb: NodeBuilder): Interpretation<SValue> {
  return {
    // a float32 literal holds its float32 value, as the interpreter's 0-d Float32Array does
    literal: (a) => ({ shape: [], nodes: [nb.constant(a.aval.dtype === "float32" ? Math.fround(a.value) : a.value)] }),
    apply: (eqn, inputs) => {
      nb.float32 = eqn.outputs[0]?.aval.dtype === "float32";
      try {
        return applyScalar(nb, eqn.prim, inputs, eqn.params, eqn.outputs.map((o) => o.aval.shape));
      } finally {
        nb.float32 = false;
      }
    },
  };
}

/**
 * Scalarize a program given the values of its inputs.
 *
 * @example
 * const [y] = scalarize(new NodeBuilder(), kernel, [{ shape: [3], nodes: [nb.read(0, 0), nb.read(0, 1), nb.read(0, 2)] }]);
 */
export function scalarize(nb: NodeBuilder, program: Program, inputs: readonly SValue[]): SValue[] {
  return evalProgram(program, scalarInterpretation(nb), inputs);
}
