/**
 * @file Program IR: typed binders in A-normal form, one equation per primitive.
 *
 * Grammar:
 *
 *     program  ::= "{ lambda" binder* ";" ("let" eqn)* "in" "(" atom* ")" "}"
 *     binder   ::= var ":" aval                      e.g.  a:f64[3,3]
 *     aval     ::= ("f64" | "f32") "[" int ("," int)* "]"
 *     eqn      ::= binder+ "=" prim params? atom*    e.g.  c:f64[] = add a b
 *     atom     ::= var | literal                     literals are scalars of the eqn's dtype
 *     params   ::= "[" (key "=" value)* "]"          stencil params hold kernel sub-programs
 *
 * Nodes are immutable; passes build new programs. Printing lives in
 * ir-print.ts (the one printer); checking in ir-check.ts.
 */
import { primApp, Prim, type DType, type ParamsOf } from "./primitives";

/** Shape and dtype of a value. */
export interface Aval {
  readonly shape: readonly number[];
  readonly dtype: DType;
}

let nextVarId = 0;

/** A binder. Identity is object identity; `id` only orders printing in debug. */
export class Var {
  readonly id = nextVarId++;
  constructor(readonly aval: Aval) {}
}

/** A scalar literal. */
export class Lit {
  readonly aval: Aval;
  constructor(
    readonly value: number,
    dtype: DType,
  ) {
    this.aval = { shape: [], dtype };
  }
}

export type Atom = Var | Lit;

/** One primitive application. */
export interface Eqn<P extends Prim> {
  readonly prim: P;
  readonly inputs: readonly Atom[];
  readonly params: ParamsOf<P>;
  readonly outputs: readonly Var[];
}

/**
 * An equation of any primitive, as a union discriminated by `prim`: testing
 * `eqn.prim === Prim.Index` narrows `eqn.params` to the index parameters.
 *
 * @example
 * if (eqn.prim === Prim.Transpose) eqn.params.perm; // readonly number[]
 */
export type AnyEqn = { [P in Prim]: Eqn<P> }[Prim];

/**
 * A stencil or stencil_gather equation (both carry StencilParams).
 *
 * @example
 * const grid = (eqn: StencilEqn) => eqn.params.spec.gridShape;
 */
export type StencilEqn = Eqn<Prim.Stencil> | Eqn<Prim.StencilGather>;

/**
 * Is `eqn` a stencil or a stencil_gather?
 *
 * @example
 * if (isStencilEqn(eqn)) eqn.params.spec.gridShape;
 */
export function isStencilEqn(eqn: AnyEqn): eqn is StencilEqn {
  return eqn.prim === Prim.Stencil || eqn.prim === Prim.StencilGather;
}

/**
 * An equation of a primitive known only as a type parameter, as an `AnyEqn`.
 *
 * @example
 * trace.eqns.push(anyEqn({ prim, inputs, params, outputs })); // inside a generic bind<P>
 */
export function anyEqn<P extends Prim>(eqn: Eqn<P>): AnyEqn {
  return { ...primApp(eqn.prim, eqn.params), inputs: eqn.inputs, outputs: eqn.outputs };
}

/** A closed program: inputs, equations in dependency order, outputs. */
export class Program {
  constructor(
    readonly inputs: readonly Var[],
    readonly eqns: readonly AnyEqn[],
    readonly outputs: readonly Atom[],
  ) {}

  get inAvals(): Aval[] {
    return this.inputs.map((v) => v.aval);
  }

  get outAvals(): Aval[] {
    return this.outputs.map((v) => v.aval);
  }
}

/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function sameAval(a: Aval, b: Aval): boolean {
  return a.dtype === b.dtype && sameShape(a.shape, b.shape);
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= shape[i]!;
  }
  return st;
}
