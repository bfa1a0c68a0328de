/**
 * @file The seed's linear convection as tests use it: one kscan with its
 * whole mesh (boundaries, initial condition, interior) over (nt, nx).
 */
import * as kex from "kernex";
import type { NDArray } from "kernex";
import { randomArray, type Window } from "./check";
import { mulberry32 } from "./naive";

/** The seed's linear convection over (nt, nx), its initial condition over [nx/4, nx/2). */
export function seedConvection(nt: number, nx: number): (u: NDArray) => NDArray {
  const [c, dt, dx] = [0.5, 0.5 / (nt - 1), 2 / (nx - 1)];
  const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true, namedAxis: { 0: "n", 1: "i" }, scope: { c, dt, dx } });
  const [a, b] = [Math.trunc(nx / 4), Math.trunc(nx / 2)];
  F.at[":, 0"] = F.at[":, -1"] = () => 1;
  F.at[`:, :${a}`] = F.at[`:, ${b}:`] = () => 1;
  F.at[`0:1, ${a}:${b}`] = () => 2;
  F.at["1:, 1:-1"] = (u: Window) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));
  return F as unknown as (u: NDArray) => NDArray;
}

/**
 * The jitted gradient of sum(F(u) · r) for the seed's convection F over
 * (nt, nx), with u near 1 and r random (seeds 11 and 12): its reverse
 * sweep splits by rows.
 */
export function seedConvectionGradient(nt: number, nx: number): { g: (u: NDArray) => NDArray; u: NDArray } {
  const F = seedConvection(nt, nx);
  const rand = mulberry32(11);
  const u = kex.array(Float64Array.from({ length: nt * nx }, () => 1 + 0.5 * rand()), { shape: [nt, nx] });
  const r = randomArray(mulberry32(12), [nt, nx]);
  const g = kex.jit(kex.grad((a: NDArray) => kex.sum(kex.mul(F(a), r)))) as (u: NDArray) => NDArray;
  return { g, u };
}
