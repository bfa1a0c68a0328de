/**
 * @file Generated factory source → stencil function, via `new Function`.
 * Not cached here: each compiled kernel (runtime/kernel-cache.ts) builds its
 * function once, on its first run. (Kernels are rebuilt from their source by
 * src/kernel/index.ts; with `codegen: false` neither runs.)
 */

/**
 * A compiled stencil body: outer-loop range [lo, hi) of step k. `s` is
 * unused by stencils and sweeps (they get undefined) and holds a loop's
 * [steps, lower, first step] (compiler/codegen/emit-loop.ts).
 */
export type CompiledBody = (f: readonly (Float64Array | Float32Array)[], t: readonly Int32Array[], s: readonly number[] | undefined, lo: number, hi: number, k: number) => void;

/**
 * Build the stencil function of a factory source (see emit-stencil.ts).
 *
 * @example
 * compileBody("return function (f, t, s, lo, hi, k) { f[0][0] = 1; };");
 */
export function compileBody(body: string): CompiledBody {
  return new Function(`"use strict";\n${body}`)() as CompiledBody;
}
