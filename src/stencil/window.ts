/**
 * @file The symbolic window a kernel receives: `x[i][j]`, `x[i, j]`,
 * `x.at(i, j)`, relative and named indexing, all resolved at trace time to
 * absolute window cells and recorded as `index` equations. A read outside
 * the window is a KernexError naming the index and the kernel size.
 */
import { Prim } from "../../compiler/primitives";
import { bind, tracedCoercion } from "../core/trace";
import * as ops from "../core/ops";
import { KernexError, show } from "../errors";
import { asArray, NDArray, type ArrayInput } from "../ndarray/ndarray";

const NAMED_RE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:([+-])\s*(\d+))?\s*$/;

/**
 * Indexing rules of one window, shared by all its partial views.
 *
 * @example
 * const indexing: WindowIndexing = { kernelSize: [3, 3], relative: true, axisNames: ["i", "j"] };
 */
export interface WindowIndexing {
  readonly kernelSize: readonly number[];
  readonly relative: boolean;
  readonly axisNames: readonly (string | null)[];
}

/**
 * A window, or a partial view of one after some leading indices (`x[1]` of a
 * 2-d window). Full reads become one `index` equation on the window array.
 *
 * @example
 * kex.kmap({ kernelSize: [3, 3] }, (x) => x[1][2])(kex.arange(9).reshape([3, 3])).toArray(); // [[5]] (x is a WindowView)
 */
export class WindowView {
  constructor(
    private readonly window: NDArray,
    private readonly indexing: WindowIndexing,
    private readonly prefix: readonly number[],
  ) {}

  [asArray](): NDArray {
    return this.asArray();
  }

  /** The (partial) window as an array value. */
  asArray(): NDArray {
    if (this.prefix.length === 0) return this.window;
    return bind(Prim.Index, [this.window], { index: [...this.prefix] })[0]!;
  }

  get shape(): readonly number[] {
    return this.indexing.kernelSize.slice(this.prefix.length);
  }

  toString(): string {
    return `Window(shape=[${this.shape.join(",")}])`;
  }

