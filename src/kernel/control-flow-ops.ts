/**
 * @file The run-time half of control flow in kernels: what the statements
 * control-flow.ts writes (`__k.branch`, `__k.unless`, `__k.loopTest`, ...)
 * do. On plain values they are ordinary JavaScript; on traced values an
 * `if` runs both branches from the same variables and merges what each
 * left behind with selects, per variable and per return, as TensorFlow's
 * AutoGraph does for Python.
 *
 * Returns inside converted statements set a return state instead of
 * leaving the function: `null` (nothing returned yet) or a Returned whose
 * `done` says where it returned (`true`: everywhere; a traced test: where
 * it is truthy; a Negated test: where it is falsy). Worked example, for
 * `if (c) return a; return b;` with traced c:
 *
 *     branch(c, {r = ret(a)}, {})   -> r = Returned(done: c, value: a)
 *     unless(r, {r = ret(b)})       =  branch(c, {}, {r = ret(b)})
 *                                   -> r = Returned(done: true, value: select(c, a, b))
 *
 * which is exactly `c ? a : b`: an `if` costs nothing over a ternary.
 * Where one side has returned everywhere, the other side's variables are
 * taken as they are (nothing after a return reads them), so no select is
 * made for them.
 */
import { KernexError, show } from "../errors";

/**
 * A KernexError raised at a place in a kernel's source. The kernel front end
 * adds the kernel's name when it passes the function that raised it.
 *
 * @example
 * throw new SiteError(3, 7, "the condition of a loop depends on a window value");
 */
export class SiteError extends KernexError {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    /** The kernel (or scope helper) it came from; the innermost function that raised it adds it. */
    readonly label: string | null = null,
  ) {
    super(`${label === null ? "" : `${label}: `}line ${line}, column ${column}: ${reason}`);
  }

  /**
   * The same error, named after the kernel it came from.
   *
   * @example
   * new SiteError(1, 2, "bad").withLabel('kernel "k"').message; // 'kernel "k": line 1, column 2: bad'
   */
  withLabel(label: string): SiteError {
    return new SiteError(this.line, this.column, this.reason, label);
  }
}

/** A test that holds where `test` is falsy (the return state's "not returned here"). */
class Negated {
  constructor(readonly test: unknown) {}
}

/** A return state: the kernel returned `value` where `done` holds. */
class Returned {
  constructor(
    readonly done: unknown,
    readonly value: unknown,
  ) {}
}

/**
 * A variable an `if` on a traced test assigned in only one branch, with no
 * value before it: using it is an error that names the `if`.
 */
export class PartlyDefined {
  constructor(
    readonly line: number,
    readonly column: number,
  ) {}

  /** JavaScript cannot compute with it either. */
  [Symbol.toPrimitive](): never {
    throw this.error();
  }

  /** The error its use raises. */
  error(): SiteError {
    return new SiteError(
      this.line,
      this.column,
      "a variable assigned in only one branch of this if/switch (whose test depends on window values) has no value " +
        "in the other branch, and is used afterwards; give it a value before the if, or assign it in every branch",
    );
  }
}

/**
 * What the value-level selects need from whoever runs the kernel.
 *
 * @example
 * const plain: SelectBackend = { isTraced: () => false, select: () => { throw new Error("untraced"); }, isnan: Number.isNaN, isfinite: Number.isFinite, truthy: Boolean };
 */
export interface SelectBackend {
  /** Whether a value is traced (a window, a traced array): tests on it become selects. */
  isTraced(x: unknown): boolean;
  /** Per-cell `c ? a : b` for a traced `c` (a and b: numbers, booleans or traced values). */
  select(c: unknown, a: unknown, b: unknown): unknown;
  /** isnan of a traced value (1 or 0 per cell). */
  isnan(x: unknown): unknown;
  /** isfinite of a traced value (1 or 0 per cell). */
  isfinite(x: unknown): unknown;
  /** `Boolean(x)` of a traced value, in the sense the selects use (1 where x is nonzero). */
  truthy(x: unknown): unknown;
}

/** Reads the variables a converted statement may assign; null when it assigns none. */
type StateGetter = (() => unknown[]) | null;
/** Writes them back, in the getter's order. */
type StateSetter = ((...values: unknown[]) => void) | null;

/**
 * The control-flow methods of KernelOps (see ops-api.ts for each one's contract).
 *
 * @example
 * const cf: ControlFlowOps = controlFlowOps(backend);
 */
