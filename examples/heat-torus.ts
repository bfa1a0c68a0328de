/**
 * @file The 2-D heat equation u_t = α(u_xx + u_yy) on a torus (the unit
 * square with periodic boundaries), by explicit Euler steps
 * u ← u + α·Δt/h²·(five-point Laplacian of u). One step is a kmap with
 * `padMode: "wrap"`: windows at the edges read the cells of the opposite
 * edge, so the grid has no boundary at all. The initial state is a hot spot
 * centred on the corner cell (0, 0), which on a torus is split across all
 * four corners of the array.
 *
 * On a torus heat can only move around, never leave: the discrete Laplacian
 * with periodic neighbours sums to zero, so the total heat Σu is conserved
 * up to rounding, while the maximum decreases as the spot spreads out. Run
 * with `node scripts/run-ts.mjs examples/heat-torus.ts`.
 */
import * as kex from "kernex";

const [n, alpha, steps] = [64, 1, 600];
const h = 1 / n; // n cells per side; cell n would be cell 0 again
const dt = (0.2 * h * h) / alpha; // stable: explicit Euler in 2-D needs α·Δt/h² ≤ 1/4
const r = (alpha * dt) / (h * h);

const step = kex.kmap(
  { kernelSize: [3, 3], padding: "same", padMode: "wrap", relative: true, scope: { r } },
  (u) => u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]),
);

// a Gaussian of width 0.05 around the corner, measured along the torus (the shorter way round)
const values = new Float64Array(n * n);
const torusDistance = (i: number) => Math.min(i, n - i) * h;
for (let i = 0; i < n; i++) {
  for (let j = 0; j < n; j++) values[i * n + j] = Math.exp(-(torusDistance(i) ** 2 + torusDistance(j) ** 2) / (2 * 0.05 ** 2));
}
let u = kex.array(values, { shape: [n, n] });

const heat0 = kex.sum(u).item();
let previousMax = kex.max(u).item();
let maxDrift = 0;
let maxAlwaysDecreased = true;
console.log(`heat equation on a ${n}×${n} torus, α·Δt/h² = ${r}, ${steps} steps`);
console.log("  step   total heat          relative drift   max u");
console.log(`  ${"0".padStart(4)}   ${heat0.toFixed(12)}   ${(0).toExponential(2).padStart(9)}        ${previousMax.toFixed(6)}`);
for (let s = 1; s <= steps; s++) {
  u = step(u);
  const heat = kex.sum(u).item();
  const max = kex.max(u).item();
  maxDrift = Math.max(maxDrift, Math.abs(heat - heat0) / heat0);
  if (!(max < previousMax)) maxAlwaysDecreased = false;
  previousMax = max;
  if (s % 100 === 0) {
    console.log(`  ${String(s).padStart(4)}   ${heat.toFixed(12)}   ${((heat - heat0) / heat0).toExponential(2).padStart(9)}        ${max.toFixed(6)}`);
  }
}

// the spot stays centred on the corner: its two halves across each seam mirror each other
const at = (i: number, j: number) => u.get(i, j);
const seamMismatch = Math.max(Math.abs(at(0, 1) - at(0, n - 1)), Math.abs(at(1, 0) - at(n - 1, 0)), Math.abs(at(2, 3) - at(n - 2, n - 3)));

console.log(`total heat conserved: largest relative drift ${maxDrift.toExponential(2)} (${maxDrift < 1e-12 ? "within" : "NOT within"} 1e-12)`);
console.log(`max u decreased at every step: ${maxAlwaysDecreased ? "yes" : "NO"}`);
console.log(`heat crossed the periodic seams symmetrically: largest mismatch ${seamMismatch.toExponential(2)}`);
if (maxDrift >= 1e-12 || !maxAlwaysDecreased || seamMismatch > 1e-12) process.exitCode = 1;
