/**
 * @file jit(f): trace f once per signature (shapes and dtypes of its array
 * arguments, values of the others), then run the staged program on every
 * call. Called inside another transform, the program is inlined into the
 * outer trace. The program passes (compiler/passes/program-pipeline.ts)
 * fuse elementwise ops and sums into stencil loops first.
 * `jit(f).lower(...args)` returns the optimized IR and generated code
 * (with backend "wasm", also what runs in WebAssembly: runtime/wasm/wasm-listing.ts).
 */
import { Lit, type Atom, type Program, type Var } from "../../compiler/ir";
import { printProgram } from "../../compiler/ir-print";
import { optimizeProgram } from "../../compiler/passes/program-pipeline";
import { debugLog, debugLogger, getConfig, type Backend } from "../config";
import { Prim } from "../../compiler/primitives";
import { bind, currentTrace, evalProgramWithBind, stage, Tracer, type StagedFunction } from "../core/trace";
import { evalProgramEager, runStencilAsync } from "../core/eager";
import { compileStencil } from "../../runtime/executor/stencil-kernel";
import { compileSweep } from "../../runtime/executor/sweep-kernel";
import { badValue, KernexError } from "../errors";
import { withWasmBackend } from "../../runtime/wasm/backend-flag";
import { wasmSimdAvailable } from "../../runtime/wasm/memory";
import { elementOf } from "../../runtime/wasm/wasm-kernel";
import { wasmListing } from "../../runtime/wasm/wasm-listing";
import { NDArray } from "../ndarray/ndarray";
import { callerSite, checkDonated, donateArguments, donatedPositions } from "./donate";
import { checkJitOptions, type JitOptions } from "./jit-options";
import { flattenOutputs } from "./tree";
import { asFloat32Args, runOnGpu, syncGpuCall } from "./jit-gpu";

/**
 * A jitted function: call it like `f`; `lower` shows what it runs.
 *
 * @typeParam F - the type of the function that was jitted
 *
 * @example
 * const f: kex.JitFunction<(x: kex.NDArray) => kex.NDArray> = kex.jit((x: kex.NDArray) => kex.mul(x, 2));
 * f(kex.ones([2])).toArray(); // [2, 2]
 */
export interface JitFunction<F extends (...args: never[]) => unknown> {
  (...args: Parameters<F>): ReturnType<F>;
  /** The optimized IR and the generated JavaScript for these arguments (and, with backend "wasm", the WebAssembly). */
  lower(...args: Parameters<F>): {
    /** The program after the program passes, printed by the IR printer. */
    ir: string;
    /** The generated JavaScript of each stencil loop nest. */
    js: string;
    /**
     * With backend "wasm": for each stencil, whether it runs in WebAssembly
     * (and its module's text, or a long module's summary and vector loop)
     * or stays JavaScript and why; "" with the other backends.
     */
    wasm: string;
  };
  /** The same call, resolved asynchronously: sharded stencils (for a browser's main thread), or on the GPU (backend "webgpu"). */
  async(...args: Parameters<F>): Promise<ReturnType<F>>;
}

interface Entry {
  readonly staged: StagedFunction;
  /** The staged program after the program passes (fusion). */
  readonly program: Program;
  readonly rebuild: (leaves: readonly NDArray[]) => unknown;
}

/** Bound on the signatures a jitted function keeps compiled (a program per shape signature; older ones are dropped first). */
export const JIT_CACHE_SIZE = 64;

/**
 * The cache key of a call. Strings are JSON-quoted so that no string can
 * spell the key of another argument list ("a|number:1" against "a", 1), and
 * -0 is told from 0 (they give different results, e.g. through 1 / y).
 * Null when an argument (an object, a function) cannot be keyed: such calls
 * are traced every time.
 */
function signature(args: readonly unknown[]): string | null {
  const parts: string[] = [];
  for (const a of args) {
    if (a instanceof NDArray && NDArray.isNDArray(a)) parts.push(`${a.dtype}[${a.shape.join(",")}]`);
    else if (typeof a === "string") parts.push(`string:${JSON.stringify(a)}`);
    else if (typeof a === "number") parts.push(`number:${Object.is(a, -0) ? "-0" : String(a)}`);
    else if (typeof a === "boolean") parts.push(`boolean:${String(a)}`);
    else return null;
  }
  return parts.join("|");
}

/**
 * Run a staged program on a call's arguments: outside any trace, with
 * concrete arrays, through the executor with the types its equations carry
 * (src/core/eager.ts evalProgramEager); otherwise by binding its equations
 * (inlined into the current trace, or a traced value used outside its
 * trace, which bind reports). `resultsReturn`: as in evalProgramEager.
 */
