/**
 * @file A helper module of the bundler test app: a self-contained function
 * that kernels use through an import.
 */

/** The cube of a value; kernels call it on window values. */
export function cube(v) {
  return v * v * v;
}
