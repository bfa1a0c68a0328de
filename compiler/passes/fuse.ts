/**
 * @file Program passes (run by jit): loop fusion. Requires: a verified
 * program. Guarantees: the same values with fewer materialized arrays:
 *
 * - fuse-elementwise: an elementwise equation whose operand is the only use
 *   of a map stencil's scalar-per-cell output (covering the whole grid)
 *   moves into that stencil's kernels; its other operands become per-cell
 *   extra inputs (or whole 0-d ones, or literals for broadcast constants).
 *   Any other elementwise equation on arrays becomes a stencil of window 1,
 *   so chains of elementwise ops fuse into one loop.
 * - fuse-reductions: a full sum over the grid axes of a map stencil's only
 *   use becomes the stencil's reduceGrid mode (summed in the loop, never
 *   stored): `sum(kmap(f)(x))` allocates nothing of the grid's size.
 *
 * - fuse-into-stencils: see fuseIntoStencils.
 * - fuse-into-sweeps: see fuseIntoSweeps.
 *
 * Worked example: `kex.sum(kex.mul(lap(x), 2))` is stencil → mul → sum:
 * mul moves into the stencil's kernel, then the sum becomes reduceGrid.
 */
import { Lit, Program, Var, sameShape, type AnyEqn, type Atom, type Eqn } from "../ir";
import { lowerStencil } from "./lower-stencil";
import { meshRegions } from "./mesh-regions";
import { assertNever, isBinary, isUnary, Prim, type DType, type StencilParams, type StencilSpec } from "../primitives";

