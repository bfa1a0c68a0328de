/**
 * @file A stand-in for a Content-Security-Policy without 'unsafe-eval': while
 * a callback runs, the `Function` constructor (as `globalThis.Function` and
 * as `Function.prototype.constructor`, which is how `(function () {}).constructor`
 * reaches it) and `eval` record every call and refuse it with an EvalError,
 * as a browser enforcing such a policy does. Everything is restored afterwards.
 */

/** One refused attempt to evaluate a string. */
export interface EvalAttempt {
  readonly via: "Function (new)" | "Function (call)" | "eval";
  /** The source text it was asked to evaluate (its last argument). */
  readonly source: string;
}

function refuse(attempts: EvalAttempt[], via: EvalAttempt["via"], args: readonly unknown[]): never {
  attempts.push({ via, source: String(args[args.length - 1] ?? "") });
  throw new EvalError(`refused to evaluate a string as JavaScript (${via}): the page's policy forbids 'unsafe-eval'`);
}

/**
 * Run `run` (sync or async) with string evaluation forbidden; returns what it
 * returned and every attempt that was refused.
 *
 * @example
 * const { attempts } = await withoutEval(() => kex.kmap({ kernelSize: 3 }, (x) => kex.sum(x))(kex.arange(5)));
 * expect(attempts).toEqual([]);
 */
export async function withoutEval<T>(run: () => T | Promise<T>): Promise<{ value: T; attempts: EvalAttempt[] }> {
  const attempts: EvalAttempt[] = [];
  const global = globalThis as unknown as { Function: FunctionConstructor; eval: (source: string) => unknown };
  const RealFunction = global.Function;
  const realEval = global.eval;
  const prototype = Object.getPrototypeOf(function () {}) as object;
  const constructorDescriptor = Object.getOwnPropertyDescriptor(prototype, "constructor");
  if (constructorDescriptor === undefined) throw new Error("Function.prototype has no constructor property");
  const guard = new Proxy(RealFunction, {
    construct: (_target, args) => refuse(attempts, "Function (new)", args),
    apply: (_target, _this, args) => refuse(attempts, "Function (call)", args),
  });
  global.Function = guard;
  global.eval = (source: string) => refuse(attempts, "eval", [source]);
  Object.defineProperty(prototype, "constructor", { ...constructorDescriptor, value: guard });
  try {
    const value = await run();
    return { value, attempts };
  } finally {
    global.Function = RealFunction;
    global.eval = realEval;
    Object.defineProperty(prototype, "constructor", constructorDescriptor);
  }
}