export interface ControlFlowOps {
  branch(test: unknown, consequent: () => void, alternate: () => void, get: StateGetter, set: StateSetter, returns: boolean, line: number, column: number): void;
  unless(state: unknown, body: () => void, get: StateGetter, set: StateSetter, line: number, column: number): void;
  ret(value: unknown): unknown;
  result(state: unknown, line: number, column: number): unknown;
  returned(state: unknown, line: number, column: number): boolean;
  loopReturned(state: unknown, unbounded: boolean, line: number, column: number): boolean;
  loopTest(test: unknown, line: number, column: number): unknown;
  concrete(value: unknown, what: string, line: number, column: number): unknown;
  isnan(value: unknown, loose: boolean): unknown;
  isfinite(value: unknown, loose: boolean): unknown;
  boolean(value: unknown): unknown;
}

/**
 * The control-flow methods over a select backend.
 *
 * @example
 * const ops = { ...arithmetic, ...controlFlowOps(backend) };
 */
export function controlFlowOps(backend: SelectBackend): ControlFlowOps {
  const cf = new ControlFlow(backend);
  // A plain object of bound methods, so that callers may spread it into their ops.
  return {
    branch: cf.branch.bind(cf),
    unless: cf.unless.bind(cf),
    ret: cf.ret.bind(cf),
    result: cf.result.bind(cf),
    returned: cf.returned.bind(cf),
    loopReturned: cf.loopReturned.bind(cf),
    loopTest: cf.loopTest.bind(cf),
    concrete: cf.concrete.bind(cf),
    isnan: cf.isnan.bind(cf),
    isfinite: cf.isfinite.bind(cf),
    boolean: cf.boolean.bind(cf),
  };
}


/** Fails on a PartlyDefined value, else passes it through. */
function defined(value: unknown): unknown {
  if (value instanceof PartlyDefined) throw value.error();
  return value;
}

class ControlFlow implements ControlFlowOps {
  constructor(private readonly backend: SelectBackend) {}

  branch(test: unknown, consequent: () => void, alternate: () => void, get: StateGetter, set: StateSetter, returns: boolean, line: number, column: number): void {
    if (test instanceof Negated) {
      this.branch(test.test, alternate, consequent, get, set, returns, line, column);
      return;
    }
    defined(test);
    if (!this.backend.isTraced(test)) {
      if (test) consequent();
      else alternate();
      return;
    }
    if (get === null || set === null) {
      consequent();
      alternate();
      return;
    }
    const before = get();
    consequent();
    const afterThen = get();
    set(...before);
    alternate();
    const afterElse = get();
    set(...new Merge(this.backend, test, line, column).states(afterThen, afterElse, returns));
  }

  unless(state: unknown, body: () => void, get: StateGetter, set: StateSetter, line: number, column: number): void {
    if (state === null) {
      body();
      return;
    }
    if (!(state instanceof Returned)) throw new Error(`the return state of a kernel is ${show(state)}`);
    if (state.done === true) return;
    this.branch(state.done, () => {}, body, get, set, true, line, column);
  }

  ret(value: unknown): unknown {
    return new Returned(true, value);
  }

  result(state: unknown, line: number, column: number): unknown {
    if (!(state instanceof Returned)) return undefined;
    if (state.done !== true) {
      throw new SiteError(
        line,
        column,
        "this function returns under a test that depends on window values but may reach its end without a " +
          "return for other values; end it with a return (or give the if an else that returns)",
      );
    }
    return state.value;
  }

  returned(state: unknown, line: number, column: number): boolean {
    if (state === null) return false;
    if (state instanceof Returned && state.done === true) return true;
    throw new SiteError(
      line,
      column,
      "a return under a test that depends on window values is followed by break or continue; kernex cannot " +
        "select between leaving a loop and staying in it. Compute the value with selects (if/? :/kex.where) and return once",
    );
  }

  loopReturned(state: unknown, unbounded: boolean, line: number, column: number): boolean {
    if (!(state instanceof Returned)) return false;
    if (state.done === true) return true;
    if (!unbounded) return false;
    throw new SiteError(
      line,
      column,
      "this loop has no condition and its return depends on window values, so for the other values it would " +
        "never end while tracing. Give the loop a fixed bound, e.g. for (let i = 0; i < 3; i++)",
    );
  }

  loopTest(test: unknown, line: number, column: number): unknown {
    if (this.backend.isTraced(defined(test))) {
      throw new SiteError(
        line,
        column,
        "the condition of a loop depends on a window value (or an array argument), so the loop would never end " +
          "while tracing. Give the loop a fixed bound, e.g. for (let i = 0; i < 3; i++), and select inside it " +
          "with if, ? : or kex.where",
      );
    }
    return test;
  }

  concrete(value: unknown, what: string, line: number, column: number): unknown {
    if (this.backend.isTraced(defined(value))) {
      throw new SiteError(
        line,
        column,
        `${what} needs a plain value (a number, string or boolean), but got a window value (or an array ` +
          "argument), which has no value while the kernel is traced. Compute with it instead (operators, " +
          "Math.*, kex.*) and select with if, ? : or kex.where",
      );
    }
    return value;
  }

