/**
 * @file foriLoop (issue #23, "Programs, not calls"): the compiled loop
 * against plain JavaScript loops written out by hand, the reference path
 * (`codegen: false`), closed forms (the wave equation), and jit, vmap, jvp
 * and grad (finite differences) through the loop, including its
 * checkpointed reverse mode.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { Prim, type LoopParams } from "../../compiler/primitives";
import { loopKernel } from "../../runtime/executor/run-program";
import { checkJvp, checkVjp, checkVmap, randomArray, type Window } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";

type NDArray = kex.NDArray;

afterEach(() => kex.config({ codegen: true, workers: 0 }));

/** One explicit heat step on the interior (borders fixed), plain JavaScript. */
function heatStepPlain(u: Float64Array, n: number, r: number): Float64Array {
  const v = u.slice();
  for (let i = 1; i < n - 1; i++) {
    for (let j = 1; j < n - 1; j++) {
      const c = u[i * n + j]!;
      v[i * n + j] = c + r * (u[(i - 1) * n + j]! + u[(i + 1) * n + j]! + u[i * n + j - 1]! + u[i * n + j + 1]! - 4 * c);
    }
  }
  return v;
}

const r = 0.2;
const heat = kex.smap({ kernelSize: [3, 3], offset: 1, relative: true, scope: { r } }, (u: Window) =>
  u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));

function randomGrid(n: number, seed: number): NDArray {
  return randomArray(mulberry32(seed), [n, n]);
}

describe("foriLoop: values", () => {
  it("1,000 heat steps equal a plain two-buffer loop", () => {
    const n = 16;
    const u0 = randomGrid(n, 1);
    const u = kex.foriLoop(0, 1000, (_i, u: NDArray) => heat(u), u0);
    let want: Float64Array = Float64Array.from(u0.data);
    for (let s = 0; s < 1000; s++) want = heatStepPlain(want, n, r);
    expect(u.shape).toEqual([n, n]);
    expect(u).toBeAllclose(kex.array(want, { shape: [n, n] }), { rtol: 1e-12, atol: 1e-14 });
  });

  it("runs as one generated loop (not step by step) and never modifies its input", () => {
    const u0 = randomGrid(8, 2);
    const before = Float64Array.from(u0.data);
    kex.foriLoop(0, 3, (_i, u: NDArray) => heat(u), u0);
    expect(u0.data).toEqual(before);
    const ir = kex.makeIR((u: NDArray) => kex.foriLoop(0, 3, (_i, v: NDArray) => heat(v), u))(u0);
    const eqn = ir.program.eqns.find((e) => e.prim === Prim.ForiLoop)!;
    const compiled = loopKernel(eqn.params as LoopParams);
    expect(compiled.plan).not.toBeNull();
    // the heat equation's ping-pong: two phases, no copies (the border stays in both buffers)
    expect(compiled.plan!.code.period).toBe(2);
    expect(compiled.plan!.code.phases.flat().every((op) => op.kind === "call")).toBe(true);
  });

  it("matches the reference path (codegen: false) with the index, an invariant and a map after the stencil", () => {
    const u0 = randomGrid(10, 3);
    const a = randomGrid(10, 4);
    const body = (i: NDArray, u: NDArray) => kex.add(heat(u), kex.mul(kex.mul(a, 0.001), kex.sin(i)));
    const got = kex.foriLoop(3, 40, body, u0);
    kex.config({ codegen: false });
    const want = kex.foriLoop(3, 40, body, u0);
    expect(got).toBeAllclose(want, { rtol: 1e-12, atol: 1e-14 });
  });

  it("the wave equation (two carries) keeps a standing wave's closed form", () => {
    // u_tt = c² u_xx on [0, 1], u = 0 at both ends; u(x, t) = sin(πx) cos(πct), leapfrog steps
    const nx = 101;
    const dx = 1 / (nx - 1);
    const c = 1;
    const dt = 0.5 * dx;
    const s2 = ((c * dt) / dx) ** 2;
    const x = kex.linspace(0, 1, nx);
    const u0 = kex.sin(kex.mul(x, Math.PI));
    // first step from u_t = 0: u1 = u0 + s²/2 · δ²u0 (lap keeps the zero border)
    const lap = kex.smap({ kernelSize: 3, offset: 1, relative: true }, (u: Window) => u[-1] - 2 * u[0] + u[1]);
    const u1 = kex.add(u0, kex.mul(lap(u0), s2 / 2));
    const step = kex.smap({ kernelSize: 3, offset: 1, relative: true, scope: { s2 } }, (u: Window) => u[0] + s2 * (u[-1] - 2 * u[0] + u[1]));
    const steps = 400;
    const [uN] = kex.foriLoop(1, steps, (_i, [u, up]: NDArray[]) => [kex.sub(kex.add(step(u!), u!), up!), u!], [u1, u0]);
    // the leapfrog's own closed form: aₙ = cos(nθ) with cos θ = 1 - s²·2sin²(π dx/2), exactly
    const theta = Math.acos(1 - 2 * s2 * Math.sin((Math.PI * dx) / 2) ** 2);
    expect(uN).toBeAllclose(kex.mul(u0, Math.cos(steps * theta)), { rtol: 1e-9, atol: 1e-12 });
    // and close to the PDE's: sin(πx) cos(πct)
    const exact = kex.mul(u0, Math.cos(Math.PI * c * steps * dt));
    expect(kex.max(kex.abs(kex.sub(uN!, exact))).item()).toBeLessThan(5e-3);
    // and equal to the same leapfrog written as a plain loop
    let [a, b] = [Float64Array.from(u1.data), Float64Array.from(u0.data)];
    for (let s = 1; s < steps; s++) {
      const next = new Float64Array(nx);
      for (let i = 1; i < nx - 1; i++) next[i] = 2 * a[i]! - b[i]! + s2 * (a[i - 1]! - 2 * a[i]! + a[i + 1]!);
      [a, b] = [next, a];
    }
    expect(uN).toBeAllclose(kex.array(a), { rtol: 1e-10, atol: 1e-12 });
  });

  it("sharded over workers (one barrier per step), equals the one-thread loop bit for bit", () => {
    const u0 = randomGrid(96, 12);
    const one = kex.foriLoop(0, 31, (_i, u: NDArray) => heat(u), u0);
    kex.config({ workers: 2 });
    const sharded = kex.foriLoop(0, 31, (_i, u: NDArray) => heat(u), u0);
    expect(Array.from(sharded.data)).toEqual(Array.from(one.data));
    const ir = kex.makeIR((u: NDArray) => kex.foriLoop(0, 3, (_i, v: NDArray) => heat(v), u))(u0);
    expect(loopKernel(ir.program.eqns.find((e) => e.prim === Prim.ForiLoop)!.params as LoopParams).plan!.shard).not.toBeNull();
  });

  it("carries may be objects, and zero steps return init", () => {
    const init = { u: kex.array([1, 2, 3]), k: kex.array(0) };
    const out = kex.foriLoop(0, 4, (_i, s: { u: NDArray; k: NDArray }) => ({ u: kex.mul(s.u, 2), k: kex.add(s.k, 1) }), init);
    expect(out.u.toArray()).toEqual([16, 32, 48]);
    expect(out.k.item()).toBe(4);
    expect(kex.foriLoop(5, 5, (_i, u: NDArray) => kex.mul(u, 2), init.u)).toBe(init.u);
  });
});

