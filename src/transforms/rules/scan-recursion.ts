/**
 * @file The entries of a scan's adjoint recursion (rules/scan-vjp.ts): which
 * later step h reads the cell step g wrote, at which window cell k, and on
 * which grid cells g the relation holds — directly (h = g - δ_k) or through
 * a non-constant pad mode that aliases an outside read of h onto c(g).
 *
 * Per dimension d the read of step h at window cell k lands on
 * p = h·s - lo + k·dil; through the pad mode that is cell q = pad(p), which
 * is the centre c(g) = base + g·s of step g = (q - base)/s when integral and
 * on the grid. The relation is a product over dimensions, so it is computed
 * per dimension and grouped by δ = g - h: a direct read gives one δ for
 * every g (no mask needed: where h leaves the grid λ reads as 0, and where
 * c(g) leaves the array g writes nothing), an aliased read adds a few border
 * cells g, possibly at a far δ (wrap), and then the entry carries a 0/1 mask
 * over the grid.
 *
 * Worked example: 1-d, n = 5, kernel 3, "same", stride 1, padMode "wrap".
 * Direct reads: step h = g + 1 reads c(g) at k = 0 (δ = -1) and h = g - 1
 * at k = 2 (δ = 1). Aliased: step h = 4 reads
 * p = 5 at k = 2, which is cell 0 = c(0): δ = -4, mask 1 at g = 0 only; step
 * h = 0 reads p = -1 at k = 0, cell 4 = c(4): δ = 4, mask at g = 4 (h = 0
 * runs before g = 4, so its λ is still 0 when the reverse sweep gets there).
 */
import { sizeOf, stridesOf, type Var } from "../../../compiler/ir";
import { padIndex } from "../../../compiler/geometry/pad-index";
import { Prim, type Branch, type StencilSpec } from "../../../compiler/primitives";

/** One Jacobian entry of the recursion: λ_to(g) += mask(g) · ∂R_from/∂S_to[k] at step g - δ · λ_from(g - δ). */
export interface Entry {
  readonly from: number;
  readonly to: number;
  /** Window cell k of the forward kernel. */
  readonly cell: readonly number[];
  /** Grid offset of the step that reads c(g) at cell k: g - δ. */
  readonly delta: readonly number[];
  /** Per dimension, the grid cells g where the relation holds, or null where it holds on the whole grid. */
  readonly mask: readonly (readonly boolean[] | null)[];
}

/**
 * The window cells each windowed input's kernels read (flat indices), over
 * every branch; null when not known cell by cell (the window is used as an
 * array). The Jacobian is zero on the other cells, so they need no entry.
 */
function cellsRead(branches: readonly Branch[], W: number, kernelSize: readonly number[]): (Set<number> | null)[] {
  const strides = stridesOf(kernelSize);
  const read: (Set<number> | null)[] = Array.from({ length: W }, () => new Set<number>());
  for (const br of branches) {
    const windows = br.kernel.inputs.slice(0, W);
    br.kernel.outputs.forEach((o) => {
      const i = windows.indexOf(o as Var);
      if (i >= 0) read[i] = null;
    });
    for (const eqn of br.kernel.eqns) {
      eqn.inputs.forEach((a) => {
        const i = windows.indexOf(a as Var);
        if (i < 0 || read[i] === null) return;
        const index = eqn.prim === Prim.Index ? eqn.params.index : null;
        if (index === null || index.length !== kernelSize.length) read[i] = null;
        else read[i]!.add(index.reduce((f, k, d) => f + k * strides[d]!, 0));
      });
    }
  }
  return read;
}

/** Along one dimension: for window cell k, each δ with the cells g where step g - δ reads c(g) at k (null: every g). */
function axisRelation(spec: StencilSpec, d: number, k: number): Map<number, boolean[] | null> {
  const G = spec.gridShape[d]!;
  const s = spec.strides[d]!;
  const lo = spec.padding[d]![0];
  const dil = spec.dilation[d]!;
  const n = spec.inShape[d]!;
  const base = -lo + Math.floor((spec.kernelSize[d]! - 1) / 2) * dil;
  const found = new Map<number, boolean[]>();
  let aliased = false;
  for (let h = 0; h < G; h++) {
    const p = h * s - lo + k * dil;
    const q = padIndex(p, n, spec.padMode[d]!);
    if (q < 0 || (q - base) % s !== 0) continue;
    const g = (q - base) / s;
    if (g < 0 || g >= G) continue;
    if (q !== p) aliased = true;
    const delta = g - h;
    if (!found.has(delta)) found.set(delta, new Array<boolean>(G).fill(false));
    found.get(delta)![g] = true;
  }
  // without aliasing there is at most the one direct δ, which holds wherever it can matter
  const out = new Map<number, boolean[] | null>();
  for (const [delta, mask] of found) out.set(delta, aliased ? mask : null);
  return out;
}

/**
 * The entries of the recursion: for every window cell some kernel reads,
 * every δ at which a later step reads c(g) there, directly or through a pad
 * mode, with its mask (see the file header).
 *
 * @example
 * recursionEntries(spec, branches, 1); // 1-d, kernel 3, "same", constant: k = 0 at δ = -1 and k = 2 at δ = 1
 */
export function recursionEntries(spec: StencilSpec, branches: readonly Branch[], W: number): Entry[] {
  const read = cellsRead(branches, W, spec.kernelSize);
  const ks = spec.kernelSize;
  const nd = ks.length;
  const axes = ks.map((K, d) => Array.from({ length: K }, (_, k) => axisRelation(spec, d, k)));
  const entries: Entry[] = [];
  for (let kf = 0; kf < sizeOf(ks); kf++) {
    const cell = new Array<number>(nd);
    let r = kf;
    for (let d = nd - 1; d >= 0; d--) {
      cell[d] = r % ks[d]!;
      r = Math.floor(r / ks[d]!);
    }
    // the product over dimensions of each dimension's (δ, mask) choices
    let combos: { delta: number[]; mask: (boolean[] | null)[] }[] = [{ delta: [], mask: [] }];
    for (let d = 0; d < nd; d++) {
      const choices = [...axes[d]![cell[d]!]!.entries()];
      combos = combos.flatMap((c) => choices.map(([delta, mask]) => ({ delta: [...c.delta, delta], mask: [...c.mask, mask] })));
    }
    for (const c of combos) {
      for (let from = 0; from < W; from++) {
        for (let to = 0; to < W; to++) if (read[to] === null || read[to]!.has(kf)) entries.push({ from, to, cell, delta: c.delta, mask: c.mask });
      }
    }
  }
  return entries;
}