  isnan(value: unknown, loose: boolean): unknown {
    if (this.backend.isTraced(defined(value))) return this.backend.isnan(value);
    return loose ? isNaN(value as number) : Number.isNaN(value);
  }

  isfinite(value: unknown, loose: boolean): unknown {
    if (this.backend.isTraced(defined(value))) return this.backend.isfinite(value);
    return loose ? isFinite(value as number) : Number.isFinite(value);
  }

  boolean(value: unknown): unknown {
    return this.backend.isTraced(defined(value)) ? this.backend.truthy(value) : Boolean(value);
  }
}

/** The merge of the two sides of one `if` on a traced test `c`. */
class Merge {
  constructor(
    private readonly backend: SelectBackend,
    private readonly c: unknown,
    private readonly line: number,
    private readonly column: number,
  ) {}

  /** Merge the variables (and, first when `returns`, the return state) each side left behind. */
  states(afterThen: readonly unknown[], afterElse: readonly unknown[], returns: boolean): unknown[] {
    const out: unknown[] = [];
    let start = 0;
    let thenDone: unknown = false;
    let elseDone: unknown = false;
    if (returns) {
      const [r, s] = [afterThen[0], afterElse[0]];
      thenDone = r instanceof Returned ? this.assume(r.done, true) : false;
      elseDone = s instanceof Returned ? this.assume(s.done, false) : false;
      out.push(this.returnState(r, s, thenDone, elseDone));
      start = 1;
    }
    for (let i = start; i < afterThen.length; i++) {
      // A side that returned everywhere is never read again: take the other side's value.
      if (thenDone === true) out.push(afterElse[i]);
      else if (elseDone === true) out.push(afterThen[i]);
      else out.push(this.value(afterThen[i], afterElse[i]));
    }
    return out;
  }

  /** A return test seen on one side of `c`: `c` itself is `polarity` there. */
  private assume(done: unknown, polarity: boolean): unknown {
    if (done === this.c) return polarity;
    if (done instanceof Negated && done.test === this.c) return !polarity;
    return done;
  }

  private returnState(r: unknown, s: unknown, thenDone: unknown, elseDone: unknown): Returned | null {
    if (!(r instanceof Returned) && !(s instanceof Returned)) return null;
    const value = r instanceof Returned && s instanceof Returned ? this.value(r.value, s.value) : r instanceof Returned ? r.value : (s as Returned).value;
    return new Returned(this.done(thenDone, elseDone), value);
  }

  /** Where the merged state has returned: `c ? thenDone : elseDone`, kept symbolic when it can be. */
  private done(thenDone: unknown, elseDone: unknown): unknown {
    if (thenDone === elseDone && (thenDone === true || thenDone === false)) return thenDone;
    if (thenDone === true && elseDone === false) return this.c;
    if (thenDone === false && elseDone === true) return new Negated(this.c);
    return this.backend.select(this.c, this.testValue(thenDone), this.testValue(elseDone));
  }

  /** A return test as a value whose truthiness is the test's. */
  private testValue(done: unknown): unknown {
    if (done === true || done === false) return done ? 1 : 0;
    if (done instanceof Negated) return this.backend.select(done.test, 0, 1);
    return done;
  }

  /** `c ? a : b` for one variable: numbers and traced values select, arrays and objects merge per element. */
  value(a: unknown, b: unknown): unknown {
    if (a === b) return a;
    if (a === undefined || b === undefined || a instanceof PartlyDefined || b instanceof PartlyDefined) {
      return new PartlyDefined(this.line, this.column);
    }
    const { backend } = this;
    const selectable = (x: unknown) => typeof x === "number" || typeof x === "boolean" || backend.isTraced(x);
    if (selectable(a) && selectable(b)) return backend.select(this.c, a, b);
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.map((x, i) => this.value(x, b[i]));
    if (isRecord(a) && isRecord(b) && sameKeys(a, b)) {
      return Object.fromEntries(Object.keys(a).map((key) => [key, this.value(a[key], b[key])]));
    }
    throw new SiteError(
      this.line,
      this.column,
      `this if/switch depends on window values, so both branches run and their results are selected per cell, ` +
        `but a variable is ${show(a)} after one branch and ${show(b)} after the other; only numbers, window ` +
        "values and arrays (or objects) of them of the same length can be selected",
    );
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== "object" || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k));
}

/**
 * The control-flow methods for kernels run on plain values only (tests of
 * the front end): every test is concrete, so they are ordinary JavaScript.
 *
 * @example
 * const numericOps: KernelOps = { ...arithmetic, ...plainControlFlow };
 */
export const plainControlFlow: ControlFlowOps = controlFlowOps({
  isTraced: () => false,
  select: () => {
    throw new Error("select on plain values");
  },
  isnan: Number.isNaN,
  isfinite: Number.isFinite,
  truthy: Boolean,
});