function runProgram(e: Entry, args: readonly unknown[], resultsReturn = false): NDArray[] {
  const inputs: NDArray[] = [];
  let traced = false;
  for (const a of args) {
    if (!(a instanceof NDArray)) continue;
    inputs.push(a);
    traced ||= a instanceof Tracer;
  }
  for (const c of e.staged.captured) inputs.push(c);
  return currentTrace() === null && !traced ? evalProgramEager(e.program, inputs, resultsReturn) : evalProgramWithBind(e.program, inputs);
}

/**
 * Compile f once per argument signature. Options: `donate` (argument
 * positions, like JAX's donate_argnums): after an eager call those
 * arguments' buffers are reused for later results, and reading a donated
 * array is a KernexError; `backend` ("js", "wasm" or "webgpu"; see jit-gpu.ts and runtime/wasm). Unknown options are KernexErrors
 * (jit-options.ts).
 *
 * @typeParam A - the parameters of f (unannotated ones are NDArrays); the jitted function takes the same
 * @typeParam R - what f returns; the jitted function returns the same
 *
 * @example
 * const conv = kex.jit(kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x, w) => kex.sum(x * w)));
 * conv(image, weights);
 * const step = kex.jit((u) => heat(u), { donate: [0] });
 * for (let s = 0; s < 1000; s++) u = step(u); // two buffers, reused
 */
export function jit<A extends unknown[] = NDArray[], R = unknown>(f: (...args: A) => R, options?: JitOptions): JitFunction<(...args: A) => R>;
export function jit<F extends (...args: never[]) => unknown>(f: F, options?: JitOptions): JitFunction<F> {
  if (typeof f !== "function") return badValue("jit", f, "a function");
  const opts = checkJitOptions(options);
  if (opts.backend !== undefined && opts.backend !== "js" && opts.backend !== "wasm" && opts.backend !== "webgpu") badValue("jit: backend", opts.backend, '"js", "wasm" or "webgpu"');
  if (opts.backend === "wasm" && !wasmSimdAvailable()) throw new KernexError('jit: backend "wasm" needs WebAssembly with fixed-width SIMD, and this runtime has none; use backend "js"');
  const backend = (): Backend => (opts.backend as Backend | undefined) ?? getConfig().backend;
  const donate = donatedPositions(opts.donate);
  const site = donate.length > 0 ? callerSite() : "";
  const where = (i: number): string => `jit(${f.name || "(anonymous)"}, { donate }) as argument ${i}${site ? `, jitted at ${site}` : ""}`;
  const cache = new Map<string, Entry>();
  // the last call's argument types and entry: a call with the same shapes, dtypes and other values skips the keyed lookup
  type ArgType = { readonly shape: readonly number[]; readonly dtype: string } | { readonly value: unknown };
  let last: { readonly types: readonly ArgType[]; readonly entry: Entry } | null = null;
  const sameAsLast = (args: readonly unknown[]): Entry | null => {
    if (last === null || last.types.length !== args.length) return null;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const t = last.types[i]!;
      if (a instanceof NDArray) {
        if (!("shape" in t) || a.dtype !== t.dtype || a.shape.length !== t.shape.length || !NDArray.isNDArray(a)) return null;
        for (let d = 0; d < a.shape.length; d++) if (a.shape[d] !== t.shape[d]) return null;
      } else if (!("value" in t) || !Object.is(a, t.value)) {
        return null;
      }
    }
    return last.entry;
  };
  const entryFor = (args: readonly unknown[]): Entry => {
    const hit = sameAsLast(args);
    if (hit !== null) return hit;
    const e = lookUp(args);
    // keyable calls only (numbers, strings, booleans and arrays); the arrays themselves are not kept
    last = signature(args) === null ? null : { types: args.map((a): ArgType => (a instanceof NDArray ? { shape: a.shape, dtype: a.dtype } : { value: a })), entry: e };
    return e;
  };
  const lookUp = (args: readonly unknown[]): Entry => {
    args.forEach((a, i) => {
      if (a instanceof NDArray && !NDArray.isNDArray(a)) badValue(`jit: argument ${i}`, a, "an NDArray made by kernex, or any other value");
    });
    const key = signature(args);
    let e = key === null ? undefined : cache.get(key);
    if (e !== undefined && key !== null) {
      // refresh: the cache is least-recently-used first
      cache.delete(key);
      cache.set(key, e);
    } else {
      const arrays = args.filter((a): a is NDArray => a instanceof NDArray);
      let rebuild: Entry["rebuild"] = () => undefined;
      const staged = stage(
        arrays.map((a) => ({ shape: a.shape, dtype: a.dtype })),
        (...traced) => {
          let i = 0;
          const callArgs = args.map((a) => (a instanceof NDArray ? traced[i++]! : a));
          const flat = flattenOutputs((f as unknown as (...a: unknown[]) => unknown)(...callArgs), "jit");
          rebuild = flat.rebuild;
          return flat.leaves;
        },
      );
      e = { staged, program: optimizeProgram(staged.program, { log: debugLogger(2) }), rebuild };
      debugLog(1, () => `jit: traced ${f.name || "(anonymous)"} for (${key ?? "arguments that cannot be cached"}): ${e!.program.eqns.length} equations`);
      if (key === null) return e;
      if (cache.size >= JIT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(key, e);
    }
    return e;
  };
  const run = (...args: unknown[]): unknown => {
    if (backend() === "webgpu" && currentTrace() === null) syncGpuCall(f.name, args);
    if (donate.length > 0) checkDonated(args, donate);
    const e = entryFor(args);
    // a donating call is usually a step of u = f(u): its results are written where they can come back as shared memory
    const returns = donate.length > 0;
    const outs = backend() === "wasm" ? withWasmBackend(() => runProgram(e, args, returns)) : runProgram(e, args, returns);
    if (donate.length > 0 && currentTrace() === null) donateArguments(args, donate, outs, e.staged.captured, where);
    return e.rebuild(outs);
  };
  const runAsync = async (...args: unknown[]): Promise<unknown> => {
    // the "wasm" backend is synchronous: .async resolves to the synchronous call's result
    if (currentTrace() !== null || backend() === "wasm") return run(...args);
    if (donate.length > 0) checkDonated(args, donate);
    if (backend() === "webgpu") {
      const args32 = asFloat32Args(args);
      const e32 = entryFor(args32);
      return e32.rebuild(await runOnGpu(e32.program, [...args32.filter((a): a is NDArray => a instanceof NDArray), ...e32.staged.captured]));
    }
    const e = entryFor(args);
    const arrays = args.filter((a): a is NDArray => a instanceof NDArray);
    // the walk of compiler/eval-program.ts, awaiting each equation: that walk is synchronous
    const env = new Map<Var, NDArray>();
    e.program.inputs.forEach((v, i) => env.set(v, [...arrays, ...e.staged.captured][i]!));
    const read = (a: Atom): NDArray | number => (a instanceof Lit ? a.value : env.get(a)!);
    for (const eqn of e.program.eqns) {
      const ins = eqn.inputs.map(read);
      // stencils and gathers shard without blocking this thread; everything else runs here
      const outs =
        (eqn.prim === Prim.Stencil || eqn.prim === Prim.StencilGather) && ins.every((x) => x instanceof NDArray)
          ? await runStencilAsync(eqn.prim, ins as NDArray[], eqn.params, eqn.outputs.map((o) => o.aval))
          : bind(eqn.prim, ins, eqn.params);
      eqn.outputs.forEach((v, i) => env.set(v, outs[i]!));
    }
    const outs = e.program.outputs.map((a) => {
      const r = read(a);
      return typeof r === "number" ? NDArray.scalar(r, a.aval.dtype) : r;
    });
    if (donate.length > 0) donateArguments(args, donate, outs, e.staged.captured, where);
    return e.rebuild(outs);
  };
  const jitted = Object.assign(run, { async: runAsync }) as unknown as JitFunction<F>;
  jitted.lower = (...args: Parameters<F>) => lowered(entryFor(args).program, backend());
  return jitted;
}

