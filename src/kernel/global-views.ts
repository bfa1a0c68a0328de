/**
 * @file Frozen views of the globals kernels may use (free-vars.ts
 * ALLOWED_GLOBALS). A kernel sees these views instead of the real objects,
 * so it cannot change what other code sees: `Object.assign(Math, { x: 1 })`
 * and `Object.assign(Number.isNaN, { x: 1 })` throw inside the kernel (a
 * KernexError naming the kernel), and the real `Math` is untouched.
 *
 * A view copies the global's own properties: numbers as they are, functions
 * as frozen wrappers that call the original. Callable globals (`Number`,
 * `Array`, `isNaN`, ...) are frozen wrappers themselves, and `instanceof
 * Array` / `instanceof Object` still work through `Symbol.hasInstance`.
 * Views leave out what reaches prototypes or redefines properties
 * (`Object.getPrototypeOf`, `Object.setPrototypeOf`, `Object.defineProperty`,
 * ...), since through them a kernel could change `Array.prototype`.
 * Used where kernels are built: kernel/index.ts (both with `new Function`
 * and through the AST evaluator).
 */

/** Members of `Object` a kernel never sees: they reach prototypes or redefine properties. */
const HIDDEN_OBJECT_MEMBERS: ReadonlySet<string> = new Set([
  "getPrototypeOf",
  "setPrototypeOf",
  "defineProperty",
  "defineProperties",
  "getOwnPropertyDescriptor",
  "getOwnPropertyDescriptors",
]);

/** Own properties of functions that are not part of a global's API. */
const FUNCTION_OWN: ReadonlySet<string> = new Set(["prototype", "length", "name", "caller", "arguments"]);

/** A frozen function that calls `fn` with the same `this` and arguments. */
function frozenWrapper(fn: (...args: unknown[]) => unknown, name: string): (...args: unknown[]) => unknown {
  const wrapper = {
    [name](this: unknown, ...args: unknown[]): unknown {
      return Reflect.apply(fn, this, args);
    },
  }[name]!;
  return wrapper;
}

/** Copy the API members of `source` onto `target` (functions wrapped), then freeze it. */
function fillView<T extends object>(target: T, source: object, hidden: ReadonlySet<string>): T {
  for (const key of Object.getOwnPropertyNames(source)) {
    if (hidden.has(key) || (typeof source === "function" && FUNCTION_OWN.has(key))) continue;
    const value: unknown = Reflect.get(source, key);
    if (typeof value === "function") {
      Object.defineProperty(target, key, { value: Object.freeze(frozenWrapper(value as (...args: unknown[]) => unknown, key)), enumerable: false });
    } else if (typeof value !== "object" || value === null) {
      Object.defineProperty(target, key, { value, enumerable: false });
    }
  }
  return Object.freeze(target);
}

function objectView(source: object): object {
  return fillView({}, source, new Set());
}

function functionView(source: (...args: unknown[]) => unknown, name: string, hasInstance?: (v: unknown) => boolean): object {
  const view = frozenWrapper(source, name);
  if (hasInstance !== undefined) Object.defineProperty(view, Symbol.hasInstance, { value: Object.freeze(hasInstance) });
  return fillView(view, source, name === "Object" ? HIDDEN_OBJECT_MEMBERS : new Set());
}

type AnyFunction = (...args: unknown[]) => unknown;

function buildViews(): Readonly<Record<string, unknown>> {
  const g = globalThis as unknown as Record<string, unknown>;
  const views: Record<string, unknown> = {
    Math: objectView(Math),
    JSON: objectView(JSON),
    Number: functionView(Number as unknown as AnyFunction, "Number"),
    Boolean: functionView(Boolean as unknown as AnyFunction, "Boolean"),
    Array: functionView(Array as unknown as AnyFunction, "Array", (v) => Array.isArray(v)),
    Object: functionView(Object as unknown as AnyFunction, "Object", (v) => (typeof v === "object" && v !== null) || typeof v === "function"),
    isFinite: Object.freeze(frozenWrapper(isFinite as AnyFunction, "isFinite")),
    isNaN: Object.freeze(frozenWrapper(isNaN as AnyFunction, "isNaN")),
    parseFloat: Object.freeze(frozenWrapper(parseFloat as AnyFunction, "parseFloat")),
    parseInt: Object.freeze(frozenWrapper(parseInt as AnyFunction, "parseInt")),
  };
  if (typeof g.console === "object" && g.console !== null) views.console = objectView(g.console);
  return Object.freeze(views);
}

/**
 * The frozen views, by global name (Infinity, NaN and undefined are
 * primitives and need none).
 *
 * @example
 * GLOBAL_VIEWS.Math.sin(0); // 0, and Object.isFrozen(GLOBAL_VIEWS.Math) is true
 */
export const GLOBAL_VIEWS: Readonly<Record<string, unknown>> = buildViews();

/** The names of GLOBAL_VIEWS, in a fixed order (parameters of the kernel factory). */
export const GLOBAL_VIEW_NAMES: readonly string[] = Object.freeze(Object.keys(GLOBAL_VIEWS));
