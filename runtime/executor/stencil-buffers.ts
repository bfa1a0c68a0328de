/**
 * @file The buffers of one stencil run: inputs as they are or copied where
 * workers must see them, outputs fresh, fresh shared or through reused
 * scratch (runtime/scratch.ts), and what the calling thread writes directly
 * in a sharded map or gather (see `prepare`).
 */
import type { Aval } from "../../compiler/ir";
import type { Storage, Tensor } from "../../compiler/tensor";
import { Prim, type StencilParams } from "../../compiler/primitives";
import type { Schedule } from "../../compiler/codegen/emit-stencil";
import { scanWritesInPlace } from "../../compiler/loop/loop-ir";
import { allocate, allocateUninitialized, bytesOf, dtypeOf, isShared, type FloatDType } from "../buffers";
import { compileKernel, type KernelFn } from "../kernel-function";
import { getPool } from "../pool";
import { acquireScratch, acquireZeroedScratch, releaseScratch } from "../scratch";
import { handOutShared, mayHandOutShared } from "../shared-budget";
import { resultsReturn } from "../results-return";
import { whileRunning } from "../failure";
import { configuredWorkers, execLog } from "./settings";
import { copyUncovered, type Uncovered } from "./inplace-cover";

/** Would a sharded run of this scan copy its working array through scratch (see prepare)? */
export function scanCopied(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly Tensor[], params: StencilParams): boolean {
  if (prim === Prim.StencilGather || params.spec.kind !== "scan") return false;
  return inputs.slice(0, params.nWindowed).some((x) => !freshWhenShared(x.data.byteLength) || !mayHandOutShared(x.data.byteLength));
}

/**
 * Bytes the calling thread copies when a single-step stencil is sharded
 * (see prepare): inputs that are not shared, copied to scratch before the
 * workers start, and half of each result that goes through scratch (the
 * workers' share, copied out as their ranges finish).
 */
export function shardCopyBytes(inputs: readonly Tensor[], outAvals: readonly Aval[]): number {
  let bytes = 0;
  for (const x of inputs) if (!isShared(x.data)) bytes += x.data.byteLength;
  for (const a of outAvals) {
    const b = bytesOf(a.dtype, a.shape.reduce((n, d) => n * d, 1));
    if (!writtenInPlace(b)) bytes += b / 2;
  }
  return bytes;
}

/**
 * Is a sharded run's result of `bytes` written in place on shared memory
 * (else through scratch)? When it is large (FRESH_SHARED_BYTES), or in a
 * call whose results are likely to be donated back (runtime/results-return.ts:
 * the buffer the last step donated, or once a fresh one), while the shared
 * memory handed out allows (runtime/shared-budget.ts).
 */
function writtenInPlace(bytes: number): boolean {
  return (freshWhenShared(bytes) || resultsReturn()) && mayHandOutShared(bytes);
}

/** Is a sharded run's array of `bytes` a fresh shared buffer (true) or reused scratch (see FRESH_SHARED_BYTES)? */
function freshWhenShared(bytes: number): boolean {
  return bytes > FRESH_SHARED_BYTES;
}

/**
 * A copy of `x` in a fresh buffer. Above FRESH_SHARED_BYTES, when `x` is
 * shared and workers are allowed, the copy is a fresh shared buffer that the
 * workers and the calling thread fill range by range: its page faults, most
 * of the cost of a scan over a large array on this machine, are taken in
 * parallel even when the scan itself runs on one thread. Shared when `shared`.
 */
function freshCopy(x: Storage, shared: boolean): Storage {
  const workers = freshWhenShared(x.byteLength) && isShared(x) && mayHandOutShared(x.byteLength) ? configuredWorkers(true) : 0;
  // overwritten in full just below: no zero fill (a shared copy may be a pooled buffer, a donated one)
  const c = allocateUninitialized(dtypeOf(x), x.length, shared || workers > 0);
  if (isShared(c)) handOutShared(c);
  if (workers === 0) {
    c.set(x);
    return c;
  }
  // no work estimate: only arrays above 32 MiB come here, whose page faults alone take tens of ms
  copyOnPool(c, x, workers, "a stencil");
  execLog(4, () => `sharded a fresh copy of ${x.length} elements on ${workers} worker(s) + caller`);
  return c;
}

/**
 * Shared arrays of at least this many elements are copied by the pool's
 * threads together (copyOnPool) into a sharded loop's carry buffer or a
 * sharded WebAssembly kernel's Memory: 2 MiB of float64, ~0.4–1 ms on one
 * thread, against a ~50 µs dispatch.
 */
export const POOL_COPY_ELEMENTS = 1 << 18;

