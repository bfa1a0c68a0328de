/**
 * @file One test per KernexError of the kernel front end: each message names
 * the construct or value, the kernel, and what is expected or supported.
 */

import { describe, expect, it } from "vitest";
import { KernexError } from "../../src/errors";
import { compileKernel, parseKernelSource, SUPPORTED_SYNTAX } from "../../src/kernel";

/** The KernexError that `run` throws (fails the test if it throws something else or nothing). */
function errorOf(run: () => unknown): KernexError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KernexError);
    return error as KernexError;
  }
  throw new Error("expected a KernexError, but nothing was thrown");
}

/** Compile kernel source text (for syntax TypeScript or strict mode would not accept in this file). */
function fromSource(source: string, name = "k"): KernexError {
  return errorOf(() => parseKernelSource(source, `kernel ${JSON.stringify(name)}`));
}

function expectUnsupported(error: KernexError, construct: string, name = "k"): void {
  expect(error.message).toContain(`kernel "${name}" uses unsupported syntax: ${construct}`);
  expect(error.message).toContain(SUPPORTED_SYNTAX);
}

describe("what is not a kernel", () => {
  it("rejects a non-function", () => {
    expect(errorOf(() => compileKernel(3, {})).message).toBe("kernel: got 3, expected a function");
  });

  it("rejects native functions", () => {
    const message = errorOf(() => compileKernel(Math.sin, {})).message;
    expect(message).toMatch(/^kernel "sin" is a native or bound function/);
    expect(message).toContain("Pass a function written in JavaScript");
  });

  it("rejects bound functions", () => {
    const bound = ((x: number[]) => x[0]).bind(null);
    expect(errorOf(() => compileKernel(bound, { name: "shift" })).message).toMatch(
      /^kernel "shift" is a native or bound function/,
    );
  });

  it("reports unparsable source with acorn's message and the position in the kernel", () => {
    const message = fromSource("(x) =>\n  x[0] +", "broken").message;
    expect(message).toBe(
      'kernel "broken": could not parse its source: Unexpected token at line 2, column 9. ' +
        "Kernels must be arrow functions, function expressions or object-literal methods.",
    );
  });

  it("reports an unparsable method with the method form's error", () => {
    expect(fromSource("lap(x) { return x[0] +; }", "lap").message).toMatch(
      /^kernel "lap": could not parse its source: Unexpected token at line 1, column 23/,
    );
  });

  it("rejects source that is not a function", () => {
    expect(fromSource("x + 1", "expr").message).toMatch(/^kernel "expr": its source "x \+ 1" is not a function/);
  });

  it("rejects bad options", () => {
    expect(errorOf(() => compileKernel((x: number) => x, { scope: 3 as never })).message).toBe(
      "options.scope: got 3, expected an object mapping names to values",
    );
    expect(errorOf(() => compileKernel((x: number) => x, { scope: new Map() as never })).message).toMatch(
      /^options.scope: got .*, expected an object mapping names to values$/,
    );
    expect(errorOf(() => compileKernel((x: number) => x, { name: 5 as never })).message).toBe(
      "options.name: got 5, expected a string",
    );
  });
});

describe("source forms", () => {
  it("accepts method shorthand, quoted and computed method names", () => {
    const methods = {
      plain(x: number) {
        return x * 2;
      },
      "quoted name"(x: number) {
        return x * 2;
      },
      [Symbol.for("computed")](x: number) {
        return x * 2;
      },
    };
    for (const fn of [methods.plain, methods["quoted name"], methods[Symbol.for("computed")]]) {
      expect(compileKernel(fn, {}).source).toBe("function (x) {\n  return __k.mul(x, 2);\n}");
    }
  });
});

