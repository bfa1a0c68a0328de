/**
 * @file Pass simplify, on the kernel programs of a stencil. Requires: nothing.
 * Guarantees: equations whose inputs are all literals are folded into
 * literals (scalar equations only), identical equations are merged (common
 * subexpressions), and equations nothing uses are dropped (dead code).
 * Scalarization at code generation folds and shares again, per element.
 */
import { cacheKey } from "../cache-key";
import { Lit, Program, Var, type Atom, type AnyEqn } from "../ir";
import { binaryFns, unaryFns } from "../scalar-fns";
import { isBinary, isUnary, Prim, type StencilParams } from "../primitives";
import type { LoopNest } from "../loop/loop-ir";

function atomKey(a: Atom, ids: Map<Var, number>): string {
  return a instanceof Lit ? `#${a.value}` : `v${ids.get(a) ?? -1}`;
}

/** Fold, merge and prune one program; returns the same object when nothing changed. */
export function simplifyProgram(program: Program): Program {
  const subst = new Map<Var, Atom>();
  const ids = new Map<Var, number>();
  program.inputs.forEach((v, i) => ids.set(v, i));
  const seen = new Map<string, Var[]>();
  const kept: AnyEqn[] = [];
  let changed = false;
  const sub = (a: Atom): Atom => (a instanceof Var ? (subst.get(a) ?? a) : a);
  for (const eqn of program.eqns) {
    const inputs = eqn.inputs.map(sub);
    if (inputs.some((a, i) => a !== eqn.inputs[i])) changed = true;
    const out = eqn.outputs[0]!;
    if (eqn.outputs.length === 1 && out.aval.shape.length === 0 && inputs.every((a) => a instanceof Lit)) {
      const vals = inputs.map((a) => (a as Lit).value);
      let folded: number | null = null;
      if (isUnary(eqn.prim)) folded = unaryFns[eqn.prim](vals[0]!);
      else if (isBinary(eqn.prim)) folded = binaryFns[eqn.prim](vals[0]!, vals[1]!);
      else if (eqn.prim === Prim.Where) folded = vals[0] !== 0 ? vals[1]! : vals[2]!;
      if (folded !== null) {
        subst.set(out, new Lit(out.aval.dtype === "float32" ? Math.fround(folded) : folded, out.aval.dtype));
        changed = true;
        continue;
      }
    }
    const key = eqn.prim === Prim.Stencil || eqn.prim === Prim.StencilGather || eqn.prim === Prim.ScanSweep || eqn.prim === Prim.ForiLoop ? null : `${eqn.prim}|${cacheKey(eqn.params)}|${inputs.map((a) => atomKey(a, ids)).join(",")}`;
    const prev = key === null ? undefined : seen.get(key);
    if (prev !== undefined) {
      eqn.outputs.forEach((v, i) => subst.set(v, prev[i]!));
      changed = true;
      continue;
    }
    if (key !== null) seen.set(key, [...eqn.outputs]);
    eqn.outputs.forEach((v) => ids.set(v, ids.size));
    kept.push(inputs === eqn.inputs ? eqn : { ...eqn, inputs });
  }
  const outputs = program.outputs.map(sub);
  // dead code: walk back from the outputs
  const live = new Set<Var>(outputs.filter((a): a is Var => a instanceof Var));
  const alive: AnyEqn[] = [];
  for (let i = kept.length - 1; i >= 0; i--) {
    const eqn = kept[i]!;
    if (!eqn.outputs.some((v) => live.has(v))) {
      changed = true;
      continue;
    }
    for (const a of eqn.inputs) if (a instanceof Var) live.add(a);
    alive.push(eqn);
  }
  alive.reverse();
  if (!changed && outputs.every((a, i) => a === program.outputs[i])) return program;
  return new Program(program.inputs, alive, outputs);
}

export function simplify(nest: LoopNest): LoopNest {
  const p = nest.params;
  const branches = p.branches.map((br) => {
    const kernel = simplifyProgram(br.kernel);
    return kernel === br.kernel ? br : { ...br, kernel };
  });
  if (branches.every((br, i) => br === p.branches[i])) return nest;
  const params: StencilParams = { ...p, branches };
  return { ...nest, params };
}
