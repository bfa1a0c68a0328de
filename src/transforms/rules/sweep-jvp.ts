/**
 * @file The jvp rule of `scan_sweep` (the reverse sweep of a scan's vjp, see
 * compiler/scan-sweep.ts): another sweep, with the tangents riding along.
 *
 * The sweep at a covered grid cell g computes λ = D(g) + A[c(g)], reads the
 * seen window S (from X or Y: which one is fixed by the geometry, not by
 * the values), applies the branch's adjoint kernel (S̄, ā) = K*(S, a, λ),
 * and adds S̄ onto A. Every step is differentiable in (X, Y, a, D), and the
 * choice between X and Y does not move, so the tangent is the same sweep
 * run on pairs:
 *
 *     λ̇ = Ḋ(g) + Ȧ[c(g)],   Ṡ = the same reads of Ẋ, Ẏ,
 *     (S̄̇, ā̇) = jvp of K* at (S, a, λ) along (Ṡ, ȧ, λ̇),   Ȧ[q] += S̄̇
 *
 * That is a scan_sweep over windowed inputs (X, Ẋ), outputs (Y, Ẏ), extras
 * (a, ȧ) and cotangents (D, Ḋ), whose adjoint kernels are the jvps of the
 * adjoint kernels. Tangent windows read 0 where the constant pad value is
 * read (`zeroPadFrom`): the pad value has no derivative. This follows every
 * pad mode, which the sweep's stencil construction does not.
 */
import type { Aval } from "../../../compiler/ir";
import { ctInputs } from "../../../compiler/scan-sweep";
import { Prim, type ScanSweepParams, type StencilParams } from "../../../compiler/primitives";
import { bind } from "../../core/trace";
import type { JvpResult, Tangent } from "../jvp";
import { kernelInputAvals, stageBranches } from "./stencil-common";
import { stencilJvp, type KernelJvp } from "./stencil-jvp";
import { arrays } from "./stencil-vjp";
import { zeros, type Val } from "./values";

/** The jvp of a sweep as a sweep over (primal, tangent) pairs; null when a kernel's jvp captures outside values. */
export function sweepJvp(rawPrimals: readonly Val[], tangents: readonly Tangent[], p: ScanSweepParams, kernelJvp: KernelJvp): JvpResult | null {
  const xs = arrays(rawPrimals);
  const { scan } = p;
  const W = scan.nWindowed;
  const E = scan.gridDims.length;
  const C = p.nCaptured;
  const orZeros = (t: Tangent, x: { shape: readonly number[]; dtype: Aval["dtype"] }) => t ?? zeros({ shape: x.shape, dtype: x.dtype });
  const X = xs.slice(0, W);
  const Y = xs.slice(W, 2 * W);
  const a = xs.slice(2 * W, 2 * W + E);
  const cap = xs.slice(2 * W + E, 2 * W + E + C);
  const dX = X.map((x, i) => orZeros(tangents[i] ?? null, x));
  const dY = Y.map((y, i) => orZeros(tangents[W + i] ?? null, y));
  const da = a.map((e, i) => orZeros(tangents[2 * W + i] ?? null, e));
  const dCap = cap.map((_, i) => tangents[2 * W + E + i] ?? null);
  // the cotangents and their tangents (a fused cotangent map is differentiated as the stencil it is)
  const ctTangents = ctInputs(p, tangents);
  const cts = ctInputs(p, xs).map((ins, j) => {
    if (ins.length === 0) return null;
    const m = p.ctMaps?.[j] ?? null;
    if (m === null) return { d: ins[0]!, dd: orZeros(ctTangents[j]![0] ?? null, ins[0]!) };
    const r = stencilJvp(ins, ctTangents[j]!, m, kernelJvp);
    return { d: r.outs[0]!, dd: orZeros(r.touts[0] ?? null, r.outs[0]!) };
  });

  // the scan on pairs: kernels (S, Ṡ, a, ȧ) → (y, ẏ), for printing and for the sweep's own construction
  const fwdAvals = kernelInputAvals(scan, [...X, ...a]);
  const windowAvals = fwdAvals.slice(0, W);
  const extraAvals = fwdAvals.slice(W);
  const forward = stageBranches(scan.branches, [...windowAvals, ...windowAvals, ...extraAvals, ...extraAvals], (kernel, _b, ins) => {
    const r = kernelJvp(kernel, [...ins.slice(0, W), ...ins.slice(2 * W, 2 * W + E)], [...ins.slice(W, 2 * W), ...ins.slice(2 * W + E)]);
    return [...r.outs, ...r.touts.map((t, k) => orZeros(t, r.outs[k]!))];
  });
  if (forward.captured.length > 0) return null;
  const scan2: StencilParams = { ...scan, nWindowed: 2 * W, gridDims: [...scan.gridDims, ...scan.gridDims], branches: forward.branches };

  // adjoint kernels on pairs: (S, Ṡ, a, ȧ, λ, λ̇) → (S̄, S̄̇, ā, ā̇)
  const scalar: Aval = { shape: [], dtype: X[0]!.dtype };
  const lambdas = X.map(() => scalar);
  const adjoint = stageBranches(
    scan.branches.map((br, b) => ({ region: br.region, kernel: p.adjoints[b]! })),
    [...windowAvals, ...windowAvals, ...extraAvals, ...extraAvals, ...lambdas, ...lambdas],
    (kernel, _b, ins) => {
      const S = ins.slice(0, W);
      const dS = ins.slice(W, 2 * W);
      const ea = ins.slice(2 * W, 2 * W + E);
      const dea = ins.slice(2 * W + E, 2 * W + 2 * E);
      const l = ins.slice(2 * W + 2 * E, 3 * W + 2 * E);
      const dl = ins.slice(3 * W + 2 * E);
      const r = kernelJvp(kernel, [...S, ...ea, ...l, ...cap], [...dS, ...dea, ...dl, ...dCap]);
      const t = r.touts.map((tt, k) => orZeros(tt, r.outs[k]!));
      return [...r.outs.slice(0, W), ...t.slice(0, W), ...r.outs.slice(W, W + E), ...t.slice(W, W + E)];
    },
  );
  const present = cts.filter((c): c is { d: (typeof xs)[number]; dd: (typeof xs)[number] } => c !== null);
  const params2: ScanSweepParams = {
    scan: scan2,
    adjoints: adjoint.branches.map((br) => br.kernel),
    nCaptured: adjoint.captured.length,
    hasCt: [...p.hasCt, ...p.hasCt],
    zeroPadFrom: p.zeroPadFrom ?? W,
    // spelled out: absent, it would be read from Object.prototype if someone set it there
    ctMaps: undefined,
  };
  const outs = bind(Prim.ScanSweep, [...X, ...dX, ...Y, ...dY, ...a, ...da, ...adjoint.captured, ...present.map((c) => c.d), ...present.map((c) => c.dd)], params2);
  return {
    outs: [...outs.slice(0, W), ...outs.slice(2 * W, 2 * W + E)],
    touts: [...outs.slice(W, 2 * W), ...outs.slice(2 * W + E, 2 * W + 2 * E)],
  };
}

