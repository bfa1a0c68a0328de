/**
 * @file Runs stencil equations through compiled code: look up (or build) the
 * generated function for the equation's structure, allocate the outputs
 * (scans work on copies, so inputs are never modified), and call it.
 * Kernels that cannot be compiled (see NotScalarizable) run on the interpreter.
 */
import type { Aval } from "../../compiler/ir";
import { allocStorage, evalPrim, type Storage } from "../../compiler/interpret";
import { printProgram } from "../../compiler/ir-print";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitStencil } from "../../compiler/codegen/emit-stencil";
import { scanWritesInPlace } from "../../compiler/loop/loop-ir";
import { runPipeline } from "../../compiler/passes/pipeline";
import { NotScalarizable } from "../../compiler/codegen/scalarize";
import { getConfig } from "../config";
import { NDArray } from "../ndarray/ndarray";

/** A stencil ready to run. */
export interface CompiledStencil {
  readonly fn: CompiledBody;
  readonly body: string;
  readonly tables: readonly Int32Array[];
}

/** Structural cache: the same geometry and kernels give the same code. */
const byKey = new Map<string, CompiledStencil | null>();
const byParams = new WeakMap<StencilParams, Map<string, CompiledStencil | null>>();
const KEY_CACHE_SIZE = 256;

function structuralKey(p: StencilParams, extraShapes: readonly (readonly number[])[]): string {
  return JSON.stringify({
    spec: p.spec,
    n: p.nWindowed,
    g: p.gridDims,
    r: p.reduceGrid,
    e: extraShapes,
    b: p.branches.map((br) => [br.region, printProgram(br.kernel)]),
  });
}

/** The compiled code of a stencil equation, or null when it must be interpreted. */
export function compileStencil(prim: Prim.Stencil | Prim.StencilGather, p: StencilParams, extraShapes: readonly (readonly number[])[]): CompiledStencil | null {
  if (prim === Prim.StencilGather) return null;
  const shapeKey = extraShapes.map((s) => s.join(",")).join(";");
  let perParams = byParams.get(p);
  if (perParams?.has(shapeKey)) return perParams.get(shapeKey)!;
  const key = structuralKey(p, extraShapes);
  let compiled = byKey.get(key);
  if (compiled === undefined) {
    try {
      const debug = getConfig().debug;
      const nest = runPipeline(p, extraShapes, { log: debug >= 2 ? (line) => console.log(`[kernex] ${line}`) : undefined });
      const code = emitStencil(nest);
      if (debug >= 3) console.log(`[kernex] generated stencil code:\n${code.body}`);
      compiled = { fn: compileBody(code.body), body: code.body, tables: code.tables };
    } catch (e) {
      if (!(e instanceof NotScalarizable)) throw e;
      compiled = null;
    }
    byKey.set(key, compiled);
    if (byKey.size > KEY_CACHE_SIZE) byKey.delete(byKey.keys().next().value!);
  }
  if (perParams === undefined) {
    perParams = new Map();
    byParams.set(p, perParams);
  }
  perParams.set(shapeKey, compiled);
  return compiled;
}

/** Run a stencil equation on concrete arrays. */
export function runStencil(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly NDArray[], params: StencilParams, outAvals: readonly Aval[]): NDArray[] {
  const extras = inputs.slice(params.nWindowed);
  const compiled = compileStencil(prim, params, extras.map((e) => e.shape));
  if (compiled === null) {
    return evalPrim(prim, inputs, params, outAvals).map((t) => new NDArray(t.shape, t.dtype, t.data));
  }
  const { spec } = params;
  const windowed: Storage[] = inputs.slice(0, params.nWindowed).map((x) => (spec.kind === "scan" ? x.data.slice() : x.data));
  const inPlace = scanWritesInPlace(params);
  let outs: Storage[];
  if (inPlace) {
    outs = windowed;
  } else {
    outs = outAvals.map((a, j) => {
      const o = allocStorage(a.dtype, a.shape.reduce((n, d) => n * d, 1));
      if (spec.placement === "inplace") o.set(inputs[j]!.data);
      return o;
    });
  }
  const f = inPlace ? [...windowed, ...extras.map((e) => e.data)] : [...windowed, ...extras.map((e) => e.data), ...outs];
  compiled.fn(f, compiled.tables, [], 0, spec.gridShape[0]!);
  return outAvals.map((a, j) => new NDArray(a.shape, a.dtype, outs[j]!));
}
