/**
 * @file The push-or-pull decision for a `stencil_gather` (the adjoint of a
 * map's window reads), made before lowering:
 *
 *     push (lower-stencil.ts):      for each window g, slot k:   out[g - P + k·dil] += R_k(g)
 *     pull (lower-pull-gather.ts):  for each cell j:  out[j] = Σ_k R_k(g = j + P - k·dil), g on the grid
 *
 * Pull writes every output cell once (no zeroed output, threads split it
 * by output rows like any map), so it is chosen wherever it applies. Push
 * remains for three cases, each tested here:
 *
 * - mesh regions with steps (`"::2"`): a window's kernel would depend on
 *   g mod step, which the pull boxes cannot express (pull-geometry.ts
 *   `windowBranches` returns null);
 * - costly slots: pulling evaluates each slot's value on its own, which
 *   repeats shared work (a kernel that normalizes by the whole window)
 *   when that costs more than MAX_PULL_COST_RATIO times the window's;
 * - code size: more than MAX_PULL_TERMS slot terms over all boxes.
 */
import { sizeOf, stridesOf } from "../ir";
import type { StencilParams } from "../primitives";
import { NodeBuilder, scalarize, type SNode, type SValue } from "../codegen/scalarize";
import type { LoopNest } from "./loop-ir";
import { kernelCuts, pullGeometry, windowBranches, type PullGeometry, type Term } from "./pull-geometry";

/** A pull gather is lowered only when its slots' separate values cost at most this many times the window's... */
const MAX_PULL_COST_RATIO = 2;
/** ...plus this many operations (small kernels always qualify). */
const PULL_COST_SLACK = 8;
/** Above this many slot terms summed over all boxes, the push form is lowered instead (code size). */
const MAX_PULL_TERMS = 20_000;

/** The operands of a node. */
export function operands(n: SNode): SNode[] {
  return n.kind === "unary" ? [n.a] : n.kind === "binary" ? [n.a, n.b] : n.kind === "select" ? [n.c, n.a, n.b] : [];
}

/** Every node under `roots`, each once. */
function under(roots: readonly SNode[]): SNode[] {
  const seen = new Map<number, SNode>();
  const stack = [...roots];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n.id)) continue;
    seen.set(n.id, n);
    stack.push(...operands(n));
  }
  return [...seen.values()];
}

/** Operations (reads and arithmetic, not constants or extra-input loads) under `roots`, each counted once. */
function operations(roots: readonly SNode[]): number {
  return under(roots).filter((n) => n.kind !== "const" && n.kind !== "extra").length;
}

const isZero = (n: SNode): boolean => n.kind === "const" && n.value === 0 && !Object.is(n.value, -0);

/** Per branch and slot, the output values it adds (null: a literal zero, skipped as the push form skips it); null when pulling would cost too much. */
function slotTerms(nb: NodeBuilder, p: StencilParams, inputs: SValue[], slots: number): { terms: (SNode | null)[][][]; everyNode: SNode[] } | null {
  const terms: (SNode | null)[][][] = [];
  const everyNode: SNode[] = [];
  for (const br of p.branches) {
    const outsOf = scalarize(nb, br.kernel, inputs);
    const t = Array.from({ length: slots }, (_, k) => outsOf.map((o) => (isZero(o.nodes[k]!) ? null : o.nodes[k]!)));
    const all = t.flat().filter((n): n is SNode => n !== null);
    const pullCost = t.reduce((acc, v) => acc + operations(v.filter((n): n is SNode => n !== null)), 0);
    if (pullCost > MAX_PULL_COST_RATIO * operations(all) + PULL_COST_SLACK) return null;
    terms.push(t);
    everyNode.push(...all);
  }
  return { terms, everyNode };
}

/** What the pull form of a gather sums, decided: its slots' values, the boxes of output cells and their terms. */
export interface PullPlan {
  /** Per branch, slot and output: the value the slot adds (null: nothing). */
  readonly terms: (SNode | null)[][][];
  /** Do the kernels read their windows? */
  readonly reads: boolean;
  readonly geometry: PullGeometry;
  /** The terms of the box with intervals iv and residue classes res (geometry.boxTerms, computed once). */
  readonly boxTerms: (iv: readonly number[], res: readonly number[]) => Term[];
}

/** Every (intervals, residues) box of the geometry, in loop order. */
function everyBox(geometry: PullGeometry, nd: number): [number[], number[]][] {
  let boxes: [number[], number[]][] = [[[], []]];
  for (let d = 0; d < nd; d++) {
    boxes = boxes.flatMap(([iv, res]) => Array.from({ length: geometry.counts[d]! }, (_, i) => geometry.residues(d, i).map((r): [number[], number[]] => [[...iv, i], [...res, r]])).flat());
  }
  return boxes;
}

/**
 * The pull plan of a gather's loop nest, or null when the push form stays
 * (see the file header for the three cases).
 *
 * @example
 * pullPlan(nest) === null; // true for a gather over a mesh region "::2"
 */
export function pullPlan(nest: LoopNest): PullPlan | null {
  const branchAt = windowBranches(nest);
  if (branchAt === null) return null;
  const p = nest.params;
  const K = p.spec.kernelSize;
  const slots = sizeOf(K);
  const kStrides = stridesOf(K);
  const slotCell = (c: number): number[] => K.map((_, d) => Math.floor(c / kStrides[d]!) % K[d]!);
  const nb = new NodeBuilder();
  const windows: SValue[] = Array.from({ length: p.nWindowed }, (_, j) => ({ shape: K, nodes: Array.from({ length: slots }, (_, c) => nb.read(j, c)) }));
  const extras: SValue[] = nest.extraShapes.map((s, j) => {
    const rest = s.slice(p.gridDims[j]!.length);
    return { shape: rest, nodes: Array.from({ length: sizeOf(rest) }, (_, f) => nb.extra(j, f)) };
  });
  const pulled = slotTerms(nb, p, [...windows, ...extras], slots);
  if (pulled === null) return null;
  const { terms, everyNode } = pulled;
  const reads = under(everyNode).some((n) => n.kind === "read");
  // per dim: the slot indices of the slots with a value in some kernel (the others add nothing, and cut nothing)
  const live = K.map((_, d) => [...new Set(terms.flatMap((bt) => bt.flatMap((t, k) => (t.some((n) => n !== null) ? [slotCell(k)[d]!] : []))))]);
  const hasValue = (branch: number, k: number): boolean => terms[branch]![k]!.some((v) => v !== null);
  const geometry = pullGeometry(p.spec, kernelCuts(nest), live, reads, branchAt, hasValue);
  const byBox = new Map<string, Term[]>();
  let total = 0;
  for (const [iv, res] of everyBox(geometry, K.length)) {
    const t = geometry.boxTerms(iv, res);
    byBox.set(`${iv}|${res}`, t);
    total += t.length;
    if (total > MAX_PULL_TERMS) return null;
  }
  return { terms, reads, geometry, boxTerms: (iv, res) => byBox.get(`${iv}|${res}`)! };
}