/**
 * dst.set(src), range by range on the calling thread and `workers` workers
 * (both shared): a large copy's memory traffic and page faults are taken in
 * parallel. `what` names the run in a failure.
 *
 * @example
 * copyOnPool(carryBuffer, initialGrid, 1, "a loop");
 */
export function copyOnPool(dst: Storage, src: Storage, workers: number, what: string): void {
  try {
    copyFn ??= compileKernel(COPY_HASH, COPY_BODY);
    getPool(workers).runSync({ hash: COPY_HASH, body: COPY_BODY, fn: copyFn, factory: false, callerF: undefined, onWorkerRange: undefined, f: [src, dst], t: NO_TABLES, n: src.length, steps: 1, work: undefined, grain: RANGES_PER_THREAD });
  } catch (e) {
    whileRunning(e, what);
  }
}

/** Kernel body of `freshCopy`: f[1][lo, hi) = f[0][lo, hi). */
const COPY_BODY = "f[1].set(f[0].subarray(lo, hi), lo);";
const COPY_HASH = "kernex-copy";
/** COPY_BODY compiled for the calling thread, once. */
let copyFn: KernelFn | null = null;
/** The tables of a job that has none. */
const NO_TABLES: readonly Int32Array[] = [];

/**
 * Results larger than this are fresh shared buffers that every thread writes
 * its own part of, with no scratch and no copy (while the shared memory
 * handed out allows, runtime/shared-budget.ts; through scratch beyond it).
 * glibc hands out blocks above 32 MiB (its largest mmap threshold) as fresh
 * pages, so a result this big pays a page fault per 4 KiB page however it
 * is allocated; written by several threads, those faults are taken in
 * parallel (measured on the 2-core VM: filling a fresh 128 MiB buffer takes
 * ~600 ms on one thread, ~330 ms on two).
 * Smaller results come from recycled memory and are cheap to allocate, while a
 * fresh SharedArrayBuffer is never recycled (~24 ms per 8 MiB): those runs
 * write into reused scratch instead (runtime/scratch.ts).
 */
export const FRESH_SHARED_BYTES = 32 << 20;

/**
 * A synchronous map or gather whose calling thread writes straight into the
 * result, and the parallel copy of `freshCopy`, are cut into ranges taken by
 * whoever is free (the pool's `grain`, see runtime/partition-work.ts
 * guidedRanges): the caller's ranges need no copy, a late or slow worker
 * holds nothing up, and the calling thread, which also allocates the result
 * and copies the workers' ranges out, ends up with fewer rows. The last
 * ranges are 1/(2·8) of a thread's share. With equal ranges of 1/8 (W3,
 * laplacian 1024², measured 1.24–1.65× over three runs at 8 against
 * 1.22–1.58× at 4), the thread that took the last range of a (3,1024,1024)
 * conv2d gradient finished ~1 ms after the other, of ~10 ms; with guided
 * ranges both finish within ~0.3 ms.
 */
export const RANGES_PER_THREAD = 8;

/**
 * The buffers of a sharded run, and what to do once it ends.
 *
 * @example
 * const prepared = prepare(prim, inputs, params, outAvals, true, schedule, false, compiled.uncovered);
 * const outs = prepared.finish(true); // after the pool ran the job on prepared.f
 */
export interface Prepared {
  /** Buffers handed to the kernel: windowed, extra, outputs. */
  readonly f: Storage[];
  /**
   * What the calling thread runs with instead of `f` (outputs written in
   * place), or undefined.
   */
  readonly callerF: Storage[] | undefined;
  /** With callerF: copy the rows [lo, hi) of the split dim a worker ran from scratch into the results. */
  readonly onWorkerRange: ((lo: number, hi: number) => void) | undefined;
  /**
   * After the run (`ok`: it completed): the results, copied out of scratch
   * unless callerF was given; scratch is released.
   */
  readonly finish: (ok: boolean) => Storage[];
}

/**
 * Buffers for one run. Single-threaded: inputs as they are, outputs fresh.
 * Sharded: inputs that are not shared are copied to scratch; outputs above
 * FRESH_SHARED_BYTES are fresh shared buffers written in place; smaller ones
 * are written to scratch (runtime/scratch.ts) and copied out afterwards,
 * except that in a synchronous map or gather the calling thread writes its
 * share straight into the result (`callerF`), and copies each worker's
 * share as soon as it is done.
 */
