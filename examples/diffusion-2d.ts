/**
 * @file 2-D diffusion u_t = α(u_xx + u_yy) on the unit square with u = 0 on
 * the boundary, by explicit Euler steps. One step is an smap: windows are
 * 3×3 around every interior cell (`offset: 1`), and the boundary cells,
 * outside every window centre, keep their value. The initial state is a sum
 * of two sine modes, so the closed form is known:
 * u = e^{-2π²αt} sin πx sin πy + ½ e^{-13π²αt} sin 3πx sin 2πy.
 * Writes out/diffusion-2d.svg: heat maps of the initial and the final state.
 */
import * as kex from "kernex";
import { heatMap, sideBySide, writePlot } from "./plot";

const [n, alpha, tEnd] = [41, 1, 0.01];
const h = 1 / (n - 1);
const dt = (0.2 * h * h) / alpha; // stable: explicit Euler in 2-D needs α·dt/h² ≤ 1/4
const steps = Math.round(tEnd / dt);
const r = (alpha * (tEnd / steps)) / (h * h);

const step = kex.smap({ kernelSize: [3, 3], offset: 1, relative: true, scope: { r } }, (u) =>
  u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));

const mode = (m: number, k: number, decay: number) => (x: number, y: number) =>
  decay * Math.sin(m * Math.PI * x) * Math.sin(k * Math.PI * y);
const exactAt = (t: number) => {
  const a = mode(1, 1, Math.exp(-2 * Math.PI ** 2 * alpha * t));
  const b = mode(3, 2, 0.5 * Math.exp(-13 * Math.PI ** 2 * alpha * t));
  const values = new Float64Array(n * n);
  // row i is y = i·h, column j is x = j·h
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = a(j * h, i * h) + b(j * h, i * h);
  return kex.array(values, { shape: [n, n] });
};

const u0 = exactAt(0);
let u = u0;
for (let s = 0; s < steps; s++) u = step(u);

const exact = exactAt(tEnd);
const maxError = kex.max(kex.abs(kex.sub(u, exact))).item();
console.log(`diffusion 2-D: ${steps} steps on a ${n}×${n} grid, max |u| from ${kex.max(u0).item().toFixed(4)} to ${kex.max(u).item().toFixed(4)}, max error vs the closed form ${maxError.toExponential(2)}`);

// one colour scale for both panels, so they compare
const valueRange = [kex.min(u0).item(), kex.max(u0).item()] as const;
const options = { xLabel: "x", yLabel: "y", xRange: [0, 1], yRange: [0, 1], colorLabel: "u", yUp: true, valueRange, width: 300, height: 300 } as const;
const panels = [
  heatMap(u0.data, [n, n], { ...options, title: "u at t = 0" }),
  heatMap(u.data, [n, n], { ...options, title: `u at t = ${tEnd} (${steps} smap steps)` }),
];
console.log(`wrote ${await writePlot("diffusion-2d.svg", sideBySide(panels))}`);
