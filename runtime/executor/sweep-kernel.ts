/**
 * @file A `scan_sweep` equation's compiled kernel (the reverse sweep of a
 * scan's vjp, compiler/scan-sweep.ts): its generated body and tables
 * (compiler/codegen/emit-sweep.ts), kept by the kernel cache
 * (runtime/kernel-cache.ts) by the sweep's structure; the function is built
 * on first run.
 */
import { sourceBytes } from "../../compiler/byte-lru";
import { cacheKey, hashText } from "../../compiler/cache-key";
import { printProgram } from "../../compiler/ir-print";
import type { DType, ScanSweepParams } from "../../compiler/primitives";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitSweep } from "../../compiler/codegen/emit-sweep";
import type { Schedule } from "../../compiler/loop/schedule";
import { NotScalarizable } from "../../compiler/codegen/scalarize";
import { cachedKernel, memoKey, tableBytes } from "../kernel-cache";
import { execLog } from "./settings";

/**
 * A sweep ready to run.
 *
 * @example
 * compileSweep(params, shapes, "float64")?.body; // the generated loops
 */
export interface CompiledSweep {
  readonly body: string;
  readonly tables: readonly Int32Array[];
  /** One call over the grid (steps 1), or steps of slices split by input rows (compiler/loop/schedule.ts sweepSchedule). */
  readonly schedule: Schedule;
  /** Statements per grid cell, plus one: the work a cell stands for. */
  readonly costPerCell: number;
  /** The generated function (built on first use). */
  readonly fn: CompiledBody;
  /** Identifies the body for the workers' caches (computed on first use). */
  readonly hash: string;
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
  const key = memoKey("sweep", p, `${dtype}|${shapes.map((s) => s.join(",")).join(";")}`, () => structuralKey(p, shapes, dtype));
  return cachedKernel("sweep", key, () => buildSweep(p, shapes, dtype), (c) => (c === null ? 0 : sourceBytes(c.body) + tableBytes(c.tables)));
}

function buildSweep(p: ScanSweepParams, shapes: readonly (readonly number[])[], dtype: DType): CompiledSweep | null {
  try {
    const t0 = performance.now();
    const code = emitSweep(p, shapes, dtype);
    execLog(1, () => `compiled scan_sweep (reverse of a ${p.scan.spec.kind}) over [${p.scan.spec.inShape.join(", ")}], window [${p.scan.spec.kernelSize.join(", ")}], ${dtype}, in ${(performance.now() - t0).toFixed(1)} ms`);
    execLog(3, () => `generated sweep code:\n${code.body}`);
    let fn: CompiledBody | null = null;
    let hash: string | null = null;
    return {
      body: code.body,
      tables: code.tables,
      schedule: code.schedule,
      costPerCell: 1 + code.opsPerCell,
      get fn(): CompiledBody {
        return (fn ??= compileBody(code.body));
      },
      get hash(): string {
        return (hash ??= hashText(code.body, "w"));
      },
    };
  } catch (e) {
    if (!(e instanceof NotScalarizable)) throw e;
    return null;
  }
}
