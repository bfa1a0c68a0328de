/**
 * @file Cost guards of a stencil call, checked when its options are resolved
 * for an input shape, before anything is traced or allocated: a request whose
 * cost would be minutes or gigabytes is a KernexError that says what it
 * would cost and what is allowed, instead of a hang. Sizes alone do not
 * capture cost: `kernelSize: 2**31 - 1, padding: "same"` on a 3-cell input
 * passes every size check, yet each window would be a 16 GiB array.
 *
 * The model: a window of at most MAX_KERNEL_NODES cells is compiled into
 * straight-line code that touches only the cells the kernel reads. A larger
 * window cannot be unrolled; it is evaluated window by window, every cell of
 * every window gathered (compiler/interpret.ts), at roughly 10^7 cells per
 * second here. So larger windows are bounded in their total cells.
 */
import type { StencilSpec } from "../../compiler/primitives";
import { MAX_KERNEL_NODES } from "../../compiler/codegen/scalarize";
import { KernexError, show } from "../errors";

/**
 * Most cells one window may hold: 2^24 (a window is an array the kernel may
 * sum or return; 2^24 float64 cells are 128 MiB).
 */
export const MAX_WINDOW_CELLS = 2 ** 24;

/**
 * Most window cells in all (grid cells × window cells) of a call whose
 * windows are larger than MAX_KERNEL_NODES and so are gathered window by
 * window: 2^26, a few seconds at the interpreter's ~10^7 cells per second.
 */
export const MAX_GATHERED_CELLS = 2 ** 24;

/**
 * Throw a KernexError when the stencil `spec` (resolved from `kernelSize`)
 * would cost more than the bounds above.
 *
 * @example
 * checkStencilCost("kmap", 2 ** 31 - 1, spec); // KernexError: kmap: kernelSize 2147483647 gives windows of 2147483647 cells ...
 */
export function checkStencilCost(kind: string, kernelSize: unknown, spec: StencilSpec): void {
  const windowCells = spec.kernelSize.reduce((n, k) => n * k, 1);
  const gridCells = spec.gridShape.reduce((n, g) => n * g, 1);
  const what = `${kind}: kernelSize ${show(kernelSize)} gives windows of ${windowCells} cells`;
  if (windowCells > MAX_WINDOW_CELLS) {
    throw new KernexError(`${what}; expected at most ${MAX_WINDOW_CELLS} cells per window (each window is an array the kernel may read whole)`);
  }
  if (windowCells > MAX_KERNEL_NODES && gridCells * windowCells > MAX_GATHERED_CELLS) {
    throw new KernexError(
      `${what} on a grid of ${gridCells} windows (input shape [${spec.inShape.join(", ")}]): windows of more than ${MAX_KERNEL_NODES} cells ` +
        `are gathered cell by cell, ${gridCells * windowCells} cells in all; expected at most ${MAX_GATHERED_CELLS} ` +
        `(a smaller kernelSize, or dilation to spread a few cells over a wide extent)`,
    );
  }
}
