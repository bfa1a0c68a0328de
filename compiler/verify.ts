/**
 * @file The verification switch: when on, the pass pipelines run their
 * verifier (compiler/ir-check.ts for programs, compiler/loop/loop-check.ts
 * for loop nests) after every pass. Off by default, since it re-derives
 * every equation's type on every compile; test/setup.ts turns it on for the
 * whole test run. A pipeline call's own `check` option wins over the switch.
 */

let on = false;

/**
 * Turn verification after every pass on or off, for every pipeline run from now on.
 *
 * @example
 * setVerify(true); // test/setup.ts
 */
export function setVerify(value: boolean): void {
  on = value;
}

/**
 * Is verification after every pass on?
 *
 * @example
 * optimizeProgram(program, { check: verifyOn() }); // what the pipelines do when no `check` is given
 */
export function verifyOn(): boolean {
  return on;
}
