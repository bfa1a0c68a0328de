/**
 * @file The program pipeline that jit runs on a traced program before
 * executing it (and the loop executor on a loop body): named passes in
 * order, run by passes/driver.ts, each followed by the verifier when
 * verification is on, with the listing after each pass at debug level 2.
 */
import type { Program } from "../ir";
import { checkProgram, IRCheckError } from "../ir-check";
import { printProgram } from "../ir-print";
import { runPasses, type NamedPass } from "./driver";
import { foldBroadcastInputs, fuseElementwise, fuseIntoStencils, fuseIntoSweeps, fuseReductions } from "./fuse";
import { simplifyProgram } from "./simplify";

/** A named pass over program IR. */
export type ProgramPass = NamedPass<Program>;

/** The program passes, in order. */
export const programPasses: readonly ProgramPass[] = [
  { name: "fuse-elementwise", run: fuseElementwise },
  { name: "fuse-reductions", run: fuseReductions },
  { name: "fold-broadcast-inputs", run: foldBroadcastInputs },
  { name: "fuse-into-stencils", run: fuseIntoStencils },
  { name: "fuse-into-sweeps", run: fuseIntoSweeps },
  { name: "simplify", run: simplifyProgram },
];

/** Options of the program pipeline. */
export interface ProgramPipelineOptions {
  /** Called with each pass's name and listing (debug level 2). */
  readonly log?: (line: string) => void;
  /** Run the verifier after every pass; when absent, compiler/verify.ts's switch decides (on in tests). */
  readonly check?: boolean;
}

/** The program verifier as a pass check: its errors name the pass that broke the program. */
function verifyAfter(program: Program, pass: string): void {
  try {
    checkProgram(program);
  } catch (error) {
    if (error instanceof IRCheckError) throw new IRCheckError(`program verifier after ${pass}: ${error.message}`);
    throw error;
  }
}

/**
 * Optimize a program through every pass.
 *
 * @example
 * optimizeProgram(kex.makeIR(f)(x).program, { log: console.log }).toString();
 */
export function optimizeProgram(program: Program, options: ProgramPipelineOptions = {}): Program {
  return runPasses(program, programPasses, { print: printProgram, verify: verifyAfter, log: options.log, check: options.check });
}
