/** @file Types of the custom matchers registered in test/setup.ts. */
import "vitest";

interface AllcloseMatchers<R = unknown> {
  toBeAllclose(expected: unknown, options?: { rtol?: number; atol?: number }): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends AllcloseMatchers<T> {}
}