export function prepare(
  prim: Prim.Stencil | Prim.StencilGather,
  inputs: readonly Tensor[],
  params: StencilParams,
  outAvals: readonly Aval[],
  shared: boolean,
  schedule: Schedule,
  direct: boolean,
  uncovered: Uncovered,
): Prepared {
  const { spec } = params;
  const { adds } = schedule;
  const gather = prim === Prim.StencilGather;
  const scratch: Storage[] = [];
  const take = (dtype: FloatDType, n: number, zeroed = false): Storage => {
    const s = zeroed ? acquireZeroedScratch(dtype, n) : acquireScratch(dtype, n);
    scratch.push(s);
    return s;
  };
  // a fresh shared buffer, handed out or dropped after the call, while the shared memory handed out allows (runtime/shared-budget.ts)
  const large = (bytes: number): boolean => freshWhenShared(bytes) && mayHandOutShared(bytes);
  const scratchCopy = (x: Storage): Storage => {
    const s = take(dtypeOf(x), x.length);
    s.set(x);
    return s;
  };
  const readable = (x: Storage): Storage => (!shared || isShared(x) ? x : scratchCopy(x));
  const copyOf = (x: Storage): Storage => (!shared || large(x.byteLength) ? freshCopy(x, shared) : scratchCopy(x));
  const extras = inputs.slice(params.nWindowed).map((e) => readable(e.data));
  const windowed = inputs.slice(0, params.nWindowed).map((x) => (spec.kind === "scan" && !gather ? copyOf(x.data) : readable(x.data)));
  if (!gather && scanWritesInPlace(params)) {
    // a scratch copy is copied out in full after the run: no zero fill
    const outs = windowed.map((w) => (scratch.includes(w) ? allocateUninitialized(dtypeOf(w), w.length) : w));
    const finish = (): Storage[] => {
      outs.forEach((o, j) => o !== windowed[j] && o.set(windowed[j]!));
      scratch.forEach((s) => releaseScratch(s));
      return outs;
    };
    return { f: [...windowed, ...extras], callerF: undefined, onWorkerRange: undefined, finish };
  }
  // per output: a fresh shared result written in place, reused scratch (copied out), or a plain fresh result
  const sized = outAvals.map((a) => ({ dtype: a.dtype, n: a.shape.reduce((m, d) => m * d, 1) }));
  const viaScratch = sized.map(({ dtype, n }) => shared && !writtenInPlace(bytesOf(dtype, n)));
  // the kernels write every output cell (a pull gather; a map or scan with a kernel over the whole grid):
  // results need no zero fill, and scratch keeps its old values
  // (a reduce over the grid zeroes its own partial rows: Schedule.partialRows)
  const writesAll = writesEveryCell(prim, params, schedule);
  // an in-place result (smap, sscan) is overwritten with its input just below: zeroing it first is wasted
  // (a donated 1024² buffer back from the pool was zero-filled every step of a u = f(u) loop)
  const copiesInput = spec.placement === "inplace" && !gather;
  const fresh = (dtype: FloatDType, n: number): Storage => (writesAll || copiesInput ? allocateUninitialized(dtype, n) : allocate(dtype, n, false));
  // a shared result written in place: a pooled buffer (a donated one) needs no zero fill when every cell is written
  const sharedOut = (dtype: FloatDType, n: number): Storage => handOutShared(writesAll || copiesInput ? allocateUninitialized(dtype, n, true) : allocate(dtype, n, true));
  // a push-form gather adds onto its outputs: its scratch starts zero, and is given back zero (see finish)
  const written = sized.map(({ dtype, n }, j) => (viaScratch[j] ? take(dtype, n, adds) : shared ? sharedOut(dtype, n) : fresh(dtype, n)));
  // results are allocated now, before any job is sent: allocated after the job was posted (to overlap a
  // zero fill with the worker's start), W3's 8 MiB result got fresh pages from the allocator on most
  // calls, ~1,500-1,900 page faults and ~31-36 ms per call, against ~2 ms and a handful of faults now
  const outs = written.map((w, j) => (viaScratch[j] ? fresh(sized[j]!.dtype, sized[j]!.n) : w));
  if (spec.placement === "inplace" && !gather) written.forEach((o, j) => copyUncovered(o, inputs[j]!.data, uncovered));
  // reused scratch holds old values: cells no kernel writes must read 0, and sums start from 0
  // (a push gather's scratch is zero already, above)
  else if (!gather && !writesAll) written.forEach((o, j) => viaScratch[j] && o.fill(0));
  const useCaller = direct && viaScratch.some((v) => v);
  const layouts = useCaller ? written.map((w) => splitLayout(prim, params, schedule, w.length)) : [];
  const onWorkerRange = (lo: number, hi: number): void => {
    outs.forEach((o, j) => {
      if (!viaScratch[j]) return;
      const w = written[j]!;
      const { outer, span, rowLen } = layouts[j]!;
      for (let i = 0; i < outer; i++) {
        const [a, z] = [i * span + lo * rowLen, i * span + hi * rowLen];
        o.set(w.subarray(a, z), a);
        if (adds) w.fill(0, a, z);
      }
    });
  };
  const finish = (ok: boolean): Storage[] => {
    written.forEach((w, j) => {
      if (!viaScratch[j]) return;
      if (!useCaller) outs[j]!.set(w);
      // the caller's rows were never written, the workers' were zeroed once copied
      if (adds && ok && !useCaller) w.fill(0);
    });
    const zeroed = adds && ok;
    scratch.forEach((s) => releaseScratch(s, zeroed && written.includes(s)));
    return outs;
  };
  return {
    f: [...windowed, ...extras, ...written],
    callerF: useCaller ? [...windowed, ...extras, ...outs] : undefined,
    onWorkerRange: useCaller ? onWorkerRange : undefined,
    finish,
  };
}

