/**
 * @file Lexical scopes of a whole module, for the build plugins: which
 * declaration each name refers to at a point of the module (an import and
 * where from, a `const` and its initializer, a function declaration, ...).
 * walkModule visits every node with the scope in effect there.
 *
 * Scopes follow JavaScript's: the module (imports, top-level declarations
 * and every `var` outside functions), each function (parameters, hoisted
 * `var`s, the body's own declarations; a named function expression's name in
 * a scope of its own), blocks and `switch` bodies (`let`, `const`, `class`,
 * function declarations), loop heads with `let`/`const`, and `catch` clauses.
 */

import type { FunctionDeclaration, Node, Pattern, Program, Statement, VariableDeclaration } from "estree";
import { patternNames } from "../kernel/free-vars";
import { childNodes } from "../kernel/parse";

/**
 * What a name refers to.
 *
 * @example
 * // import * as K from "kernex"  ->  { name: "K", kind: "import", importSource: "kernex", imported: "*" }
 * // const c = 0.5                 ->  { name: "c", kind: "const", init: <Literal 0.5> }
 */
export interface Binding {
  readonly name: string;
  readonly kind: "import" | "var" | "let" | "const" | "function" | "class" | "param" | "catch";
  /** The scope that declares the name. */
  readonly scope: LexicalScope;
  /** A variable's initializer when it is declared alone (`const f = init`), else null. */
  readonly init: Node | null;
  /** The declaration of a function declaration. */
  readonly declaration: FunctionDeclaration | null;
  /** For imports: the module specifier, and the imported name ("*" for a namespace). */
  readonly importSource: string | null;
  readonly imported: string | null;
}

/**
 * One lexical scope: its declarations and its parent.
 *
 * @example
 * scope.resolve("c")?.kind; // "const"
 */
export class LexicalScope {
  readonly bindings = new Map<string, Binding>();

  constructor(
    readonly parent: LexicalScope | null,
    /** The node whose statements a function declaration of this scope is hoisted to (Program, function body or block). */
    readonly body: Node | null,
  ) {}

  /** The binding a name refers to from this scope, or undefined for a global (or undeclared) name. */
  resolve(name: string): Binding | undefined {
    for (let scope: LexicalScope | null = this; scope !== null; scope = scope.parent) {
      const binding = scope.bindings.get(name);
      if (binding) return binding;
    }
    return undefined;
  }

  declare(name: string, kind: Binding["kind"], extra: Partial<Pick<Binding, "init" | "declaration" | "importSource" | "imported">> = {}): void {
    this.bindings.set(name, {
      name,
      kind,
      scope: this,
      init: extra.init ?? null,
      declaration: extra.declaration ?? null,
      importSource: extra.importSource ?? null,
      imported: extra.imported ?? null,
    });
  }

  declareVariables(declaration: VariableDeclaration): void {
    for (const declarator of declaration.declarations) {
      const init = declarator.id.type === "Identifier" ? (declarator.init ?? null) : null;
      for (const name of patternNames(declarator.id)) this.declare(name, declaration.kind === "var" ? "var" : declaration.kind === "let" ? "let" : "const", { init });
    }
  }

  /** Declarations directly in a statement list: let/const/class and function declarations. */
  declareLexical(statements: readonly Node[]): void {
    for (const statement of statements) {
      if (statement.type === "VariableDeclaration" && statement.kind !== "var") this.declareVariables(statement);
      else if (statement.type === "FunctionDeclaration" && statement.id) this.declare(statement.id.name, "function", { declaration: statement });
      else if (statement.type === "ClassDeclaration" && statement.id) this.declare(statement.id.name, "class");
      else if (statement.type === "ExportNamedDeclaration" && statement.declaration) this.declareLexical([statement.declaration]);
      else if (statement.type === "ExportDefaultDeclaration") this.declareLexical([statement.declaration as Node]);
    }
  }
}

