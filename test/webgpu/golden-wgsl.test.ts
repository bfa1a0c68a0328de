/**
 * @file Generated WGSL for representative kernels, pinned as golden files
 * in test/golden/*.wgsl (update deliberately with `vitest -u` and read the
 * diff): a map with constant borders, a strided max pool with reflected
 * borders (through the read tables), a parallel 2-d scan (steps), and a
 * grid reduction (partial rows). No GPU needed: this is the printer alone.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { stage } from "../../src/core/trace";
import { optimizeProgram } from "../../compiler/passes/program-pipeline";
import { Prim } from "../../compiler/primitives";
import { runPipeline } from "../../compiler/passes/pipeline";
import { lowerNestForGpu } from "../../compiler/loop/lower-gpu";
import { emitWgsl } from "../../compiler/codegen/emit-wgsl";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

/** The WGSL of every stencil of f's optimized program, for float32 arguments of these shapes. */
function wgslOf(f: (...xs: kex.NDArray[]) => kex.NDArray, ...shapes: number[][]): string {
  const { program } = stage(
    shapes.map((shape) => ({ shape, dtype: "float32" as const })),
    (...xs) => [f(...(xs as kex.NDArray[]))],
  );
  const out: string[] = [];
  for (const eqn of optimizeProgram(program).eqns) {
    if (eqn.prim !== Prim.Stencil && eqn.prim !== Prim.StencilGather) continue;
    const p = eqn.params;
    const k = emitWgsl(lowerNestForGpu(runPipeline(p, eqn.inputs.slice(p.nWindowed).map((a) => a.aval.shape), {}, eqn.prim === Prim.StencilGather)));
    out.push(`// dispatch: ${k.invocations} invocation(s) in ${k.workgroups.join(" × ")} workgroup(s), ${k.schedule.steps} step(s); tables [${Array.from(k.tables).join(", ")}]\n${k.code}`);
  }
  return out.join("\n");
}

const corpus: [string, () => string][] = [
  ["2d-5point-same", () => wgslOf(kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]) as never, [6, 6])],
  ["2d-3x3-stride2-max-reflect", () => wgslOf(kex.kmap({ kernelSize: [3, 3], strides: 2, padding: "same", padMode: "reflect" }, (x: Win) => kex.max(x)) as never, [7, 7])],
  ["2d-kscan-rows", () => wgslOf(kex.kscan({ kernelSize: [3, 3], padding: "same" }, (x: Win) => 0.25 * x[0][0] + 0.5 * x[0][1] + 0.25 * x[0][2] + 0.1 * x[1][1]) as never, [5, 6])],
  [
    "2d-conv-sum-reduce",
    () => {
      const conv = kex.kmap({ kernelSize: [3, 3] }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)));
      return wgslOf((x, w) => kex.sum(conv(x, w) as kex.NDArray), [6, 6], [3, 3]);
    },
  ],
];

describe("golden WGSL", () => {
  for (const [name, make] of corpus) {
    it(name, async () => {
      await expect(make()).toMatchFileSnapshot(`../golden/${name}.wgsl`);
    });
  }
});
