/**
 * @file The state of one WebAssembly function while the wasm emitter
 * writes it: its body, its locals (a lowered name keeps one local per type:
 * names are defined once per scope and used after their definition, so
 * sibling scopes may share it), unnamed temporaries, and where each buffer
 * lives in the Memory (a byte offset and an element type).
 */
import { WasmBody, type WasmType } from "./wasm-encode";

/** An element type of a buffer in the Memory. */
export type WasmElement = "f64" | "f32" | "i32";

/** Where a buffer lives: its first byte, and its element type. */
export interface WasmPlace {
  readonly offset: number;
  readonly element: WasmElement;
}

/** Bytes per element. */
export const elementBytes: Readonly<Record<WasmElement, number>> = { f64: 8, f32: 4, i32: 4 };

/** A function being written: parameters are locals 0 … params.length - 1. */
export class WasmFnState {
  readonly body = new WasmBody();
  readonly locals: WasmType[] = [];
  /** Loops written two (or four) cells per iteration (wasm-simd.ts). */
  vectorLoops = 0;
  /** Values known to hold a float32: read from a float32 buffer, or rounded by fround (wasm-f32x4.ts). */
  readonly float32Values = new Set<string>();
  private readonly named = new Map<string, number>();

  constructor(
    readonly params: readonly WasmType[],
    paramNames: readonly string[],
    readonly places: ReadonlyMap<string, WasmPlace>,
  ) {
    paramNames.forEach((n, i) => this.named.set(`${n}:${params[i]!}`, i));
  }

  /** The local of `name` with type `type` (made on first use). */
  local(name: string, type: WasmType): number {
    const key = `${name}:${type}`;
    let i = this.named.get(key);
    if (i === undefined) this.named.set(key, (i = this.temp(type)));
    return i;
  }

  /** Is there a local of `name` with type `type`? */
  has(name: string, type: WasmType): boolean {
    return this.named.has(`${name}:${type}`);
  }

  /** A fresh unnamed local. */
  temp(type: WasmType): number {
    this.locals.push(type);
    return this.params.length + this.locals.length - 1;
  }

  /** The place of a buffer (or table). */
  place(buffer: string): WasmPlace {
    const p = this.places.get(buffer);
    if (p === undefined) throw new Error(`emit-wasm: buffer ${buffer} has no place in the Memory`);
    return p;
  }
}

/** Lowered code the wasm emitter does not translate (an operation WebAssembly lacks, a statement kind it does not handle): it stays on JavaScript. */
export class NotWasm extends Error {}
