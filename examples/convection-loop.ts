/**
 * @file Linear convection u_t + c·u_x = 0 as a time loop: the upwind step
 * u[i] ← u[i] − c·dt/dx·(u[i] − u[i−1]) is an smap over the interior, and
 * `kex.foriLoop` runs all the steps as one compiled program over two
 * buffers (the kscan over the whole [t, x] grid in linear-convection.ts
 * computes the same rows, keeping every one). Prints the distance the
 * square wave moved and the difference from a plain JavaScript loop.
 */
import * as kex from "kernex";

const [tmax, xmax, nt, nx, c] = [0.5, 2.0, 151, 51, 0.5];
const dt = tmax / (nt - 1);
const dx = xmax / (nx - 1);
const k = (c * dt) / dx;

const x = kex.linspace(0, xmax, nx);
// the seed README's square wave: height 2 on cells [nx/4 + 1, nx/2), 1 elsewhere
const [quarter, half] = [Math.trunc((nx - 1) / 4) + 1, Math.trunc((nx - 1) / 2)];
const u0 = kex.array(Float64Array.from({ length: nx }, (_, i) => (i >= quarter && i < half ? 2 : 1)));
const upwind = kex.smap({ kernelSize: 3, offset: 1, relative: true, scope: { k } }, (u) => u[0] - k * (u[0] - u[-1]));
const u = kex.foriLoop(1, nt, (_n, v: kex.NDArray) => upwind(v), u0);

const plain = Float64Array.from(u0.data);
for (let n = 1; n < nt; n++) for (let i = nx - 2; i >= 1; i--) plain[i] = plain[i]! - k * (plain[i]! - plain[i - 1]!);
const centre = (row: ArrayLike<number>): number => {
  let m = 0;
  let s = 0;
  for (let i = 0; i < nx; i++) {
    m += (row[i]! - 1) * x.data[i]!;
    s += row[i]! - 1;
  }
  return m / s;
};
console.log(`convection loop: ${nt - 1} steps, the wave moved ${(centre(u.data) - centre(u0.data)).toFixed(4)} (c·tmax = ${(c * tmax).toFixed(4)})`);
console.log(`convection loop: max difference from a plain JavaScript loop ${kex.max(kex.abs(kex.sub(u, kex.array(plain)))).item().toExponential(2)}`);