function sizeOfShape(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

function isElementwise(eqn: AnyEqn): boolean {
  return isUnary(eqn.prim) || isBinary(eqn.prim) || eqn.prim === Prim.Where;
}

/** A map stencil whose single output (one scalar per cell) may absorb consumers. */
function fusableProducer(eqn: AnyEqn | undefined): eqn is Eqn<Prim.Stencil> {
  if (eqn === undefined || eqn.prim !== Prim.Stencil) return false;
  const p = eqn.params;
  if (p.spec.kind !== "map" || p.spec.placement !== "grid" || p.reduceGrid || eqn.outputs.length !== 1) return false;
  if (eqn.outputs[0]!.aval.shape.length !== p.spec.gridShape.length) return false;
  // every cell must have a kernel (uncovered cells are 0, which a consumer would change)
  const nest = meshRegions(lowerStencil(p, []));
  return nest.leaves.every((leaf) => leaf.owners.length > 0 && leaf.owners[leaf.owners.length - 1]!.tests.length === 0);
}

/** A single-kernel window-1 map stencil over `grid` (each cell reads only itself). */
function isPointStencil(eqn: AnyEqn, grid: readonly number[]): eqn is Eqn<Prim.Stencil> {
  if (eqn.prim !== Prim.Stencil || eqn.outputs.length !== 1) return false;
  const p = eqn.params;
  const s = p.spec;
  return (
    s.kind === "map" && s.placement === "grid" && !p.reduceGrid && p.nWindowed === 1 && p.branches.length === 1 && p.branches[0]!.region === null &&
    sameShape(s.gridShape, grid) && sameShape(s.inShape, grid) && s.kernelSize.every((k) => k === 1) && s.strides.every((v) => v === 1) &&
    s.padding.every(([a, b]) => a === 0 && b === 0) && eqn.outputs[0]!.aval.shape.length === grid.length
  );
}

/** The same program with fresh binders (so it can be inlined more than once). */
function freshCopy(program: Program): Program {
  const map = new Map<Var, Var>();
  const fresh = (v: Var): Var => {
    const n = new Var(v.aval);
    map.set(v, n);
    return n;
  };
  const sub = (a: Atom): Atom => (a instanceof Var ? (map.get(a) ?? a) : a);
  const inputs = program.inputs.map(fresh);
  const eqns = program.eqns.map((e) => ({ ...e, inputs: e.inputs.map(sub), outputs: e.outputs.map(fresh) }));
  return new Program(inputs, eqns, program.outputs.map(sub));
}

function countUses(program: Program): Map<Var, number> {
  const uses = new Map<Var, number>();
  const use = (a: Atom) => {
    if (a instanceof Var) uses.set(a, (uses.get(a) ?? 0) + 1);
  };
  for (const eqn of program.eqns) eqn.inputs.forEach(use);
  program.outputs.forEach(use);
  return uses;
}

/** A window-1 stencil spec over an array shape. */
function pointSpec(shape: readonly number[]): StencilSpec {
  const ones = shape.map(() => 1);
  return {
    kind: "map",
    placement: "grid",
    inShape: shape,
    kernelSize: ones,
    strides: ones,
    dilation: ones,
    padding: shape.map(() => [0, 0] as const),
    padMode: shape.map(() => "constant" as const),
    padValue: 0,
    reverse: false,
    gridShape: shape,
  };
}

/** An operand of the consumer, as seen from inside the fused kernel. */
type Role =
  | { kind: "produced" }
  | { kind: "lit"; lit: Lit }
  | { kind: "extra"; index: number }
  | { kind: "window" }
  | { kind: "inline"; eqn: Eqn<Prim.Stencil>; first: number };

/** What fuse-elementwise knows while it walks a program. */
interface ElementwiseState {
  readonly uses: ReadonlyMap<Var, number>;
  /** var -> index in `out` of the eqn that defines it */
  readonly producer: Map<Var, number>;
  /** var -> 0-d atom it broadcasts */
  readonly broadcastOf: Map<Var, Atom>;
  /** the equations so far; null where one was fused away */
  readonly out: (AnyEqn | null)[];
}

/** The consumer's operands: their roles, and the inputs and grid dims they add to the stencil. */
interface Operands {
  readonly roles: readonly Role[];
  readonly newInputs: readonly Atom[];
  readonly newGridDims: readonly (readonly number[])[];
  /** indices in `out` of the window-1 stencils inlined into the kernel */
  readonly inlined: readonly number[];
}

/** Broadcasts (and reshapes) of one value: remember the 0-d atom they spread. */
function noteBroadcast(eqn: AnyEqn, broadcastOf: Map<Var, Atom>): void {
  if ((eqn.prim !== Prim.Broadcast && eqn.prim !== Prim.Reshape) || sizeOfShape(eqn.inputs[0]!.aval.shape) !== 1) return;
  const src = eqn.inputs[0]!;
  const scalar = src.aval.shape.length === 0 ? src : src instanceof Var ? broadcastOf.get(src) : undefined;
  if (scalar !== undefined) broadcastOf.set(eqn.outputs[0]!, scalar);
}

/** A fusable stencil feeding `eqn` whose output has no other use, with that output. */
function fusableInput(s: ElementwiseState, eqn: AnyEqn): { v: Var; stencil: Eqn<Prim.Stencil> } | undefined {
  for (const a of eqn.inputs) {
    if (!(a instanceof Var) || s.uses.get(a) !== 1) continue;
    const at = s.producer.get(a);
    const candidate = at === undefined ? undefined : (s.out[at] ?? undefined);
    if (fusableProducer(candidate)) return { v: a, stencil: candidate };
  }
  return undefined;
}

/**
 * The role of each operand of consumer `eqn` in a stencil of params `p`
 * (`fedBy`: the operand the stencil produces, if any): literals and
 * broadcast constants stay literals, 0-d values become whole extras,
 * single-use window-1 stencils over the grid are inlined, the first other
 * array is the window of a new stencil, and the rest are per-cell extras.
 */
function operandRoles(s: ElementwiseState, eqn: AnyEqn, fedBy: Var | undefined, p: StencilParams): Operands {
  const gridDims = p.spec.gridShape.map((_, d) => d);
  const newInputs: Atom[] = [];
  const newGridDims: (readonly number[])[] = [];
  const inlined: number[] = [];
  const inlinedRoles = new Map<number, Role>();
  let windowTaken = false;
  const usedOnlyHere = (a: Var) => s.uses.get(a) === eqn.inputs.filter((b) => b === a).length;
  const roles = eqn.inputs.map((a): Role => {
    if (a === fedBy) return { kind: "produced" };
    if (a instanceof Lit) return { kind: "lit", lit: a };
    const scalarSource = s.broadcastOf.get(a);
    if (scalarSource instanceof Lit) return { kind: "lit", lit: scalarSource };
    if (scalarSource !== undefined || a.aval.shape.length === 0) {
      newInputs.push(scalarSource ?? a);
      newGridDims.push([]);
      return { kind: "extra", index: newInputs.length - 1 };
    }
    // another single-use window-1 stencil over the same grid: inline its kernel
    const at = s.producer.get(a);
    const other = at === undefined ? undefined : s.out[at];
    if (other && usedOnlyHere(a) && isPointStencil(other, p.spec.gridShape)) {
      // (an operand used twice here, as in x * x, is inlined once)
      const again = inlinedRoles.get(at!);
      if (again !== undefined) return again;
      inlined.push(at!);
      const first = newInputs.length;
      newInputs.push(...other.inputs);
      newGridDims.push(gridDims, ...other.params.gridDims);
      const role: Role = { kind: "inline", eqn: other, first };
      inlinedRoles.set(at!, role);
      return role;
    }
    if (fedBy === undefined && !windowTaken) {
      windowTaken = true;
      return { kind: "window" };
    }
    newInputs.push(a);
    newGridDims.push(gridDims);
    return { kind: "extra", index: newInputs.length - 1 };
  });
  return { roles, newInputs, newGridDims, inlined };
}

/**
 * The kernel of the fused stencil: `old` (the producer's kernel, or null
 * for a new window-1 stencil reading its window's one cell) extended with
 * the inlined kernels and the consumer's equation on the operands' values.
 */
function fusedKernel(eqn: AnyEqn, ops: Operands, kernelSize: readonly number[], windowDType: DType | null, old: Program | null): Program {
  const dtype = eqn.outputs[0]!.aval.dtype;
  const oldInputs = old ? [...old.inputs] : [new Var({ shape: kernelSize, dtype })];
  const extraVars = ops.newInputs.map((a, i) => new Var({ shape: a.aval.shape.slice(ops.newGridDims[i]!.length), dtype: a.aval.dtype }));
  const eqns: AnyEqn[] = old ? [...old.eqns] : [];
  const produced: Atom | null = old ? old.outputs[0]! : null;
  let windowValue: Atom | null = null;
  const inlinedResults = new Map<Role, Atom>();
  if (!old) {
    const v = new Var({ shape: [], dtype: windowDType! });
    eqns.push({ prim: Prim.Index, inputs: [oldInputs[0]!], params: { index: kernelSize.map(() => 0) }, outputs: [v] });
    windowValue = v;
  }
  const args = ops.roles.map((r): Atom => {
    switch (r.kind) {
      case "produced":
        return produced!;
      case "lit":
        return r.lit;
      case "window":
        return windowValue!;
      case "extra":
        return extraVars[r.index]!;
      case "inline": {
        const done = inlinedResults.get(r);
        if (done !== undefined) return done;
        // the inlined kernel reads its window (one cell) and extras from this stencil's inputs
        const k = freshCopy(r.eqn.params.branches[0]!.kernel);
        const cell = extraVars[r.first]!;
        const win = k.inputs[0]!;
        eqns.push({ prim: Prim.Reshape, inputs: [cell], params: { shape: win.aval.shape }, outputs: [win] });
        k.inputs.slice(1).forEach((v, j) => {
          eqns.push({ prim: Prim.Reshape, inputs: [extraVars[r.first + 1 + j]!], params: { shape: v.aval.shape }, outputs: [v] });
        });
        eqns.push(...k.eqns);
        inlinedResults.set(r, k.outputs[0]!);
        return k.outputs[0]!;
      }
      default:
        return assertNever(r);
    }
  });
  const result = new Var({ shape: [], dtype });
  eqns.push({ ...eqn, inputs: args, outputs: [result] });
  return new Program([...oldInputs, ...extraVars], eqns, [result]);
}

/**
 * Fuse elementwise `eqn` into the stencil feeding it, or make it a window-1
 * stencil; null when it stays as it is. Marks the equations it absorbs
 * (`out` entries set to null).
 */
function fuseConsumer(s: ElementwiseState, eqn: AnyEqn): Eqn<Prim.Stencil> | null {
  const shape = eqn.outputs[0]!.aval.shape;
  if (!isElementwise(eqn) || shape.length === 0 || !eqn.inputs.every((a) => a.aval.shape.length === 0 || sameShape(a.aval.shape, shape))) return null;
  const fed = fusableInput(s, eqn);
  const p: StencilParams = fed?.stencil.params ?? { spec: pointSpec(shape), branches: [], nWindowed: 1, gridDims: [], reduceGrid: false };
  const ops = operandRoles(s, eqn, fed?.v, p);
  // with every operand inlined (x * x of an inlined x), the window is a copy of the first inlined input (its reads are unused)
  const windowAt = ops.roles.findIndex((r) => r.kind === "window");
  const windowVar =
    fed !== undefined ? null : windowAt >= 0 ? (eqn.inputs[windowAt] as Var) : (ops.newInputs.find((a, i) => a instanceof Var && ops.newGridDims[i]!.length === shape.length) as Var | undefined);
  if (fed === undefined && windowVar === undefined) return null;
  const windowDType = windowVar ? windowVar.aval.dtype : null;
  const branches =
    fed !== undefined
      ? p.branches.map((br) => ({ ...br, kernel: fusedKernel(eqn, ops, p.spec.kernelSize, windowDType, br.kernel) }))
      : [{ region: null, kernel: fusedKernel(eqn, ops, p.spec.kernelSize, windowDType, null) }];
  if (fed !== undefined) s.out[s.producer.get(fed.v)!] = null;
  for (const at of ops.inlined) s.out[at] = null;
  return {
    prim: Prim.Stencil,
    inputs: fed !== undefined ? [...fed.stencil.inputs, ...ops.newInputs] : [windowVar!, ...ops.newInputs],
    params: { ...p, branches, gridDims: [...p.gridDims, ...ops.newGridDims] },
    outputs: eqn.outputs,
  };
}

/** Fold elementwise consumers into map stencils; turn the rest into window-1 stencils. */
export function fuseElementwise(program: Program): Program {
  const s: ElementwiseState = { uses: countUses(program), producer: new Map(), broadcastOf: new Map(), out: [] };
  let changed = false;
  for (const eqn of program.eqns) {
    noteBroadcast(eqn, s.broadcastOf);
    const fused = fuseConsumer(s, eqn);
    if (fused !== null) changed = true;
    const kept: AnyEqn = fused ?? eqn;
    kept.outputs.forEach((v) => s.producer.set(v, s.out.length));
    s.out.push(kept);
  }
  if (!changed) return program;
  return new Program(program.inputs, s.out.filter((e): e is AnyEqn => e !== null), program.outputs);
}

/** Turn a full sum over a map stencil's grid axes into the stencil's reduceGrid mode. */
export function fuseReductions(program: Program): Program {
  const uses = countUses(program);
  const producer = new Map<Var, number>();
  const out: (AnyEqn | null)[] = [];
  let changed = false;
  for (const eqn of program.eqns) {
    const y = eqn.inputs[0];
    const src = y instanceof Var ? producer.get(y) : undefined;
    const prod = src === undefined ? undefined : out[src];
    if (eqn.prim === Prim.ReduceSum && y instanceof Var && uses.get(y) === 1 && prod && prod.prim === Prim.Stencil) {
      const p = prod.params;
      const G = p.spec.gridShape.length;
      const { axes } = eqn.params;
      const gridAxes = Array.from({ length: G }, (_, d) => d);
      if (p.spec.kind === "map" && p.spec.placement === "grid" && !p.reduceGrid && prod.outputs.length === 1 && gridAxes.every((d) => axes.includes(d))) {
        const rest = axes.filter((a) => a >= G).map((a) => a - G);
        const sAval = { shape: y.aval.shape.slice(G), dtype: y.aval.dtype };
        const stencilOut = rest.length === 0 ? eqn.outputs[0]! : new Var(sAval);
        const fused: Eqn<Prim.Stencil> = { prim: Prim.Stencil, inputs: prod.inputs, params: { ...p, reduceGrid: true }, outputs: [stencilOut] };
        out[src!] = null;
        out.push(fused);
        if (rest.length > 0) out.push({ prim: Prim.ReduceSum, inputs: [stencilOut], params: { axes: rest }, outputs: eqn.outputs });
        changed = true;
        continue;
      }
    }
    eqn.outputs.forEach((v) => producer.set(v, out.length));
    out.push(eqn);
  }
  if (!changed) return program;
  return new Program(program.inputs, out.filter((e): e is AnyEqn => e !== null), program.outputs);
}

/**
 * Per-cell stencil inputs that are a broadcast of one value become that
 * value, passed whole: the grid-sized array is never built (a gradient's
 * seed `broadcast 1.0` feeding a stencil_gather is the common case).
 */
export function foldBroadcastInputs(program: Program): Program {
  const def = new Map<Var, AnyEqn>();
  for (const eqn of program.eqns) for (const v of eqn.outputs) def.set(v, eqn);
  /** The 0-d atom a size-1 value was reshaped/broadcast from, if any. */
  const scalarSource = (a: Atom): Atom | null => {
    let cur: Atom = a;
    for (;;) {
      if (cur.aval.shape.length === 0) return cur;
      if (!(cur instanceof Var)) return null;
      const e = def.get(cur);
      if (!e || (e.prim !== Prim.Broadcast && e.prim !== Prim.Reshape)) return null;
      const src = e.inputs[0]!;
      if (src.aval.shape.reduce((n, d) => n * d, 1) !== 1) return null;
      cur = src;
    }
  };
  let changed = false;
  const eqns = program.eqns.map((eqn) => {
    if (eqn.prim !== Prim.Stencil && eqn.prim !== Prim.StencilGather) return eqn;
    const p = eqn.params;
    const G = p.spec.gridShape.length;
    let touched = false;
    const inputs = [...eqn.inputs];
    const gridDims = p.gridDims.map((dims, j) => {
      const a = eqn.inputs[p.nWindowed + j]!;
      if (dims.length !== G || a.aval.shape.length !== G || !(a instanceof Var) || !def.has(a)) return dims;
      const src = scalarSource(a);
      if (src === null || src === a) return dims;
      inputs[p.nWindowed + j] = src;
      touched = true;
      return [];
    });
    if (!touched) return eqn;
    changed = true;
    return { ...eqn, inputs, params: { ...p, gridDims } };
  });
  return changed ? new Program(program.inputs, eqns, program.outputs) : program;
}

/**
 * For fuse-into-stencils and fuse-into-sweeps: the index of the equation
 * that makes `a`, when it is a window-1 map over `grid` (its extras whole or
 * per cell) and `a` has no other use; undefined otherwise.
 */
function pointMapProducers(program: Program): (a: Atom, grid: readonly number[]) => { at: number; producer: Eqn<Prim.Stencil> } | undefined {
  const uses = countUses(program);
  const def = new Map<Var, number>();
  program.eqns.forEach((e, i) => e.outputs.forEach((v) => def.set(v, i)));
  return (a, grid) => {
    const at = a instanceof Var && uses.get(a) === 1 ? def.get(a) : undefined;
    if (at === undefined) return undefined;
    const producer = program.eqns[at]!;
    const full = grid.map((_, d) => d);
    const ok = isPointStencil(producer, grid) && producer.params.gridDims.every((g) => g.length === 0 || sameShape(g, full));
    return ok ? { at, producer } : undefined;
  };
}

/**
 * fuse-into-stencils: a stencil's (or stencil_gather's) per-cell extra input
 * (one scalar per grid cell) that is the only use of a window-1 map over the
 * same grid is computed inside the kernel instead, from that map's inputs:
 * the grid-sized array is never stored, nor copied to shared memory for the
 * threads. The common case is a gradient's cotangent, e.g. `r · 1` in the
 * gather of grad(sum(conv(x) · r)).
 */
export function fuseIntoStencils(program: Program): Program {
  const producerOf = pointMapProducers(program);
  const dropped = new Set<number>();
  let changed = false;
  const eqns = program.eqns.map((eqn) => {
    if (eqn.prim !== Prim.Stencil && eqn.prim !== Prim.StencilGather) return eqn;
    let p: StencilParams = eqn.params;
    const grid = p.spec.gridShape;
    const full = grid.map((_, d) => d);
    let inputs = [...eqn.inputs];
    for (let j = 0; j < p.gridDims.length; j++) {
      const a = inputs[p.nWindowed + j]!;
      const found = sameShape(p.gridDims[j]!, full) && sameShape(a.aval.shape, grid) ? producerOf(a, grid) : undefined;
      if (found === undefined || dropped.has(found.at)) continue;
      const { at, producer } = found;
      const pp = producer.params;
      // the kernel's extra j becomes the map's kernel applied to the cell of its window input and to its extras
      const branches = p.branches.map((br) => {
        const old = br.kernel;
        const target = old.inputs[p.nWindowed + j]!;
        const k = freshCopy(pp.branches[0]!.kernel);
        const added = producer.inputs.map((x, i) => new Var({ shape: x.aval.shape.slice(i === 0 ? grid.length : pp.gridDims[i - 1]!.length), dtype: x.aval.dtype }));
        const prologue: AnyEqn[] = k.inputs.map((v, i) => ({ prim: Prim.Reshape, inputs: [added[i]!], params: { shape: v.aval.shape }, outputs: [v] }));
        prologue.push(...k.eqns, { prim: Prim.Reshape, inputs: [k.outputs[0]!], params: { shape: target.aval.shape }, outputs: [target] });
        return { ...br, kernel: new Program([...old.inputs.filter((v) => v !== target), ...added], [...prologue, ...old.eqns], old.outputs) };
      });
      const gridDims = [...p.gridDims.filter((_, i) => i !== j), full, ...pp.gridDims];
      inputs = [...inputs.filter((_, i) => i !== p.nWindowed + j), ...producer.inputs];
      p = { ...p, branches, gridDims };
      dropped.add(at);
      changed = true;
      j--;
    }
    return p === eqn.params ? eqn : { ...eqn, inputs, params: p };
  });
  if (!changed) return program;
  return new Program(program.inputs, eqns.filter((_, i) => !dropped.has(i)), program.outputs);
}

/**
 * fuse-into-sweeps: a scan's reverse sweep (grid placement) whose cotangent
 * input is the only use of a window-1 map over the scan's grid computes it
 * cell by cell (ScanSweepParams.ctMaps): the grid-sized cotangent of a loss
 * such as sum(kscan(x)²) is never stored.
 */
export function fuseIntoSweeps(program: Program): Program {
  const producerOf = pointMapProducers(program);
  const dropped = new Set<number>();
  let changed = false;
  const eqns = program.eqns.map((eqn) => {
    if (eqn.prim !== Prim.ScanSweep) return eqn;
    const p = eqn.params;
    const grid = p.scan.spec.gridShape;
    if (p.scan.spec.placement !== "grid" || p.ctMaps?.some((m) => m !== null)) return eqn;
    let next = 2 * p.scan.nWindowed + p.scan.gridDims.length + p.nCaptured;
    const inputs = eqn.inputs.slice(0, next);
    const ctMaps = p.hasCt.map((h): StencilParams | null => {
      if (!h) return null;
      const d = eqn.inputs[next++]!;
      const found = producerOf(d, grid);
      if (found === undefined) {
        inputs.push(d);
        return null;
      }
      dropped.add(found.at);
      inputs.push(...found.producer.inputs);
      return found.producer.params;
    });
    if (ctMaps.every((m) => m === null)) return eqn;
    changed = true;
    return { ...eqn, inputs, params: { ...p, ctMaps } };
  });
  if (!changed) return program;
  return new Program(program.inputs, eqns.filter((_, i) => !dropped.has(i)), program.outputs);
}
