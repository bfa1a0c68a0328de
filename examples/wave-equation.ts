/**
 * @file The 1-D wave equation u_tt = c² u_xx on [0, 1] with u = 0 at both
 * ends, by leapfrog steps u⁺ = 2u − u⁻ + s²·δ²u (s = c·dt/dx): a loop with
 * two carries, the current and the previous state, run as one compiled
 * program by `kex.foriLoop`. A standing wave u = sin(πx)·cos(πct) has a
 * closed form for the scheme too: aₙ = cos(nθ), cos θ = 1 − 2s²·sin²(π dx/2).
 * Prints the errors against both and against a plain JavaScript loop.
 */
import * as kex from "kernex";

const [nx, c, steps] = [201, 1, 1000];
const dx = 1 / (nx - 1);
const dt = (0.5 * dx) / c;
const s2 = ((c * dt) / dx) ** 2;

// δ²u on the interior; the two end cells are no window's centre and keep their value (0)
const leap = kex.smap({ kernelSize: 3, offset: 1, relative: true, scope: { s2 } }, (u) => u[0] + s2 * (u[-1] - 2 * u[0] + u[1]));
const u0 = kex.sin(kex.mul(kex.linspace(0, 1, nx), Math.PI));
// the first step from rest (u_t = 0): u¹ = u⁰ + s²/2·δ²u⁰ = (leap(u⁰) + u⁰) / 2
const u1 = kex.add(kex.mul(leap(u0), 0.5), kex.mul(u0, 0.5));

// carries [u, u⁻]: u⁺ = (u + s²δ²u) + u − u⁻
const [uN] = kex.foriLoop(1, steps, (_i, [u, prev]: kex.NDArray[]) => [kex.sub(kex.add(leap(u!), u!), prev!), u!], [u1, u0]);

const theta = Math.acos(1 - 2 * s2 * Math.sin((Math.PI * dx) / 2) ** 2);
const scheme = kex.mul(u0, Math.cos(steps * theta));
const pde = kex.mul(u0, Math.cos(Math.PI * c * steps * dt));
let [a, b] = [Float64Array.from(u1.data), Float64Array.from(u0.data)];
for (let n = 1; n < steps; n++) {
  const next = new Float64Array(nx);
  for (let i = 1; i < nx - 1; i++) next[i] = 2 * a[i]! - b[i]! + s2 * (a[i - 1]! - 2 * a[i]! + a[i + 1]!);
  [a, b] = [next, a];
}
const maxAbs = (x: kex.NDArray): number => kex.max(kex.abs(x)).item();
console.log(`wave equation: ${steps} leapfrog steps on ${nx} cells, u(0.5) = ${uN!.get((nx - 1) / 2).toFixed(6)}`);
console.log(`wave equation: max error vs the scheme's closed form ${maxAbs(kex.sub(uN!, scheme)).toExponential(2)}`);
console.log(`wave equation: max error vs the PDE's closed form ${maxAbs(kex.sub(uN!, pde)).toExponential(2)}`);
console.log(`wave equation: max difference from a plain JavaScript loop ${maxAbs(kex.sub(uN!, kex.array(a))).toExponential(2)}`);