/**
 * Do the kernels write every output cell (a pull gather; a map or scan
 * with a kernel over the whole grid)? Then results need no zero fill.
 */
function writesEveryCell(prim: Prim.Stencil | Prim.StencilGather, params: StencilParams, schedule: Schedule): boolean {
  if (prim === Prim.StencilGather) return !schedule.adds;
  return params.reduceGrid || (params.spec.placement === "grid" && params.branches.some((br) => br.region === null));
}

/**
 * The buffers of a run on the calling thread alone (`prepare` without
 * workers, with nothing to release afterwards): inputs as they are, except
 * a scan's windowed inputs, copied (a scan that writes in place returns
 * those copies); other outputs fresh, holding the inputs where an in-place
 * map's kernel does not write (`uncovered`), zero where no kernel writes.
 *
 * @example
 * const { f, outs } = prepareLocal(Prim.Stencil, [x], params, outAvals, schedule, compiled.uncovered);
 */
export function prepareLocal(
  prim: Prim.Stencil | Prim.StencilGather,
  inputs: readonly Tensor[],
  params: StencilParams,
  outAvals: readonly Aval[],
  schedule: Schedule,
  uncovered: Uncovered,
): { f: Storage[]; outs: Storage[] } {
  const gather = prim === Prim.StencilGather;
  const scan = params.spec.kind === "scan" && !gather;
  const f: Storage[] = [];
  for (let i = 0; i < inputs.length; i++) f.push(scan && i < params.nWindowed ? freshCopy(inputs[i]!.data, false) : inputs[i]!.data);
  if (!gather && scanWritesInPlace(params)) return { f, outs: f.slice(0, params.nWindowed) };
  const writesAll = writesEveryCell(prim, params, schedule);
  const outs: Storage[] = [];
  for (let j = 0; j < outAvals.length; j++) {
    const { dtype, shape } = outAvals[j]!;
    let n = 1;
    for (const d of shape) n *= d;
    const copiesInput = params.spec.placement === "inplace" && !gather;
    // an in-place result is overwritten with its input at once: no zero fill
    const out = writesAll || copiesInput ? allocateUninitialized(dtype, n) : allocate(dtype, n, false);
    if (copiesInput) copyUncovered(out, inputs[j]!.data, uncovered);
    outs.push(out);
    f.push(out);
  }
  return { f, outs };
}

/**
 * Where index i of the split dim lies in an output of `length` elements:
 * elements [o·span + i·rowLen, o·span + (i + 1)·rowLen) for o < outer. A
 * map's dims before the split dim have size 1 (outer is 1); a gather's
 * output has the input's shape.
 */
export function splitLayout(prim: Prim.Stencil | Prim.StencilGather, params: StencilParams, s: Schedule, length: number): { outer: number; span: number; rowLen: number } {
  const { spec } = params;
  if (prim === Prim.StencilGather) {
    const rowLen = spec.inShape.slice(s.splitDim + 1).reduce((n, g) => n * g, 1);
    return { outer: spec.inShape.slice(0, s.splitDim).reduce((n, g) => n * g, 1), span: spec.inShape[s.splitDim]! * rowLen, rowLen };
  }
  const cells = spec.gridShape.reduce((n, g) => n * g, 1);
  const rowLen = (length / cells) * spec.gridShape.slice(s.splitDim + 1).reduce((n, g) => n * g, 1);
  return { outer: 1, span: length, rowLen };
}

/**
 * Can the calling thread of a sharded map or gather write its share
 * straight into the result (one step, each range's values written once, at
 * their place; see splitLayout)?
 */
export function writesDirect(prim: Prim.Stencil | Prim.StencilGather, params: StencilParams, s: Schedule): boolean {
  const { spec } = params;
  if (!s.parallel || s.steps !== 1) return false;
  if (prim === Prim.StencilGather) return s.rows;
  const simple = spec.kind === "map" && spec.placement === "grid" && !params.reduceGrid;
  return simple && spec.gridShape.slice(0, s.splitDim).every((g) => g === 1);
}
