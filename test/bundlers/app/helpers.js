/**
 * @file A helper module of the bundler test app: functions kernels use
 * through an import. `scaledCube` uses this module's constant and another
 * helper, so it asks the build plugins to record it with "use kernex".
 */

/** The cube of a value; kernels call it on window values. */
export function cube(v) {
  return v * v * v;
}

const SCALE = 2;

/** Twice the cube: uses a constant and a helper of its own module. */
export function scaledCube(v) {
  "use kernex";
  return SCALE * cube(v);
}
