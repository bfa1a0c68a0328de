/**
 * @file The loop primitive's types and reference semantics: which inputs
 * are carries, sequences and invariants (LoopParams in primitives.ts), the
 * output avals, and a step-by-step evaluation over any program evaluator
 * (the interpreter passes its own evalProgram; runtime/executor/run-loop.ts
 * runs the compiled form).
 */
import { sameAval, sizeOf, type Aval, type Program } from "./ir";
import type { LoopParams } from "./primitives";
import type { Storage, Tensor } from "./tensor";

/** Number of inputs of a loop equation. */
export function loopArity(p: LoopParams): number {
  return p.body.inputs.length;
}

/** The position (index into xs and ys) of step t. */
export function loopPosition(p: LoopParams, t: number): number {
  return p.reverse ? p.steps - 1 - t : t;
}

/**
 * Output avals of a loop equation: the carries, then each y stacked over
 * the steps. Throws (an internal error: the API layer checks user input) when
 * the inputs do not match the body.
 *
 * @example
 * loopOutAvals([lowerAval, uAval], params); // [uAval]
 */
export function loopOutAvals(inputs: readonly Aval[], p: LoopParams): Aval[] {
  const body = p.body;
  const bad = (msg: string): never => {
    throw new Error(`fori_loop: ${msg} (inputs ${inputs.map((a) => `${a.dtype}[${a.shape.join(",")}]`).join(" ")})`);
  };
  if (inputs.length !== body.inputs.length) bad(`expected ${body.inputs.length} inputs`);
  if (inputs[0]!.shape.length !== 0) bad("the lower bound must be 0-d");
  const nc = p.nCarry;
  for (let j = 1; j < inputs.length; j++) {
    const want = body.inputs[j]!.aval;
    const got = inputs[j]!;
    const isX = j > nc && j <= nc + p.nXs;
    const aval = isX ? { shape: got.shape.slice(1), dtype: got.dtype } : got;
    if (isX && got.shape[0] !== p.steps) bad(`sequence input ${j} must have ${p.steps} rows`);
    if (!sameAval(aval, want)) bad(`input ${j} does not match the body's input`);
  }
  const outs = body.outAvals;
  outs.slice(0, nc).forEach((o, j) => {
    if (!sameAval(o, body.inputs[1 + j]!.aval)) bad(`the body's carry ${j} changes type`);
  });
  return outs.map((o, j) => (j < nc ? o : { shape: [p.steps, ...o.shape], dtype: o.dtype }));
}

/** Row p of a stacked tensor, as a view. */
function row(t: Tensor, p: number): Tensor {
  const shape = t.shape.slice(1);
  const n = sizeOf(shape);
  return { shape, dtype: t.dtype, data: t.data.subarray(p * n, (p + 1) * n) as Storage };
}

/**
 * Run a loop step by step with `evalBody` (the reference semantics).
 *
 * @example
 * evalLoop(inputs, params, outAvals, evalProgram);
 */
export function evalLoop(inputs: readonly Tensor[], p: LoopParams, outAvals: readonly Aval[], evalBody: (body: Program, args: readonly Tensor[]) => Tensor[], alloc: (aval: Aval) => Tensor): Tensor[] {
  const nc = p.nCarry;
  const lower = inputs[0]!.data[0]!;
  let carries = inputs.slice(1, 1 + nc);
  const xs = inputs.slice(1 + nc, 1 + nc + p.nXs);
  const invariants = inputs.slice(1 + nc + p.nXs);
  const ys = outAvals.slice(nc).map((a) => alloc(a));
  const index = alloc({ shape: [], dtype: inputs[0]!.dtype });
  for (let t = 0; t < p.steps; t++) {
    const pos = loopPosition(p, t);
    const i: Tensor = { ...index, data: index.data.slice() as Storage };
    i.data[0] = lower + pos;
    const outs = evalBody(p.body, [i, ...carries, ...xs.map((x) => row(x, pos)), ...invariants]);
    carries = outs.slice(0, nc);
    outs.slice(nc).forEach((y, j) => row(ys[j]!, pos).data.set(y.data));
  }
  return [...carries, ...ys];
}