/** `jit(f).lower(...)`: the optimized program's listing, the generated code of its stencils and sweeps, and with backend "wasm" what runs in WebAssembly. */
function lowered(program: Program, backend: Backend): { ir: string; js: string; wasm: string } {
  const js: string[] = [];
  const wasm: string[] = [];
  const interpreted = "// (interpreted: the kernel is too large to unroll or its border tables too sparse)";
  for (const eqn of program.eqns) {
    if (eqn.prim === Prim.ScanSweep) {
      const compiled = compileSweep(eqn.params, eqn.inputs.map((a) => a.aval.shape), eqn.inputs[0]!.aval.dtype);
      js.push(compiled === null ? interpreted : compiled.body);
      if (backend === "wasm") wasm.push(`;; stencil ${wasm.length + 1}: JavaScript (a scan's sweep: only maps run in WebAssembly)`);
      continue;
    }
    if (eqn.prim !== Prim.Stencil && eqn.prim !== Prim.StencilGather) continue;
    const p = eqn.params;
    const extraShapes = eqn.inputs.slice(p.nWindowed).map((a) => a.aval.shape);
    const compiled = compileStencil(eqn.prim, p, extraShapes);
    js.push(compiled === null ? interpreted : compiled.body);
    if (backend !== "wasm") continue;
    const elements = [...eqn.inputs, ...eqn.outputs].map((a) => elementOf(a.aval.dtype));
    wasm.push(wasmListing(wasm.length + 1, { map: eqn.prim === Prim.Stencil, params: p, extraShapes, compiled, elements }));
  }
  return { ir: printProgram(program), js: js.join("\n\n"), wasm: wasm.join("\n\n") };
}
