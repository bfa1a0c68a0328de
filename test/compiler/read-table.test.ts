/**
 * @file Read tables (compiler/codegen/read-table.ts) are filled by runs and
 * periods, not one padIndex call per entry; every entry must still equal
 * padIndex's answer, for every pad mode, axis length, padding and stride.
 */
import { describe, expect, it } from "vitest";
import { PAD_SENTINEL, readTable } from "../../compiler/codegen/read-table";
import { padIndex } from "../../compiler/geometry/pad-index";
import type { PadMode, StencilSpec } from "../../compiler/primitives";

const modes: readonly PadMode[] = ["constant", "edge", "wrap", "reflect", "symmetric"];

describe("read tables", () => {
  it("equal padIndex entry by entry (axis 1 of a [2, n] input: entries are source index × 1)", () => {
    let cases = 0;
    const mismatches: string[] = [];
    for (const mode of modes) {
      for (const n of [1, 2, 3, 5, 8]) {
        for (const before of [-2, 0, 1, 3, 17]) {
          for (const after of [0, 2, 19]) {
            for (const k of [1, 2, 4]) {
              for (const stride of [1, 3]) {
                const span = n + before + after - k;
                if (span < 0) continue;
                const spec: StencilSpec = {
                  kind: "map", placement: "grid", inShape: [2, n], kernelSize: [1, k], strides: [1, stride], dilation: [1, 1],
                  padding: [[0, 0], [before, after]], padMode: ["constant", mode], padValue: 0, reverse: false, gridShape: [2, Math.floor(span / stride) + 1],
                };
                const { table, shift } = readTable(spec, 1);
                cases++;
                const expected = Array.from(table, (_, i) => {
                  const s = padIndex(i - shift, n, mode);
                  return s < 0 ? PAD_SENTINEL : s;
                });
                if (Array.from(table).join() !== expected.join()) mismatches.push(`${mode} n=${n} padding [${before}, ${after}] k=${k} stride=${stride}`);
              }
            }
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(1000);
    expect(mismatches).toEqual([]);
  });

  it("scales entries by the axis stride (axis 0 of a [5, 3] input)", () => {
    const spec: StencilSpec = {
      kind: "map", placement: "grid", inShape: [5, 3], kernelSize: [3, 1], strides: [1, 1], dilation: [1, 1],
      padding: [[2, 2], [0, 0]], padMode: ["reflect", "constant"], padValue: 0, reverse: false, gridShape: [7, 3],
    };
    const { table, shift } = readTable(spec, 0);
    expect(shift).toBe(2);
    // reflect: c b | a b c d e | d c
    expect(Array.from(table)).toEqual([2, 1, 0, 1, 2, 3, 4, 3, 2].map((i) => 3 * i));
  });
});