/** Every `var` declaration of a function (or the module) body, not looking into nested functions. */
function hoistedVars(statements: readonly Node[]): VariableDeclaration[] {
  const found: VariableDeclaration[] = [];
  const walk = (node: Node): void => {
    if (node.type === "VariableDeclaration") {
      if (node.kind === "var") found.push(node);
      for (const declarator of node.declarations) if (declarator.init) walk(declarator.init);
      return;
    }
    if (node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression") return;
    if (node.type === "ClassDeclaration" || node.type === "ClassExpression") return;
    for (const child of childNodes(node)) walk(child);
  };
  for (const statement of statements) walk(statement);
  return found;
}

/**
 * The function walkModule calls for each node: the node, the scope in effect there, its parent node.
 *
 * @example
 * const visit: ModuleVisitor = (node, scope) => void scope.resolve("c");
 */
export type ModuleVisitor = (node: Node, scope: LexicalScope, parent: Node | null) => void;

/**
 * Visit every node of a module in source order, each with its scope.
 *
 * @example
 * walkModule(program, (node, scope) => {
 *   if (node.type === "Identifier") console.log(node.name, scope.resolve(node.name)?.kind);
 * });
 */
export function walkModule(program: Program, visit: ModuleVisitor): void {
  const scope = new LexicalScope(null, program);
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration") continue;
    const source = String(statement.source.value);
    for (const s of statement.specifiers) {
      const imported = s.type === "ImportNamespaceSpecifier" ? "*" : s.type === "ImportDefaultSpecifier" ? "default" : importedName(s.imported);
      scope.declare(s.local.name, "import", { importSource: source, imported });
    }
  }
  for (const declaration of hoistedVars(program.body)) scope.declareVariables(declaration);
  scope.declareLexical(program.body);
  new ModuleWalker(visit).children(program, scope);
}

function importedName(node: Node): string {
  if (node.type === "Identifier") return node.name;
  if (node.type === "Literal") return String(node.value);
  return "";
}

class ModuleWalker {
  constructor(private readonly visit: ModuleVisitor) {}

  node(node: Node, scope: LexicalScope, parent: Node | null): void {
    this.visit(node, scope, parent);
    switch (node.type) {
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        this.fn(node, scope);
        return;
      case "BlockStatement":
      case "StaticBlock": {
        const block = new LexicalScope(scope, node);
        block.declareLexical(node.body);
        this.children(node, block);
        return;
      }
      case "SwitchStatement": {
        const block = new LexicalScope(scope, null);
        block.declareLexical(node.cases.flatMap((c) => c.consequent));
        this.node(node.discriminant, scope, node);
        for (const c of node.cases) this.node(c, block, node);
        return;
      }
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement": {
        const head = new LexicalScope(scope, null);
        const init = node.type === "ForStatement" ? node.init : node.left;
        if (init?.type === "VariableDeclaration" && init.kind !== "var") head.declareVariables(init);
        this.children(node, head);
        return;
      }
      case "CatchClause": {
        const head = new LexicalScope(scope, null);
        if (node.param) for (const name of patternNames(node.param)) head.declare(name, "catch");
        this.children(node, head);
        return;
      }
      default:
        this.children(node, scope);
    }
  }

  children(node: Node, scope: LexicalScope): void {
    for (const child of childNodes(node)) this.node(child, scope, node);
  }

  private fn(node: FunctionDeclaration | Extract<Node, { type: "FunctionExpression" | "ArrowFunctionExpression" }>, outer: LexicalScope): void {
    let enclosing = outer;
    if (node.type === "FunctionExpression" && node.id) {
      enclosing = new LexicalScope(outer, null);
      enclosing.declare(node.id.name, "function");
    }
    const body = node.body;
    const scope = new LexicalScope(enclosing, body.type === "BlockStatement" ? body : null);
    for (const param of node.params as Pattern[]) for (const name of patternNames(param)) scope.declare(name, "param");
    if (body.type === "BlockStatement") {
      for (const declaration of hoistedVars(body.body)) scope.declareVariables(declaration);
      scope.declareLexical(body.body as Statement[]);
    }
    for (const param of node.params) this.node(param, scope, node);
    // The body's own declarations are in the function's scope: walk its statements, not a new block.
    if (body.type === "BlockStatement") this.children(body, scope);
    else this.node(body, scope, node);
  }
}
