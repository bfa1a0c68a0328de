/**
 * @file A stencil equation on concrete buffers, as the executor's runners
 * pass it on (run-beside.ts, run-wasm-sharded.ts).
 */
import type { Aval } from "../../compiler/ir";
import type { Tensor } from "../../compiler/tensor";
import type { Prim, StencilParams } from "../../compiler/primitives";

/** A stencil equation on concrete buffers. */
export interface StencilCall {
  readonly prim: Prim.Stencil | Prim.StencilGather;
  readonly inputs: readonly Tensor[];
  readonly params: StencilParams;
  readonly outAvals: readonly Aval[];
}
