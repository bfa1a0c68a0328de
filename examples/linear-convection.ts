/**
 * @file Linear convection u_t + c u_x = 0 (the seed README's example 4):
 * one kscan over the whole [t, x] grid with a function mesh for the boundary
 * and initial conditions and named axes for the upwind update
 * u[n][i] = u[n-1][i] - c·dt/dx·(u[n-1][i] - u[n-1][i-1]).
 * Writes out/linear-convection.svg with every 20th time row.
 */
import * as kex from "kernex";
import { linePlot, writePlot } from "./plot";

const [tmax, xmax, nt, nx, c] = [0.5, 2.0, 151, 51, 0.5];
const dt = tmax / (nt - 1);
const dx = xmax / (nx - 1);

// windows are 3×3 around each cell, padded by one cell; axis 0 is time (n), axis 1 space (i)
const F = kex.kscan({
  kernelSize: [3, 3],
  padding: [[1, 1], [1, 1]],
  namedAxis: { 0: "n", 1: "i" },
  relative: true,
  scope: { c, dt, dx },
});
const bc = () => 1;
const ic1 = () => 1;
const ic2 = () => 2;
const quarter = Math.trunc((nx - 1) / 4) + 1;
const half = Math.trunc((nx - 1) / 2);
F.at[":, 0"] = F.at[":, -1"] = bc; // u = 1 at both ends, at every time
F.at[`:, :${quarter}`] = F.at[`:, ${half}:`] = ic1; // a square wave at t = 0 ...
F.at[`0:1, ${quarter}:${half}`] = ic2; // ... of height 2 on [0.5, 1]
F.at["1:, 1:-1"] = (u) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));

const solution = F(kex.ones([nt, nx])); // [nt, nx]: row n is u at t = n·dt
const x = kex.linspace(0, xmax, nx).data;
const rows = solution.toArray() as number[][];
const series = rows
  .map((row, n) => ({ n, row }))
  .filter(({ n }) => n % 20 === 0)
  .map(({ n, row }) => ({ x, y: row, label: `t = ${(n * dt).toFixed(3)}` }));

// the square wave moves right at speed c: its centre of mass (of u - 1) travels c·tmax = 0.25
const centre = (row: number[]): number => {
  const excess = row.map((u) => u - 1);
  return excess.reduce((s, e, i) => s + e * x[i]!, 0) / excess.reduce((s, e) => s + e, 0);
};
const moved = centre(rows[nt - 1]!) - centre(rows[0]!);
console.log(`linear convection: the wave moved ${moved.toFixed(4)} (c·tmax = ${(c * tmax).toFixed(4)})`);
console.log(`linear convection: max of u at t = ${tmax}: ${kex.max(solution.slice("-1")).item().toFixed(4)}`);
const path = await writePlot("linear-convection.svg", linePlot(series, { title: "Linear convection (kscan + function mesh)", xLabel: "x", yLabel: "u", width: 640, height: 360 }));
console.log(`wrote ${path}`);
