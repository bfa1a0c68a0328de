/** @file Types of test/browser/random-data.js. */

/** `length` values in [-1, 1) from the seed (mulberry32). */
export declare function randomData(length: number, seed: number): number[];
