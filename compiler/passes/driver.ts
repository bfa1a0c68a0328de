/**
 * @file The pass driver shared by the program pipeline
 * (passes/program-pipeline.ts) and the loop pipeline (passes/pipeline.ts):
 * run named passes in order, list the IR after each one (debug level 2;
 * "(unchanged)" when a pass returned its input, which passes do when they
 * change nothing), and run the verifier after each one when verification is
 * on (the `check` option, else compiler/verify.ts's switch).
 */
import { verifyOn } from "../verify";

/**
 * A named pass: a function from IR to IR that returns its input when it
 * changes nothing.
 *
 * @example
 * const pass: NamedPass<Program> = { name: "simplify", run: simplifyProgram };
 */
export interface NamedPass<T> {
  readonly name: string;
  readonly run: (ir: T) => T;
}

/** How the driver lists and verifies one kind of IR. */
export interface DriverOptions<T> {
  /** Renders the IR for the log (the one printer, compiler/ir-print.ts). */
  readonly print: (ir: T) => string;
  /** Throws, naming `after` (the pass just run), when the IR breaks an invariant. */
  readonly verify: (ir: T, after: string) => void;
  /** Called with "after <pass>:" and the listing (debug level 2). */
  readonly log?: (line: string) => void;
  /** Verify after every pass; when absent, compiler/verify.ts's switch decides. */
  readonly check?: boolean;
}

/**
 * Run `passes` over `input` in order and return the last pass's result.
 *
 * @example
 * runPasses(program, programPasses, { print: printProgram, verify: verifyProgram, log: console.log });
 * // logs "after fuse-elementwise: (unchanged)", "after fuse-reductions:\n{ lambda a:f64[3] ...", ...
 */
export function runPasses<T>(input: T, passes: readonly NamedPass<T>[], options: DriverOptions<T>): T {
  const check = options.check ?? verifyOn();
  let ir = input;
  for (const pass of passes) {
    const next = pass.run(ir);
    options.log?.(next === ir ? `after ${pass.name}: (unchanged)` : `after ${pass.name}:\n${options.print(next)}`);
    if (check) options.verify(next, pass.name);
    ir = next;
  }
  return ir;
}
