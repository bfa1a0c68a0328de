/**
 * @file The README and the pages of docs/ are true: every ```ts block runs
 * (with `kex` from the sources, as `import * as kex from "kernex"` gives it),
 * and the values written in its comments are checked; the README starts with
 * its two set-up commands, stays within 300 lines, prints what
 * `npm run example` prints, and its links to files lead somewhere. Two forms
 * of comment are checked:
 *
 *     expression; // [6, 9, 12]          a value written as JSON after the statement
 *     console.log(expression);           an expression alone on its line (or logged),
 *     // { lambda a:f64[3] . ...          followed by comment lines: its printed text,
 *                                        or "Name: message" of the error it throws
 *
 * Text is compared with runs of whitespace collapsed, so comments may wrap.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";
import * as kex from "kernex";
import { describe, expect, it } from "vitest";

const repo = new URL("..", import.meta.url);
const readme = readFileSync(new URL("README.md", repo), "utf8");
/** The checked pages: the README and every page of docs/. */
const pages: readonly string[] = ["README.md", ...readdirSync(new URL("docs/", repo)).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

interface Block {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

/** The ```ts blocks of a markdown page, with the line each starts on. */
function tsBlocks(file: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== "```ts") continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== "```") end++;
    blocks.push({ file, line: start + 1, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return blocks;
}

/** A checked comment: what the statement must give, and where it is in the README. */
interface Expectation {
  readonly where: string;
  readonly json?: unknown;
  readonly text?: string;
}

const DECLARATION = /^(const|let|var|function|class|import|export|if|for|while|return|try)\b/;

/**
 * Rewrite the checked statements of a block into calls of `__check(k, () => expression)`
 * and collect their expectations (k indexes them).
 */
function instrument(block: Block): { code: string; expectations: Expectation[] } {
  const lines = block.code.split("\n").filter((l) => !/^import \* as kex from "kernex";$/.test(l.trim()));
  const expectations: Expectation[] = [];
  const out: string[] = [];
  let statementStart = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*\/\//.test(line)) {
      out.push(line);
      continue;
    }
    const where = `${block.file}, block at line ${block.line}: ${line.trim()}`;
    const trailing = /^(\s*)(.+?);\s*\/\/\s*(.+?)\s*$/.exec(line);
    let json: unknown;
    let isJson = false;
    if (trailing) {
      try {
        json = JSON.parse(trailing[3]!);
        isJson = true;
      } catch {
        isJson = false;
      }
    }
    const alone = /^(\s*)(.+);\s*$/.exec(line);
    const nextIsComment = /^\s*\/\/ /.test(lines[i + 1] ?? "");
    if (statementStart && trailing && isJson && !DECLARATION.test(trailing[2]!)) {
      out.push(`${trailing[1]}__check(${expectations.length}, () => (${trailing[2]}));`);
      expectations.push({ where, json });
    } else if (statementStart && alone && nextIsComment && !DECLARATION.test(alone[2]!) && !/=/.test(alone[2]!.replace(/=>|[=!<>]==?/g, ""))) {
      const logged = /^console\.log\((.+)\)$/.exec(alone[2]!);
      const comment: string[] = [];
      for (let j = i + 1; j < lines.length && /^\s*\/\/ /.test(lines[j]!); j++) comment.push(lines[j]!.replace(/^\s*\/\/ /, ""));
      out.push(`${alone[1]}__check(${expectations.length}, () => (${logged ? logged[1] : alone[2]}));`);
      expectations.push({ where, text: comment.join("\n") });
    } else {
      out.push(line);
    }
    const code = line.replace(/\/\/.*$/, "").trim();
    if (code !== "") statementStart = /[;{}]$/.test(code);
  }
  return { code: out.join("\n"), expectations };
}

const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

const blocks = pages.flatMap((file) => tsBlocks(file, readFileSync(new URL(file, repo), "utf8")));

describe("README.md for users", () => {
  it("opens with the two set-up commands", () => {
    const lines = readme.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "# kernex",
      "",
      "```sh",
      "npm install && npm run example   # installs, then runs the quick example and prints its result",
      "npm test                         # runs the test suite",
      "```",
    ]);
  });

  it("is at most 300 lines", () => {
    expect(readme.trimEnd().split("\n").length).toBeLessThanOrEqual(300);
  });

  it("shows what `npm run example` prints", () => {
    const shown = /`npm run example` runs[^\n]* and prints:\s*```text\n([\s\S]*?)```/.exec(readme);
    expect(shown, "the ```text block after `npm run example`").not.toBeNull();
    const printed = execFileSync(process.execPath, ["scripts/run-ts.mjs", "examples/quick.ts"], { cwd: fileURLToPath(repo), encoding: "utf8", timeout: 60_000 });
    expect(printed.trim()).toBe(shown![1]!.trim());
  }, 60_000);

  it("links only to files that exist", () => {
    for (const file of pages) {
      const text = readFileSync(new URL(file, repo), "utf8");
      const base = new URL(file, repo);
      const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
      for (const target of targets) expect(existsSync(new URL(target, base)), `${file} links to ${target}`).toBe(true);
    }
  });
});

describe("the code blocks of README.md and docs/", () => {
  it("are there, with checked values", () => {
    expect(blocks.filter((b) => b.file === "README.md").length).toBeGreaterThanOrEqual(8);
    expect(blocks.reduce((n, b) => n + instrument(b).expectations.length, 0)).toBeGreaterThan(20);
  });

  for (const block of blocks) {
    it(`${block.file}: block at line ${block.line} runs and its comments are true`, async () => {
      const { code, expectations } = instrument(block);
      const js = (await transform(code, { loader: "ts", format: "esm", target: "es2022" })).code;
      const checked = new Set<number>();
      const check = (k: number, f: () => unknown): void => {
        const e = expectations[k]!;
        checked.add(k);
        if (e.text !== undefined) {
          let printed: string;
          try {
            printed = String(f());
          } catch (error) {
            printed = `${(error as Error).name}: ${(error as Error).message}`;
          }
          expect(collapse(printed), e.where).toBe(collapse(e.text));
          return;
        }
        const value = f();
        const plain = value instanceof kex.NDArray ? value.toArray() : value;
        if (typeof e.json === "number") expect(plain, e.where).toBeCloseTo(e.json, 12);
        else expect(plain, e.where).toEqual(e.json);
      };
      const quiet = { ...console, log: () => undefined };
      const run = new Function("kex", "__check", "console", `return (async () => {\n${js}\n})();`) as (k: typeof kex, c: typeof check, q: Console) => Promise<void>;
      await run(kex, check, quiet);
      expect(checked.size, `every checked comment of ${block.file}'s block at line ${block.line} was reached`).toBe(expectations.length);
    });
  }
});
