/**
 * @file Parse a kernel's source with acorn into one function node, and reject
 * with a KernexError every construct kernels do not support (async code,
 * classes, `this`, `new`, bitwise operators, writes into arrays, ...).
 */

import { parse } from "acorn";
import type { ArrowFunctionExpression, FunctionExpression, Node, Pattern, Program } from "estree";
import { KernexError } from "../errors";
import { compoundAssignmentBase, isUnsupported, operatorOp, unaryOperatorOps } from "./ops-api";

/**
 * The node a kernel's source parses to. Object-literal methods parse to a FunctionExpression.
 *
 * @example
 * const fn: KernelFunction = parseKernelSource("(x) => x[0]", 'kernel "k"');
 */
export type KernelFunction = FunctionExpression | ArrowFunctionExpression;

/**
 * What kernels may use, appended to every unsupported-syntax message.
 *
 * @example
 * // kernel "k" uses unsupported syntax: "new" at line 1, column 8 ("new Array(3)"). Kernels may use + - * ...
 */
export const SUPPORTED_SYNTAX =
  "Kernels may use + - * / % ** and their compound assignments (+= ...), comparisons, Math.* calls, " +
  "kernex's array functions (kex.sum(x), K.sum(x) or a bare sum(x)), isNaN/isFinite/Number.isNaN/" +
  "Number.isFinite, indexing x[i], x[i][j] and x[i, j], method calls such as x.at(i, j), local let/const/var, " +
  "nested arrow or function expressions, and control flow: if/else, switch, ? :, && || ! (on window values " +
  "these select per cell, both sides are evaluated), for/while/do-while loops whose conditions are plain " +
  "values (a loop counter, a number argument; never a window value), and break or continue under plain " +
  "tests (a window-value test may only guard a continue that stands alone in the loop body).";

/**
 * Property names kernels may not use, as `a.name`, `a["name"]`, object keys
 * or destructuring keys: they reach the `Function` constructor, prototypes
 * and property descriptors, through which code could be built from a
 * string. kernex rebuilds kernels so that nothing outside their own AST
 * runs; these names would undo that.
 *
 * @example
 * FORBIDDEN_PROPERTIES.has("constructor"); // true: (x) => x.constructor.constructor("...")() is rejected
 */
export const FORBIDDEN_PROPERTIES: ReadonlySet<string> = new Set([
  "constructor",
  "prototype",
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "caller",
  "callee",
  "getPrototypeOf",
  "setPrototypeOf",
  "getOwnPropertyDescriptor",
  "getOwnPropertyDescriptors",
  "defineProperty",
  "defineProperties",
]);

/** Identifiers of this form are reserved for the rewritten code (`__k` holds the ops, `__s` the scope values). */
const RESERVED_PREFIXES = ["__k", "__s"];

/**
 * How error messages name a kernel.
 *
 * @example
 * kernelLabel("heat"); // 'kernel "heat"'
 */
export function kernelLabel(name: string): string {
  return `kernel ${JSON.stringify(name)}`;
}

/**
 * Parse a function's own source (read with `Function.prototype.toString`, so
 * an overridden `toString` cannot change it) and check it is a supported kernel.
 *
 * @example
 * parseKernel((x: number[]) => x[0] * 2, 'kernel "double"').type; // "ArrowFunctionExpression"
 */
export function parseKernel(fn: Function, label: string): KernelFunction {
  const source = Function.prototype.toString.call(fn);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) {
    throw new KernexError(
      `${label} is a native or bound function, so kernex cannot read its source; kernels are rebuilt ` +
        `from their source text. Pass a function written in JavaScript instead, e.g. (x) => Math.sin(x[0]) ` +
        `rather than Math.sin or f.bind(...).`,
    );
  }
  return parseKernelSource(source, label);
}

/** The key under which a parsed kernel keeps its SourceText. */
const SOURCE: unique symbol = Symbol("kernex.kernelSource");