describe("unsupported syntax", () => {
  it("async functions", () => {
    expectUnsupported(errorOf(() => compileKernel(async (x: number) => x, { name: "k" })), "an async function");
  });

  it("async methods", () => {
    const methods = {
      async m(x: number) {
        return x;
      },
    };
    expectUnsupported(errorOf(() => compileKernel(methods.m, {})), "an async function", "m");
  });

  it("nested async arrows", () => {
    expectUnsupported(fromSource("(x) => { const f = async () => 1; return x; }"), "an async function");
  });

  it("generators", () => {
    expectUnsupported(
      errorOf(() =>
        compileKernel(function* gen(x: number) {
          yield x;
        }, {}),
      ),
      "a generator function",
      "gen",
    );
  });

  it("classes", () => {
    expectUnsupported(fromSource("(x) => { class A {} return x; }"), "a class");
  });

  it("a class as the kernel", () => {
    expectUnsupported(
      errorOf(() => compileKernel(class Stencil {}, {})),
      "a class",
      "Stencil",
    );
  });

  it("this", () => {
    expectUnsupported(
      errorOf(() =>
        compileKernel(function (this: { k: number }, x: number) {
          return this.k * x;
        }, { name: "k" }),
      ),
      '"this"',
    );
  });

  it("arguments", () => {
    expectUnsupported(fromSource("function (x) { return arguments[0]; }"), '"arguments" (name the parameters instead)');
  });

  it("new", () => {
    expectUnsupported(errorOf(() => compileKernel((x: number) => new Array(x), { name: "k" })), '"new"');
  });

  it("with", () => {
    expectUnsupported(fromSource("function (x) { with (x) { return a; } }"), '"with"');
  });

  it("eval", () => {
    expectUnsupported(fromSource('(x) => eval("x")'), '"eval"');
  });

  it("tagged templates", () => {
    expectUnsupported(fromSource("(x) => String.raw`a${x}`"), "a tagged template");
  });

  it("getters as kernels", () => {
    const getter = Object.getOwnPropertyDescriptor({ get g() { return 1; } }, "g")?.get;
    expectUnsupported(errorOf(() => compileKernel(getter, { name: "k" })), "a getter or setter");
  });

  it("getters and setters inside kernels", () => {
    expectUnsupported(fromSource("(x) => ({ set v(a) {} })"), "a getter or setter");
  });

  it("super", () => {
    const methods = {
      m(x: number): number {
        return super.valueOf() === x ? 1 : 0;
      },
    };
    expectUnsupported(errorOf(() => compileKernel(methods.m, {})), '"super"', "m");
  });

  it("import()", () => {
    expectUnsupported(fromSource('(x) => import("node:fs")'), '"import()"');
  });

  it("new.target", () => {
    expectUnsupported(fromSource("function (x) { return new.target; }"), '"new.target"');
  });

  it("optional chaining", () => {
    expectUnsupported(fromSource("(x) => x?.[0]"), "optional chaining (?.)");
  });

  it("bitwise operators", () => {
    expectUnsupported(errorOf(() => compileKernel((x: number) => x & 1, { name: "k" })), 'the bitwise operator "&"');
    expectUnsupported(fromSource("(x) => ~x"), 'the bitwise operator "~"');
  });

  it("bitwise compound assignment", () => {
    expectUnsupported(fromSource("(x) => { let a = x; a <<= 1; return a; }"), 'the bitwise operator "<<" (in "<<=")');
  });

  it("in and instanceof", () => {
    expectUnsupported(fromSource('(x) => "a" in x'), 'the operator "in"');
    expectUnsupported(fromSource("(x) => x instanceof Array"), 'the operator "instanceof"');
  });

  it("typeof, void and delete", () => {
    expectUnsupported(fromSource('(x) => typeof x === "number"'), 'the operator "typeof"');
    expectUnsupported(fromSource("(x) => void x"), 'the operator "void"');
    expectUnsupported(fromSource("(x) => delete x.a"), 'the operator "delete"');
  });

  it("??", () => {
    expectUnsupported(fromSource("(x) => x ?? 1"), 'the operator "??"');
  });

  it("assignment into an array", () => {
    const message = fromSource("(x) => { const out = [0]; out[0] = x; return out; }").message;
    expect(message).toContain('uses unsupported syntax: assignment to an element or property');
    expect(message).toContain('at line 1, column 27 ("out[0]")');
  });

  it("compound assignment to a property", () => {
    expectUnsupported(fromSource("(x) => { const o = { p: 1 }; o.p += x; return o; }"), "assignment to an element or property");
  });

  it("destructuring into an element", () => {
    expectUnsupported(fromSource("(x) => { const a = [0]; [a[0]] = [x]; return a; }"), "assignment to an element or property");
  });

  it("++ on an element", () => {
    expectUnsupported(fromSource("(x) => { x[0]++; return x; }"), '"++" on an element or property');
  });
});

describe("reserved names", () => {
  it("rejects identifiers starting with __k", () => {
    expect(fromSource("(__k) => __k", "r").message).toMatch(
      /^kernel "r" uses the name "__k" at line 1, column 2 .*reserved for the rewritten kernel code/,
    );
  });

  it("rejects identifiers starting with __s", () => {
    expect(fromSource("(x) => { const __scope = 1; return x; }", "r").message).toMatch(/uses the name "__scope"/);
  });

  it("allows such names as property names", () => {
    expect(() => parseKernelSource("(x) => x.__kind", "k")).not.toThrow();
  });
});

describe("outside state", () => {
  it("rejects assignment to a variable declared outside", () => {
    let total = 0;
    const kernel = (x: number) => {
      total = x;
      return total;
    };
    expect(errorOf(() => compileKernel(kernel, { name: "acc" })).message).toBe(
      'kernel "acc" assigns to "total", which is not declared inside it. Kernels cannot change variables ' +
        "outside themselves: declare the variable inside the kernel (let total = ...) or return the value instead.",
    );
  });
});
