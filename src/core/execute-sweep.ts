/**
 * @file Runs `scan_sweep` equations (the reverse sweep of a scan's vjp,
 * compiler/scan-sweep.ts) through generated code (compiler/codegen/emit-sweep.ts),
 * on the calling thread: the sweep is sequential, as the scan is.
 * Sweeps that cannot be compiled run on the reference interpreter.
 */
import { ByteLru, sourceBytes } from "../../compiler/byte-lru";
import { cacheKey } from "../../compiler/cache-key";
import type { Aval } from "../../compiler/ir";
import { evalPrim } from "../../compiler/interpret";
import { allocStorage, type Storage } from "../../compiler/tensor";
import { printProgram } from "../../compiler/ir-print";
import { Prim, type DType, type ScanSweepParams } from "../../compiler/primitives";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitSweep } from "../../compiler/codegen/emit-sweep";
import { ctInputs } from "../../compiler/scan-sweep";
import { NotScalarizable } from "../../compiler/codegen/scalarize";
import { debugLog } from "../config";
import { NDArray } from "../ndarray/ndarray";

interface CompiledSweep {
  readonly body: string;
  readonly tables: readonly Int32Array[];
  readonly fn: CompiledBody;
}

/** Sweeps kept compiled, least recently used dropped first (as for stencils). */
export const SWEEP_CACHE_SIZE = 64;
/** Bytes compiled sweeps may retain (index tables, source): 64 MiB, beyond the newest entry (see compiler/byte-lru.ts). */
export const SWEEP_CACHE_BYTES = 64 << 20;
const byKey = new ByteLru<string, CompiledSweep | null>("compiled sweeps", SWEEP_CACHE_SIZE, SWEEP_CACHE_BYTES);
/** The structural key per params object and shapes (a hit skips printing the programs; keeps no tables alive). */
const byParams = new WeakMap<ScanSweepParams, Map<string, string>>();

/** Bytes the compiled sweeps retain, as the cache counts them (for tests of the bound). */
export function sweepCacheBytes(): number {
  return byKey.bytes;
}

function structuralKey(p: ScanSweepParams, shapes: readonly (readonly number[])[], dtype: DType): string {
  return cacheKey({
    spec: p.scan.spec,
    g: p.scan.gridDims,
    c: p.nCaptured,
    h: p.hasCt,
    z: p.zeroPadFrom,
    e: shapes,
    dtype,
    b: p.scan.branches.map((br, i) => [br.region, printProgram(p.adjoints[i]!)]),
    m: (p.ctMaps ?? []).map((m) => m && [m.spec, m.gridDims, printProgram(m.branches[0]!.kernel)]),
  });
}

/**
 * The compiled sweep, or null when it must be interpreted.
 *
 * @example
 * compileSweep(params, inputs.map((x) => x.shape), "float64")?.body; // the generated loops
 */
export function compileSweep(p: ScanSweepParams, shapes: readonly (readonly number[])[], dtype: DType): CompiledSweep | null {
  // the same params object again (a jitted program's equation): no structural key to build
  const shapeKey = `${dtype}|${shapes.map((s) => s.join(",")).join(";")}`;
  let perParams = byParams.get(p);
  if (perParams === undefined) byParams.set(p, (perParams = new Map()));
  const key = perParams.get(shapeKey) ?? structuralKey(p, shapes, dtype);
  perParams.set(shapeKey, key);
  let compiled = byKey.get(key);
  if (compiled === undefined) {
    compiled = buildSweep(p, shapes, dtype);
    const bytes = 2 * key.length + (compiled === null ? 0 : sourceBytes(compiled.body) + compiled.tables.reduce((n, t) => n + t.byteLength, 0));
    byKey.set(key, compiled, bytes);
  }
  return compiled;
}

function buildSweep(p: ScanSweepParams, shapes: readonly (readonly number[])[], dtype: DType): CompiledSweep | null {
  try {
    const t0 = performance.now();
    const code = emitSweep(p, shapes, dtype);
    debugLog(1, () => `compiled scan_sweep (reverse of a ${p.scan.spec.kind}) over [${p.scan.spec.inShape.join(", ")}], window [${p.scan.spec.kernelSize.join(", ")}], ${dtype}, in ${(performance.now() - t0).toFixed(1)} ms`);
    debugLog(3, () => `generated sweep code:\n${code.body}`);
    let fn: CompiledBody | null = null;
    return {
      body: code.body,
      tables: code.tables,
      get fn(): CompiledBody {
        return (fn ??= compileBody(code.body));
      },
    };
  } catch (e) {
    if (!(e instanceof NotScalarizable)) throw e;
    return null;
  }
}

/**
 * Run a sweep equation on concrete arrays.
 *
 * @example
 * runScanSweep(inputs, params, abstractEval(Prim.ScanSweep, inputs, params));
 */
export function runScanSweep(inputs: readonly NDArray[], p: ScanSweepParams, outAvals: readonly Aval[]): NDArray[] {
  const dtype = inputs[0]!.dtype;
  const compiled = compileSweep(p, inputs.map((x) => x.shape), dtype);
  if (compiled === null) return evalPrim(Prim.ScanSweep, inputs, p, outAvals).map((t) => new NDArray(t.shape, t.dtype, t.data));
  const outs: Storage[] = outAvals.map((a) => allocStorage(a.dtype, a.shape.reduce((n, s) => n * s, 1)));
  if (p.scan.spec.placement === "inplace") {
    // in place, the accumulators start as the cotangents of the final state
    ctInputs(p, inputs).forEach((ins, j) => ins.length > 0 && outs[j]!.set(ins[0]!.data));
  }
  compiled.fn([...inputs.map((x) => x.data), ...outs], compiled.tables, [], 0, 0, 0);
  return outAvals.map((a, j) => new NDArray(a.shape, a.dtype, outs[j]!));
}