/**
 * Line and column (both from 1) of a node of a parsed kernel, or of a
 * rewritten copy of one (copies keep `start`), in the kernel's own source;
 * 0 and 0 for nodes made by the rewrite.
 *
 * @example
 * const fn = parseKernelSource("(x) => {\n  return x[0];\n}", 'kernel "k"');
 * sourcePosition(fn, fn.body); // { line: 1, column: 8 }
 */
export function sourcePosition(fn: KernelFunction, node: Node): { line: number; column: number } {
  const source = (fn as { [SOURCE]?: SourceText })[SOURCE];
  const start = (node as { start?: number }).start;
  if (source === undefined || start === undefined) return { line: 0, column: 0 };
  const before = source.text.slice(0, Math.max(0, start - source.offset));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** One way of wrapping a function's source text so that acorn parses it as an expression. */
interface SourceForm {
  readonly prefix: string;
  readonly suffix: string;
  readonly extract: (program: Program, source: SourceText) => KernelFunction;
}

/** A kernel's source and the offset of its first character in the text acorn parsed. */
interface SourceText {
  readonly text: string;
  readonly offset: number;
  readonly label: string;
}

/**
 * Arrow functions and `function` expressions parse inside parentheses; method
 * shorthand (`name(x) { ... }`, also with quoted or computed names, `async`,
 * `*`, `get`/`set`) parses as the only member of an object literal, whose
 * value is then an anonymous FunctionExpression that prints as `function (x) {...}`.
 */
const SOURCE_FORMS: readonly SourceForm[] = [
  { prefix: "(", suffix: "\n)", extract: extractExpression },
  { prefix: "({", suffix: "\n})", extract: extractMethod },
];

/**
 * Parse kernel source text (the text of a function: arrow, `function`
 * expression or object-literal method) and check it is a supported kernel.
 *
 * @example
 * parseKernelSource("area(r) { return Math.PI * r ** 2; }", 'kernel "area"').type; // "FunctionExpression"
 */
export function parseKernelSource(text: string, label: string): KernelFunction {
  const errors: unknown[] = [];
  for (const form of SOURCE_FORMS) {
    let program: Program;
    try {
      program = parse(form.prefix + text + form.suffix, { ecmaVersion: "latest", sourceType: "script" }) as Program;
    } catch (error) {
      errors.push(error);
      continue;
    }
    const source: SourceText = { text, offset: form.prefix.length, label };
    const fn = form.extract(program, source);
    checkSupported(fn, source);
    // Kept (hidden from AST walks and printing) for sourcePosition.
    Object.defineProperty(fn, SOURCE, { value: source, enumerable: false });
    return fn;
  }
  // Report the error of the form the text most looks like: a method's source
  // fails the parenthesized form at its name, which would be a confusing message.
  const looksLikeExpression = /^\s*(function\b|async\b|\(|[\w$]+\s*=>)/.test(text);
  const reported = looksLikeExpression ? 0 : SOURCE_FORMS.length - 1;
  throw parseFailure(text, label, errors[reported], SOURCE_FORMS[reported].prefix.length);
}

function parseFailure(text: string, label: string, error: unknown, offset: number): KernexError {
  let reason = error instanceof Error ? error.message : String(error);
  reason = reason.replace(/\s*\(\d+:\d+\)$/, "");
  const pos = error !== null && typeof error === "object" && "pos" in error ? Number(error.pos) : NaN;
  const where = Number.isFinite(pos) ? ` at ${lineColumn(text, Math.max(0, pos - offset))}` : "";
  return new KernexError(
    `${label}: could not parse its source: ${reason}${where}. Kernels must be arrow functions, ` +
      `function expressions or object-literal methods.`,
  );
}

function extractExpression(program: Program, source: SourceText): KernelFunction {
  const statement = program.body.length === 1 ? program.body[0] : null;
  if (statement === null || statement.type !== "ExpressionStatement") throw notAFunction(source);
  const expression = statement.expression;
  if (expression.type === "ArrowFunctionExpression" || expression.type === "FunctionExpression") return expression;
  if (expression.type === "ClassExpression") throw unsupportedSyntax(source, "a class", expression);
  throw notAFunction(source);
}

function extractMethod(program: Program, source: SourceText): KernelFunction {
  const statement = program.body.length === 1 ? program.body[0] : null;
  if (statement === null || statement.type !== "ExpressionStatement") throw notAFunction(source);
  const object = statement.expression;
  if (object.type !== "ObjectExpression" || object.properties.length !== 1) throw notAFunction(source);
  const property = object.properties[0];
  if (property.type !== "Property" || property.value.type !== "FunctionExpression") throw notAFunction(source);
  if (property.kind !== "init") throw unsupportedSyntax(source, "a getter or setter", property);
  return property.value;
}

function notAFunction(source: SourceText): KernexError {
  return new KernexError(
    `${source.label}: its source ${JSON.stringify(clip(source.text))} is not a function; expected an arrow ` +
      `function, a function expression or an object-literal method.`,
  );
}

/**
 * Every node object directly below `node` (in source order for the node
 * types kernels use), skipping plain data such as a RegExp literal's `regex`.
 *
 * @example
 * childNodes(parseKernelSource("(a) => a + 1", "k")).map((n) => n.type); // ["Identifier", "BinaryExpression"]
 */
export function childNodes(node: Node): Node[] {
  const children: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc" || key === "range") continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
}

/**
 * Whether a value is an ESTree node (an object with a string `type`).
 *
 * @example
 * isNode({ type: "Identifier", name: "x" }); // true
 */
export function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

function checkSupported(node: Node, source: SourceText): void {
  const reject = (construct: string, at: Node = node): never => {
    throw unsupportedSyntax(source, construct, at);
  };
  switch (node.type) {
    case "FunctionExpression":
    case "FunctionDeclaration":
    case "ArrowFunctionExpression":
      if (node.async) reject("an async function");
      if (node.generator) reject("a generator function");
      break;
    case "AwaitExpression":
      return reject('"await"');
    case "YieldExpression":
      return reject('"yield"');
    case "ClassDeclaration":
    case "ClassExpression":
      return reject("a class");
    case "ThisExpression":
      return reject('"this"');
    case "Super":
      return reject('"super"');
    case "NewExpression":
      return reject('"new"');
    case "WithStatement":
      return reject('"with"');
    case "TaggedTemplateExpression":
      return reject("a tagged template");
    case "ImportExpression":
      return reject('"import()"');
    case "MetaProperty":
      return reject(`"${node.meta.name}.${node.property.name}"`);
    case "ChainExpression":
      return reject("optional chaining (?.)");
    case "Identifier":
      checkIdentifier(node.name, node, source);
      return;
    case "ObjectPattern":
      for (const property of node.properties) {
        if (property.type === "Property" && property.computed) reject("a computed key in destructuring (read the value with x[key] instead)", property);
      }
      break;
    case "Property":
      if (node.kind !== "init") reject("a getter or setter");
      if (!node.computed) {
        checkPropertyName(propertyKeyName(node.key), node, source);
        // A plain key names a property, not a variable.
        checkSupported(node.value, source);
        return;
      }
      break;
    case "MemberExpression":
      if (!node.computed) {
        checkPropertyName(propertyKeyName(node.property), node, source);
        checkSupported(node.object, source);
        return;
      }
      break;
    case "LabeledStatement":
      checkSupported(node.body, source);
      return;
    case "BreakStatement":
    case "ContinueStatement":
      return;
    case "UnaryExpression": {
      const op = unaryOperatorOps[node.operator];
      if (isUnsupported(op)) reject(op.unsupported);
      break;
    }
    case "BinaryExpression":
    case "LogicalExpression": {
      const op = operatorOp(node.operator);
      if (isUnsupported(op)) reject(op.unsupported);
      break;
    }
    case "AssignmentExpression":
      if (node.operator !== "=") {
        const op = operatorOp(compoundAssignmentBase[node.operator]);
        if (isUnsupported(op)) reject(`${op.unsupported} (in "${node.operator}")`);
      }
      checkAssignmentTarget(node.left, source);
      break;
    case "UpdateExpression":
      if (node.argument.type !== "Identifier") reject(`"${node.operator}" on an element or property`);
      break;
    case "ForOfStatement":
      if (node.await) reject('"for await"');
      if (node.left.type !== "VariableDeclaration") checkAssignmentTarget(node.left, source);
      break;
    case "ForInStatement":
      if (node.left.type !== "VariableDeclaration") checkAssignmentTarget(node.left, source);
      break;
    default:
      break;
  }
  for (const child of childNodes(node)) checkSupported(child, source);
}

/** The name of a non-computed key: `a.name`, `{ name: v }`, `{ "name": v }`. */
function propertyKeyName(key: Node): string | null {
  if (key.type === "Identifier") return key.name;
  if (key.type === "Literal") return String(key.value);
  if (key.type === "PrivateIdentifier") return key.name;
  return null;
}

function checkPropertyName(name: string | null, node: Node, source: SourceText): void {
  if (name !== null && FORBIDDEN_PROPERTIES.has(name)) {
    throw unsupportedSyntax(source, `the property ${JSON.stringify(name)} (kernels cannot reach constructors, prototypes or property descriptors)`, node);
  }
}

function checkIdentifier(name: string, node: Node, source: SourceText): void {
  if (name === "arguments") throw unsupportedSyntax(source, '"arguments" (name the parameters instead)', node);
  if (name === "eval") throw unsupportedSyntax(source, '"eval"', node);
  if (RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix))) {
    throw new KernexError(
      `${source.label} uses the name ${JSON.stringify(name)} at ${nodePosition(source, node)}; names starting ` +
        `with "__k" or "__s" are reserved for the rewritten kernel code. Rename it.`,
    );
  }
}