  /** Like a traced array: no number or boolean value (the backstop behind the rewrite's checks). */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === "string") return this.toString();
    throw tracedCoercion(`the window ${this.toString()} was converted to a ${hint === "number" ? "number" : "primitive value"}`);
  }

  valueOf(): never {
    throw tracedCoercion(`the window ${this.toString()}.valueOf() was called`);
  }

  toJSON(): never {
    throw tracedCoercion(`JSON.stringify was given the window ${this.toString()}`);
  }

  /** Read with one index per remaining axis (numbers, or names like "i+1"). */
  at(...idx: unknown[]): WindowView | NDArray {
    return this.index(idx);
  }

  /** Apply indices (a partial index gives a partial view). */
  index(idx: readonly unknown[]): WindowView | NDArray {
    const { kernelSize } = this.indexing;
    const remaining = kernelSize.length - this.prefix.length;
    if (idx.length > remaining) {
      throw new KernexError(
        `window read ${formatRead(this.prefix, idx)}: got ${this.prefix.length + idx.length} indices, expected at most ${kernelSize.length} for kernelSize [${kernelSize.join(", ")}]`,
      );
    }
    const named = idx.some((i) => typeof i === "string");
    const resolved = named ? this.resolveNamed(idx) : idx.map((i, j) => this.resolveAxis(this.prefix.length + j, i, idx));
    const prefix = [...this.prefix, ...resolved];
    if (prefix.length < kernelSize.length) return new WindowView(this.window, this.indexing, prefix);
    return bind(Prim.Index, [this.window], { index: prefix })[0]!;
  }

  private resolveAxis(axis: number, raw: unknown, all: readonly unknown[]): number {
    const k = this.indexing.kernelSize[axis]!;
    if (typeof raw !== "number" || !Number.isInteger(raw)) {
      throw new KernexError(`window read ${formatRead(this.prefix, all)}: index ${show(raw)} on axis ${axis} must be an integer (or an axis name when namedAxis is set)`);
    }
    if (this.indexing.relative) {
      const c = Math.floor((k - 1) / 2);
      if (raw < -c || raw > k - 1 - c) {
        throw new KernexError(
          `window read ${formatRead(this.prefix, all)}: index ${raw} on axis ${axis} is outside the window; with relative: true and kernel size ${k} expected an integer in [${-c}, ${k - 1 - c}] (kernelSize [${this.indexing.kernelSize.join(", ")}])`,
        );
      }
      return c + raw;
    }
    if (raw < -k || raw >= k) {
      throw new KernexError(
        `window read ${formatRead(this.prefix, all)}: index ${raw} on axis ${axis} is outside the window; with kernel size ${k} expected an integer in [${-k}, ${k - 1}] (kernelSize [${this.indexing.kernelSize.join(", ")}])`,
      );
    }
    return raw < 0 ? raw + k : raw;
  }

  /** Named reads: every axis named (order free) or names used positionally. */
  private resolveNamed(idx: readonly unknown[]): number[] {
    const { axisNames, kernelSize } = this.indexing;
    const start = this.prefix.length;
    const allNamed = axisNames.every((n) => n !== null) && start === 0 && idx.length === kernelSize.length;
    const out = new Array<number>(idx.length);
    const used = new Set<number>();
    idx.forEach((raw, j) => {
      if (typeof raw !== "string") {
        out[j] = this.resolveAxis(start + j, raw, idx);
        return;
      }
      const m = NAMED_RE.exec(raw);
      const axis = m ? axisNames.indexOf(m[1]!) : -1;
      if (!m || axis < 0) {
        const names = axisNames.filter((n) => n !== null);
        throw new KernexError(
          `window read ${formatRead(this.prefix, idx)}: ${show(raw)} is not a named index; expected a name from namedAxis (${names.length ? names.map((n) => `"${n}"`).join(", ") : "none set"}) optionally followed by +k or -k, e.g. "${names[0] ?? "i"}-1"`,
        );
      }
      const target = allNamed ? axis : start + j;
      if (!allNamed && axis !== target) {
        throw new KernexError(`window read ${formatRead(this.prefix, idx)}: name "${m[1]}" belongs to axis ${axis} but is used at position ${target}; name every axis to index in any order`);
      }
      if (used.has(target)) throw new KernexError(`window read ${formatRead(this.prefix, idx)}: axis "${m[1]}" is indexed twice`);
      used.add(target);
      const delta = m[2] ? (m[2] === "-" ? -1 : 1) * Number(m[3]) : 0;
      // a bare name is the window's reference cell: its centre when relative, else cell 0
      out[allNamed ? target : j] = this.resolveAxis(target, delta, idx);
    });
    return out;
  }

  add(y: ArrayInput | WindowView): NDArray {
    return ops.add(this.asArray(), toArrayInput(y));
  }
  sub(y: ArrayInput | WindowView): NDArray {
    return ops.sub(this.asArray(), toArrayInput(y));
  }
  mul(y: ArrayInput | WindowView): NDArray {
    return ops.mul(this.asArray(), toArrayInput(y));
  }
  div(y: ArrayInput | WindowView): NDArray {
    return ops.div(this.asArray(), toArrayInput(y));
  }
  pow(y: ArrayInput | WindowView): NDArray {
    return ops.pow(this.asArray(), toArrayInput(y));
  }
  neg(): NDArray {
    return ops.neg(this.asArray());
  }
  sum(): NDArray {
    return ops.sum(this.asArray());
  }
  mean(): NDArray {
    return ops.mean(this.asArray());
  }
  max(): NDArray {
    return ops.max(this.asArray());
  }
  min(): NDArray {
    return ops.min(this.asArray());
  }
}

/**
 * A window view becomes its array; anything else passes through.
 *
 * @example
 * toArrayInput(3); // 3
 */
export function toArrayInput(x: unknown): ArrayInput {
  if (x instanceof WindowView) return x.asArray();
  return x as ArrayInput;
}

function formatRead(prefix: readonly number[], idx: readonly unknown[]): string {
  return `x[${[...prefix.map(String), ...idx.map((i) => (typeof i === "string" ? JSON.stringify(i) : String(i)))].join("][")}]`;
}
