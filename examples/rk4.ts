/**
 * @file Runge-Kutta (RK4) for y' = -y + sin t, y(0) = 1, as one kscan.
 *
 * The state is a [2, N] array: row 0 holds y (only y₀ is known at first),
 * row 1 holds the times t_n = n·dt. The window is 2×3 with `relative`
 * indices: its centre (the cell written) is y_n, and u[0][-1], u[1][-1] are
 * y_{n-1} and t_{n-1}. kscan visits n = 1, 2, ... in order and writes each
 * result before the next window is read, so every RK4 step is one window
 * write. Column 0 is in no mesh region, so y₀ is kept.
 * The closed form is y = (y₀ + ½)e^{-t} + (sin t - cos t)/2.
 * Writes out/rk4.svg.
 */
import * as kex from "kernex";
import { linePlot, writePlot } from "./plot";

const [t0, t1, n] = [0, 10, 101];
const dt = (t1 - t0) / (n - 1);
const y0 = 1;
const f = (t: number, y: number) => -y + Math.sin(t); // the right-hand side y' = f(t, y)

const rk4 = kex.kscan({ kernelSize: [2, 3], padding: ["valid", "same"], relative: true, scope: { dt, f } });
rk4.at["0, 1:"] = (u) => {
  const y = u[0][-1];
  const t = u[1][-1];
  const k1 = f(t, y);
  const k2 = f(t + dt / 2, y + (dt / 2) * k1);
  const k3 = f(t + dt / 2, y + (dt / 2) * k2);
  const k4 = f(t + dt, y + dt * k3);
  return y + (dt / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
};

const t = kex.linspace(t0, t1, n);
const state = kex.stack([kex.zeros([n]).with("0", y0), t]); // [y; t]
const y = rk4(state).slice("0"); // the output grid has one row: y

const exact = (s: number) => (y0 + 0.5) * Math.exp(-s) + (Math.sin(s) - Math.cos(s)) / 2;
const yExact = Array.from(t.data, exact);
const maxError = Math.max(...Array.from(y.data, (v, i) => Math.abs(v - yExact[i]!)));
console.log(`rk4: y(${t1}) = ${y.get(-1).toFixed(6)}, exact ${exact(t1).toFixed(6)}, max error over ${n - 1} steps of dt = ${dt}: ${maxError.toExponential(2)}`);

const tFine = kex.linspace(t0, t1, 400).data;
const plot = linePlot(
  [
    { x: tFine, y: Array.from(tFine, exact), label: "closed form", color: "#888", dashed: true },
    { x: t.data, y: y.data, label: "RK4 as a kscan", markers: true },
  ],
  { title: "y' = -y + sin t, y(0) = 1", xLabel: "t", yLabel: "y" },
);
console.log(`wrote ${await writePlot("rk4.svg", plot)}`);
