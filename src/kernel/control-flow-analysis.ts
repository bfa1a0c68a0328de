/**
 * @file What control-flow.ts needs to know about statements before it turns
 * them into closures: whether they return, whether a break or continue in
 * them leaves them, which variables they assign and declare; and the
 * hoisting of `var` declarations to `let`s at the top of the function (a
 * `var` inside a closure would belong to the closure).
 */
import type { Expression, Node, Pattern, Statement, VariableDeclaration } from "estree";
import { mapChildren } from "./ast-build";
import { patternNames } from "./free-vars";
import { childNodes } from "./parse";

/**
 * Whether a node is a function (its statements belong to another function).
 *
 * @example
 * isFunction({ type: "ArrowFunctionExpression", ... }); // true
 */
export function isFunction(node: Node): node is Extract<Node, { type: "FunctionExpression" | "ArrowFunctionExpression" | "FunctionDeclaration" }> {
  return node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression" || node.type === "FunctionDeclaration";
}

/** Whether `test` holds for `node` or a node below it, not looking into nested functions. */
function some(node: Node, test: (n: Node) => boolean): boolean {
  if (test(node)) return true;
  if (isFunction(node)) return false;
  return childNodes(node).some((child) => some(child, test));
}

/**
 * Whether a `return` of this function is in `node`.
 *
 * @example
 * // for `if (c) return 1;`
 * containsReturn(statement); // true
 */
export function containsReturn(node: Node): boolean {
  return some(node, (n) => n.type === "ReturnStatement");
}

/**
 * Whether `node` has an if or switch statement of this function.
 *
 * @example
 * // for `for (;;) { if (c) s = 1; }`
 * containsBranch(statement); // true
 */
export function containsBranch(node: Node): boolean {
  return some(node, (n) => n.type === "IfStatement" || n.type === "SwitchStatement");
}

/**
 * Whether a `return` of this function is inside an if or switch in `node`
 * (a return the conversion turns into a return state).
 *
 * @example
 * // for `for (;;) { if (c) return 1; }`
 * returnsInBranch(statement); // true
 */
export function returnsInBranch(node: Node): boolean {
  return some(node, (n) => (n.type === "IfStatement" || n.type === "SwitchStatement") && containsReturn(n));
}

const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);

/**
 * Whether a `break` or `continue` in `root` jumps to a statement outside it
 * (such statements cannot move into a closure).
 *
 * @example
 * // for the body of `for (;;) { if (c) break; }`
 * hasEscapingJump(body); // true
 */
export function hasEscapingJump(root: Node): boolean {
  const visit = (node: Node, loops: number, switches: number, labels: ReadonlySet<string>): boolean => {
    if (isFunction(node)) return false;
    switch (node.type) {
      case "BreakStatement":
        return node.label ? !labels.has(node.label.name) : loops + switches === 0;
      case "ContinueStatement":
        return node.label ? !labels.has(node.label.name) : loops === 0;
      case "SwitchStatement":
        return childNodes(node).some((child) => visit(child, loops, switches + 1, labels));
      case "LabeledStatement":
        return visit(node.body, loops, switches, new Set([...labels, node.label.name]));
      default: {
        const inner = LOOPS.has(node.type) ? loops + 1 : loops;
        return childNodes(node).some((child) => visit(child, inner, switches, labels));
      }
    }
  };
  return visit(root, 0, 0, new Set());
}

/**
 * Whether an unlabeled `break` in `root` ends a switch around it.
 *
 * @example
 * // for the case body `if (c) break; s = 1;`
 * hasSwitchBreak(body); // true
 */
export function hasSwitchBreak(root: Node): boolean {
  const visit = (node: Node): boolean => {
    if (isFunction(node) || LOOPS.has(node.type) || node.type === "SwitchStatement") return false;
    if (node.type === "BreakStatement") return node.label === null || node.label === undefined;
    return childNodes(node).some(visit);
  };
  return visit(root);
}

/**
 * Names assigned in `node` (by `=`, compound assignment, `++`/`--`, or a
 * for-in/of head), nested functions included.
 *
 * @example
 * // for `{ s = s + 1; i++; }`
 * assignedNames(block); // Set { "s", "i" }
 */
export function assignedNames(node: Node, into: Set<string> = new Set()): Set<string> {
  switch (node.type) {
    case "AssignmentExpression":
      for (const name of patternNames(node.left)) into.add(name);
      break;
    case "UpdateExpression":
      if (node.argument.type === "Identifier") into.add(node.argument.name);
      break;
    case "ForInStatement":
    case "ForOfStatement":
      if (node.left.type !== "VariableDeclaration") for (const name of patternNames(node.left)) into.add(name);
      break;
    default:
      break;
  }
  for (const child of childNodes(node)) assignedNames(child, into);
  return into;
}

/**
 * Names a statement list declares directly (let, const, var, functions):
 * `mutable` those that may be assigned, `all` every one.
 *
 * @example
 * declaredNames([letA, constB]); // { mutable: Set { "a" }, all: Set { "a", "b" } }
 */
export function declaredNames(statements: readonly Statement[]): { mutable: Set<string>; all: Set<string> } {
  const mutable = new Set<string>();
  const all = new Set<string>();
  for (const statement of statements) {
    if (statement.type === "VariableDeclaration") {
      for (const name of statement.declarations.flatMap((d) => patternNames(d.id))) {
        all.add(name);
        if (statement.kind !== "const") mutable.add(name);
      }
    } else if (statement.type === "FunctionDeclaration" && statement.id) {
      all.add(statement.id.name);
    }
  }
  return { mutable, all };
}

/**
 * Turn every `var` of a function body (outside nested functions) into an
 * assignment, and return the names to declare with one `let` at the top
 * (parameters excluded: a `var` of a parameter's name is that parameter).
 *
 * @example
 * // { if (c) { var r = 1; } return r; }  ->  names ["r"], body { if (c) { r = 1; } return r; }
 */
export function hoistVars(body: readonly Statement[], params: ReadonlySet<string>): { names: string[]; body: Statement[] } {
  const names: string[] = [];
  const declare = (pattern: Pattern): void => {
    for (const name of patternNames(pattern)) if (!params.has(name) && !names.includes(name)) names.push(name);
  };
  /** `var a = 1, b;` as the expression `a = 1` (null when nothing is assigned). */
  const assignments = (declaration: VariableDeclaration): Expression | null => {
    declaration.declarations.forEach((d) => declare(d.id));
    const expressions: Expression[] = declaration.declarations
      .filter((d) => d.init)
      .map((d) => ({ type: "AssignmentExpression", operator: "=", left: d.id, right: visit(d.init!) as Expression }));
    if (expressions.length === 0) return null;
    return expressions.length === 1 ? expressions[0]! : { type: "SequenceExpression", expressions };
  };
  const visit = (node: Node): Node => {
    if (isFunction(node)) return node;
    if (node.type === "VariableDeclaration" && node.kind === "var") {
      const expression = assignments(node);
      return expression === null ? { type: "EmptyStatement" } : { type: "ExpressionStatement", expression };
    }
    if (node.type === "ForStatement" && node.init?.type === "VariableDeclaration" && node.init.kind === "var") {
      return mapChildren({ ...node, init: assignments(node.init) }, visit);
    }
    if ((node.type === "ForInStatement" || node.type === "ForOfStatement") && node.left.type === "VariableDeclaration" && node.left.kind === "var") {
      const left = node.left.declarations[0]!.id;
      declare(left);
      return mapChildren({ ...node, left }, visit);
    }
    return mapChildren(node, visit);
  };
  return { names, body: body.map((statement) => visit(statement) as Statement) };
}
