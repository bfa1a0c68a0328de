/**
 * @file The examples as a user runs them (`npm run examples`, in a child
 * process): they finish, print values that agree with their closed forms,
 * and write SVG plots (vega-lite, rendered by vega) that are well-formed and
 * draw the expected number of lines, points and heat-map cells.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkXml } from "./helpers/xml";

const repo = fileURLToPath(new URL("..", import.meta.url));
let out = "";
let stdout = "";

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "kernex-examples-"));
  stdout = execFileSync(process.execPath, ["scripts/run-ts.mjs", "examples/run-all.ts"], {
    cwd: repo,
    env: { ...process.env, KERNEX_OUT: out },
    encoding: "utf8",
    timeout: 120_000,
  });
}, 150_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The number printed after `label` in the examples' output. */
function printed(label: string): number {
  const at = stdout.indexOf(label);
  expect(at, `"${label}" in the output:\n${stdout}`).toBeGreaterThanOrEqual(0);
  const m = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/.exec(stdout.slice(at + label.length));
  return Number(m![0]);
}

describe("npm run examples", () => {
  it("prints the quick example's and the seed README's results", () => {
    expect(stdout).toContain("kmap : [ 6, 9, 12 ]");
    expect(stdout).toContain("kscan: [ 6, 13, 22 ]");
    expect(stdout).toContain("laplacian of arange(25)² on a 5x5 grid: [ [ 52, 52, 52 ], [ 52, 52, 52 ], [ 52, 52, 52 ] ]");
    expect(stdout).toContain("patch at (0, 0): [ [ 0, 0, 0 ], [ 0, 1, 2 ], [ 0, 6, 7 ] ]");
    expect(stdout).toContain("max pool: [ [ 13, 15 ], [ 23, 25 ] ] avg pool: [ [ 7, 9 ], [ 17, 19 ] ]");
  });

  it("linear convection moves the wave by c·tmax", () => {
    expect(printed("the wave moved")).toBeCloseTo(0.25, 4);
  });

  it("linear convection as a foriLoop of smap steps equals a plain loop and moves the wave by c·tmax", () => {
    expect(printed("convection loop: 150 steps, the wave moved")).toBeCloseTo(0.25, 4);
    expect(printed("convection loop: max difference from a plain JavaScript loop")).toBeLessThan(1e-12);
  });

  it("the wave equation (a foriLoop with two carries) agrees with the closed forms and a plain loop", () => {
    expect(printed("wave equation: max error vs the scheme's closed form")).toBeLessThan(1e-9);
    expect(printed("wave equation: max error vs the PDE's closed form")).toBeLessThan(1e-3);
    expect(printed("wave equation: max difference from a plain JavaScript loop")).toBeLessThan(1e-12);
  });

  it("RK4 as a kscan agrees with the closed form", () => {
    const error = printed("max error over 100 steps of dt = 0.1:");
    expect(error).toBeLessThan(1e-5);
  });

  it("2-D diffusion agrees with the closed form", () => {
    expect(printed("max error vs the closed form")).toBeLessThan(2e-3);
  });

  it("heat on a torus is conserved", () => {
    expect(stdout).toContain("max u decreased at every step: yes");
    expect(printed("largest relative drift")).toBeLessThan(1e-12);
  });

  /**
   * The marks each plot must draw, as vega renders them: one SVG path per
   * line of a line plot, per point marker and per heat-map cell.
   */
  const plots: [string, Record<string, number>][] = [
    ["linear-convection.svg", { line: 8 }], // every 20th of 151 time rows
    ["rk4.svg", { line: 1, symbol: 101 }], // the closed form, and RK4's 101 points
    ["diffusion-2d.svg", { rect: 2 * 41 * 41 }], // two heat maps of the 41×41 grid
    ["fit-kernel.svg", { line: 1, rect: 2 * 3 * 3 }], // the loss curve, the true and the learned kernel
  ];
  for (const [name, expected] of plots) {
    it(`writes ${name}: well-formed SVG drawn by vega with the expected marks`, () => {
      const path = join(out, name);
      expect(existsSync(path), path).toBe(true);
      const text = readFileSync(path, "utf8");
      expect(text.startsWith("<svg")).toBe(true);
      expect(checkXml(text).root).toBe("svg");
      expect(svgMarks(text)).toEqual(expected);
      expect(text, "no NaN or Infinity in coordinates").not.toMatch(/NaN|Infinity/);
    });
  }
});

/** Count the SVG paths of each kind of vega mark (line, symbol, rect, ...), legends and axes left out. */
function svgMarks(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  // mark groups of these kinds hold only paths, so the first closing </g> ends them
  for (const m of svg.matchAll(/<g class="mark-(line|symbol|rect|area|rule) role-mark[^"]*"[^>]*>(.*?)<\/g>/gs)) {
    const paths = (m[2]!.match(/<path\b/g) ?? []).length;
    if (paths > 0) counts[m[1]!] = (counts[m[1]!] ?? 0) + paths;
  }
  return counts;
}

describe("checkXml", () => {
  it("accepts well-formed text and rejects the usual breakages", () => {
    expect(checkXml('<svg a="1"><g><text>a &lt; b</text></g><rect/></svg>').counts.get("g")).toBe(1);
    expect(() => checkXml("<svg><g></svg>")).toThrow(/closes <g>/);
    expect(() => checkXml("<svg><g>")).toThrow(/unclosed/);
    expect(() => checkXml('<svg a="1" a="2"></svg>')).toThrow(/repeated/);
    expect(checkXml('<svg aria-label="t = 0.1, t = 0.2"></svg>').root).toBe("svg");
    expect(() => checkXml("<svg><text>a & b</text></svg>")).toThrow(/bad "&"/);
    expect(() => checkXml("<svg x=1></svg>")).toThrow(/malformed/);
    expect(() => checkXml("<svg></svg><svg></svg>")).toThrow(/second root/);
  });
});