describe("foriLoop: transforms", () => {
  it("jit: the loop inside a jitted function equals the eager loop", () => {
    const u0 = randomGrid(12, 5);
    const f = kex.jit((u: NDArray, a: NDArray) => kex.foriLoop(0, 25, (_i, v: NDArray) => kex.add(heat(v), kex.mul(a, 0.01)), u));
    const want = kex.foriLoop(0, 25, (_i, v: NDArray) => kex.add(heat(v), kex.mul(u0, 0.01)), u0);
    expect(f(u0, u0)).toBeAllclose(want, { rtol: 1e-12, atol: 1e-14 });
    expect(f(u0, u0)).toBeAllclose(want, { rtol: 1e-12, atol: 1e-14 });
  });

  it("vmap over a batch of grids equals a loop of unbatched calls", () => {
    const rand = mulberry32(6);
    const batch = randomArray(rand, [3, 8, 8]);
    checkVmap((u: NDArray) => kex.foriLoop(0, 7, (_i, v: NDArray) => heat(v), u), [batch], [0]);
  });

  it("jvp and vjp of a stencil loop match finite differences", () => {
    const u0 = randomGrid(6, 7);
    const f = (u: NDArray) => kex.foriLoop(0, 9, (_i, v: NDArray) => kex.tanh(heat(v)), u);
    checkJvp(f, [u0]);
    checkVjp(f, [u0]);
  });

  it("grad of sum(loop²) w.r.t. the initial grid equals finite differences (a tail after the segments)", () => {
    const n = 8;
    const u0 = randomGrid(n, 8);
    // 23 steps: segments of ⌈√23⌉ = 5, four of them and a tail of 3
    const loss = (u: NDArray) => kex.sum(kex.square(kex.foriLoop(0, 23, (_i, v: NDArray) => heat(v), u)));
    const g = kex.grad(loss)(u0);
    const eps = 1e-6;
    const rand = mulberry32(9);
    for (let k = 0; k < 5; k++) {
      const cell = Math.floor(rand() * n * n);
      const bump = (e: number) => kex.array(Float64Array.from(u0.data, (x, i) => (i === cell ? x + e : x)), { shape: [n, n] });
      const fd = (loss(bump(eps)).item() - loss(bump(-eps)).item()) / (2 * eps);
      expect(g.data[cell]).toBeCloseTo(fd, 6);
    }
  });

  it("grad through a jitted loop with the loop index and an invariant, w.r.t. both", () => {
    const u0 = randomGrid(5, 10);
    const a0 = randomGrid(5, 11);
    const f = (u: NDArray, a: NDArray) => kex.sum(kex.square(kex.foriLoop(1, 12, (i, v: NDArray) => kex.add(heat(v), kex.mul(a, kex.mul(i, 0.01))), u)));
    const [gu, ga] = kex.jit(kex.grad(f, [0, 1]))(u0, a0);
    checkVjp((u: NDArray, a: NDArray) => f(u, a), [u0, a0]);
    const eps = 1e-6;
    const fd = (f(u0, kex.add(a0, eps)).item() - f(u0, kex.sub(a0, eps)).item()) / (2 * eps);
    expect(kex.sum(ga!).item()).toBeCloseTo(fd, 5);
    expect(gu!.shape).toEqual([5, 5]);
  });
});

describe("foriLoop: errors", () => {
  it("names the bound, the body's carry and what was expected", () => {
    const u = kex.ones([3]);
    expect(() => kex.foriLoop(0.5, 3, (_i, v: NDArray) => v, u)).toThrow(/foriLoop: lower: got 0.5, expected an integer/);
    expect(() => kex.foriLoop(0, 3, (_i, v: NDArray) => kex.sum(v), u)).toThrow(/foriLoop: body returned float64\[\] for carry 0, expected float64\[3\]/);
    expect(() => kex.foriLoop(0, 3, ((_i: NDArray, v: NDArray) => [v, v]) as never, u)).toThrow(/body returned 2 arrays, expected 1/);
    expect(() => kex.foriLoop(0, 3, "x" as never, u)).toThrow(kex.KernexError);
  });
});
