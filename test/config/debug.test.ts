/**
 * @file `kex.config({ debug })`: level 1 reports compile events (what was
 * compiled, for which shapes, how long), 2 adds the IR after each pass, 3 the
 * generated JavaScript, 4 worker dispatch; every line goes to stderr (never
 * stdout, where the program's own output is) and starts with `[kernex]`
 * (issue #18: `debug: 1` printed nothing and the others printed to stdout).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as kex from "kernex";
import { afterEach, describe, expect, it, vi } from "vitest";

/** The debug lines a fresh kernel (new source, so nothing cached) writes at `level`, and whether anything reached console.log. */
function debugLines(level: kex.DebugLevel, width: number): { lines: string[]; stdout: unknown[] } {
  const lines: string[] = [];
  const stdout: unknown[] = [];
  const err = vi.spyOn(process.stderr, "write").mockImplementation((text: unknown) => {
    lines.push(...String(text).split("\n").filter((l) => l !== ""));
    return true;
  });
  const out = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void stdout.push(args));
  kex.config({ debug: level });
  try {
    // a kernel with a distinct constant per call: compiled anew, not found in a cache
    const f = kex.jit((x) => kex.kmap({ kernelSize: [3, 2], scope: { width } }, (w) => w[0][0] * width + w[2][1])(x));
    expect(f(kex.ones([6, 5])).shape).toEqual([4, 4]);
  } finally {
    kex.config({ debug: 0 });
    err.mockRestore();
    out.mockRestore();
  }
  return { lines, stdout };
}

afterEach(() => {
  kex.config({ debug: 0 });
});

describe("debug levels", () => {
  it("0 prints nothing", () => {
    expect(debugLines(0, 1.25)).toEqual({ lines: [], stdout: [] });
  });

  it("1 reports what was compiled, for which shapes, and how long it took", () => {
    const { lines, stdout } = debugLines(1, 2.25);
    expect(stdout).toEqual([]);
    expect(lines.every((l) => l.startsWith("[kernex] "))).toBe(true);
    expect(lines.some((l) => /^\[kernex\] jit: traced .* for \(float64\[6,5\]\): \d+ equations$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\[kernex\] compiled stencil \(map\) over \[6, 5\], window \[3, 2\], grid \[4, 4\] in \d+\.\d ms$/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes("after ") || l.includes("generated"))).toBe(false);
  });

  it("2 adds the IR after each pass, 3 the generated code", () => {
    const two = debugLines(2, 3.25).lines;
    expect(two.some((l) => l.startsWith("[kernex] after "))).toBe(true);
    // the lowered loop IR the emitter prints: its buffers and the entry point
    expect(two.some((l) => l.startsWith("[kernex] lowered (simplified, verified, outlined):"))).toBe(true);
    expect(two.some((l) => /^\[kernex\] main\(f, t, s, lo, hi, k\):$/.test(l))).toBe(true);
    expect(two.some((l) => l.includes("generated stencil code"))).toBe(false);
    const three = debugLines(3, 4.25).lines;
    expect(three.some((l) => l.includes("generated stencil code"))).toBe(true);
    expect(three.some((l) => l.includes("for (let"))).toBe(true);
  });

  it("rejects levels outside 0 to 4, naming the setting and the value", () => {
    expect(() => kex.config({ debug: 5 as kex.DebugLevel })).toThrowError(/config: debug.*5.*an integer from 0 to 4/);
  });

  it("writes to stderr only: a program's stdout holds just its own output", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const r = spawnSync(process.execPath, ["scripts/run-ts.mjs", "test/config/debug-script.ts", "3"], { cwd: root, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("[3,6,9]\n");
    expect(r.stderr).toMatch(/^\[kernex\] compiled stencil \(map\) over \[5\], window \[3\], grid \[3\] in /m);
    expect(r.stderr).toContain("[kernex] generated stencil code:");
  });
});