/** Kernels are pure: they may (re)assign local variables but never write into arrays or objects. */
function checkAssignmentTarget(target: Pattern, source: SourceText): void {
  switch (target.type) {
    case "MemberExpression":
      throw unsupportedSyntax(
        source,
        "assignment to an element or property (a kernel cannot write into arrays or objects: its window and the arrays it is given are read-only, other arguments reach it as frozen copies, and the globals it may use are frozen views; compute a new value and return it)",
        target,
      );
    case "ObjectPattern":
      for (const property of target.properties) {
        checkAssignmentTarget(property.type === "RestElement" ? property.argument : property.value, source);
      }
      return;
    case "ArrayPattern":
      for (const element of target.elements) if (element !== null) checkAssignmentTarget(element, source);
      return;
    case "AssignmentPattern":
      checkAssignmentTarget(target.left, source);
      return;
    case "RestElement":
      checkAssignmentTarget(target.argument, source);
      return;
    case "Identifier":
      return;
  }
}

function unsupportedSyntax(source: SourceText, construct: string, node: Node): KernexError {
  return new KernexError(
    `${source.label} uses unsupported syntax: ${construct} at ${nodePosition(source, node)}. ${SUPPORTED_SYNTAX}`,
  );
}

/** "line L, column C ("snippet")" for a node of the parsed text, relative to the kernel's own source. */
function nodePosition(source: SourceText, node: Node): string {
  const span = node as { start?: number; end?: number };
  if (span.start === undefined || span.end === undefined) return "an unknown position";
  const start = Math.max(0, span.start - source.offset);
  const end = Math.max(start, span.end - source.offset);
  return `${lineColumn(source.text, start)} (${JSON.stringify(clip(source.text.slice(start, end)))})`;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
}

/** Shorten source text for a message: whitespace runs collapsed, at most 60 characters. */
function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
