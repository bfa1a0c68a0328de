/**
 * @file The live page's simulations (examples/web/simulations.ts) against
 * plain loops: Game of Life generations on a torus cell by cell, the heat
 * step against the five-point formula with periodic neighbours, and the
 * colour maps' end points.
 */
import * as kex from "kernex";
import { describe, expect, it } from "vitest";
import { heatDrop, heatStep, lifeStep, randomBoard, seeded, toPixels } from "../../examples/web/simulations";

/** One Game of Life generation on a torus, in plain loops. */
function naiveLife(board: number[][]): number[][] {
  const [h, w] = [board.length, board[0]!.length];
  return board.map((row, i) =>
    row.map((alive, j) => {
      let n = 0;
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) if (di !== 0 || dj !== 0) n += board[(i + di + h) % h]![(j + dj + w) % w]!;
      }
      return n === 3 || (n === 2 && alive === 1) ? 1 : 0;
    }),
  );
}

/** One heat step on a torus, in plain loops. */
function naiveHeat(u: number[][], r: number): number[][] {
  const [h, w] = [u.length, u[0]!.length];
  const at = (i: number, j: number): number => u[(i + h) % h]![(j + w) % w]!;
  return u.map((row, i) => row.map((v, j) => v + r * (at(i + 1, j) + at(i - 1, j) + at(i, j + 1) + at(i, j - 1) - 4 * v)));
}

const grid = (a: kex.NDArray): number[][] => a.toArray() as number[][];

describe("Game of Life (lifeStep)", () => {
  it("agrees with plain loops for 12 generations of a random 20×17 board", () => {
    let board = randomBoard(20, seeded(5)).slice(":17, :");
    let expected = grid(board);
    expect(expected.flat().some((v) => v === 1)).toBe(true);
    for (let g = 0; g < 12; g++) {
      board = lifeStep(board);
      expected = naiveLife(expected);
      expect(grid(board)).toEqual(expected);
    }
  });

  it("moves a glider one cell diagonally in four generations, across the seam", () => {
    const n = 6;
    const cells = [[0, 1], [1, 2], [2, 0], [2, 1], [2, 2]];
    const board = (di: number, dj: number): number[][] => {
      const b = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (const [i, j] of cells) b[(i! + di) % n]![(j! + dj) % n] = 1;
      return b;
    };
    let state = kex.array(board(4, 4)); // straddles both seams
    for (let g = 0; g < 4; g++) state = lifeStep(state);
    expect(grid(state)).toEqual(board(5, 5));
  });
});

describe("heat on a torus (heatStep)", () => {
  it("agrees with the five-point formula and conserves heat", () => {
    const u0 = kex.add(heatDrop(16, seeded(9)), kex.mul(0.5, heatDrop(16, seeded(10))));
    const step = heatStep(0.2);
    let u = u0;
    let expected = grid(u0);
    for (let s = 0; s < 5; s++) {
      u = step(u);
      expected = naiveHeat(expected, 0.2);
    }
    expect(u).toBeAllclose(kex.array(expected), { rtol: 1e-12, atol: 1e-14 });
    expect(kex.sum(u).item()).toBeCloseTo(kex.sum(u0).item(), 10);
  });

  it("drops are bumps of height 1 around one cell, periodic across the seams", () => {
    const drop = heatDrop(32, seeded(3));
    expect(kex.max(drop).item()).toBe(1);
    const values = grid(drop);
    const peak = values.flat().indexOf(1);
    const [pi, pj] = [Math.floor(peak / 32), peak % 32];
    expect(values[(pi + 3) % 32]![pj]).toBeCloseTo(values[(pi - 3 + 32) % 32]![pj]!, 12);
  });
});

describe("toPixels", () => {
  it("maps life cells to two colours and heat through the colour map's ends", () => {
    expect(Array.from(toPixels(kex.array([[0, 1]]), "life", 1))).toEqual([24, 28, 40, 255, 240, 240, 230, 255]);
    expect(Array.from(toPixels(kex.array([[0, 2, 9]]), "heat", 2))).toEqual([0, 0, 4, 255, 252, 255, 164, 255, 252, 255, 164, 255]);
  });
});
