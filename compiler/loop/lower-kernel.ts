/**
 * @file A kernel's scalar nodes (compiler/codegen/scalarize.ts) as lowered
 * statements: each node becomes one `val` in dependency order, computed
 * once; constants stay inline; window and extra-input reads are asked of
 * the caller, which knows the cell's addressing (flat offsets inside the
 * input, read tables at its border). Shared by the stencil and gather
 * lowerings.
 */
import { assertNever } from "../primitives";
import type { SNode } from "../codegen/scalarize";
import { numOperand, ref, type Operand, type ScalarExpr, type Stmt } from "./lowered-ir";

/** A window read node. */
export type ReadNode = Extract<SNode, { kind: "read" }>;
/** An extra-input read node. */
export type ExtraNode = Extract<SNode, { kind: "extra" }>;

/** How the caller reads the leaves: a scalar to name, or an operand to use as is (a hoisted constant). */
export interface KernelLeaves {
  read(node: ReadNode, out: Stmt[]): ScalarExpr | Operand;
  extra(node: ExtraNode, out: Stmt[]): ScalarExpr | Operand;
}

/** Straight-line statements for scalar nodes: each node is computed once, into `stmts`. */
export class KernelLowering {
  readonly stmts: Stmt[] = [];
  private readonly names = new Map<number, Operand>();

  /** `prefix`: of the values' names (lowerings sharing a scope use distinct ones). */
  constructor(
    private readonly leaves: KernelLeaves,
    private readonly prefix = "v",
  ) {}

  /** The operand holding node's value, lowering what it needs first. */
  operand(node: SNode): Operand {
    if (node.kind === "const") return numOperand(node.value);
    const known = this.names.get(node.id);
    if (known) return known;
    let value: ScalarExpr | Operand;
    switch (node.kind) {
      case "read":
        value = this.leaves.read(node, this.stmts);
        break;
      case "extra":
        value = this.leaves.extra(node, this.stmts);
        break;
      case "unary":
        value = { kind: "unary", prim: node.prim, a: this.operand(node.a) };
        break;
      case "binary": {
        const a = this.operand(node.a);
        value = { kind: "binary", prim: node.prim, a, b: this.operand(node.b) };
        break;
      }
      case "select": {
        const c = this.operand(node.c);
        const a = this.operand(node.a);
        value = { kind: "select", c, a, b: this.operand(node.b) };
        break;
      }
      default:
        return assertNever(node);
    }
    if (value.kind === "ref" || value.kind === "num") {
      this.names.set(node.id, value);
      return value;
    }
    const name = `${this.prefix}${node.id}`;
    this.stmts.push({ kind: "value", name, value });
    const out = ref(name);
    this.names.set(node.id, out);
    return out;
  }
}

/** Is the operand a literal +0 (a term that adds nothing, skipped as push gathers skip it)? */
export function isPlusZero(o: Operand): boolean {
  return o.kind === "num" && o.value === 0 && !Object.is(o.value, -0);
}
