/**
 * @file The program pipeline that jit runs on a traced program before
 * executing it: named passes in order, each optionally followed by the
 * verifier, with the listing after each pass at debug level 2.
 */
import type { Program } from "../ir";
import { checkProgram } from "../ir-check";
import { printProgram } from "../ir-print";
import { foldBroadcastInputs, fuseElementwise, fuseIntoStencils, fuseIntoSweeps, fuseReductions } from "./fuse";
import { simplifyProgram } from "./simplify";

/** A named pass over program IR. */
export interface ProgramPass {
  readonly name: string;
  readonly run: (program: Program) => Program;
}

export const programPasses: readonly ProgramPass[] = [
  { name: "fuse-elementwise", run: fuseElementwise },
  { name: "fuse-reductions", run: fuseReductions },
  { name: "fold-broadcast-inputs", run: foldBroadcastInputs },
  { name: "fuse-into-stencils", run: fuseIntoStencils },
  { name: "fuse-into-sweeps", run: fuseIntoSweeps },
  { name: "simplify", run: simplifyProgram },
];

/** Optimize a program through every pass. */
export function optimizeProgram(program: Program, options: { log?: (line: string) => void; check?: boolean } = {}): Program {
  let p = program;
  for (const pass of programPasses) {
    const next = pass.run(p);
    options.log?.(next === p ? `after ${pass.name}: (unchanged)` : `after ${pass.name}:\n${printProgram(next)}`);
    if (options.check) checkProgram(next);
    p = next;
  }
  return p;
}
