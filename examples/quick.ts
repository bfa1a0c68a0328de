/**
 * @file The quick example: a window sum with kmap and with kscan, and a
 * laplacian of squares.
 * Run with `npm run example`.
 */
import * as kex from "kernex";

const x = kex.array([1, 2, 3, 4, 5]);

// every window independently
const sumMap = kex.kmap({ kernelSize: 3 }, (w) => kex.sum(w));
// windows in order, each result written back before the next window is read
const sumScan = kex.kscan({ kernelSize: 3 }, (w) => kex.sum(w));

console.log("kmap :", sumMap(x).toArray()); // [6, 9, 12]
console.log("kscan:", sumScan(x).toArray()); // [6, 13, 22]

// a laplacian written with plain operators and relative indices, applied to
// the squares of 0..24 on a 5×5 grid: for k = 5i + j the neighbours give
// (k ± 5)² + (k ± 1)² - 4k² = 52 at every interior cell
const laplacian = kex.kmap({ kernelSize: [3, 3], relative: true }, (u) =>
  u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
const squares = kex.square(kex.arange(25).reshape([5, 5]));
console.log("laplacian of arange(25)² on a 5x5 grid:", laplacian(squares).toArray()); // all 52
