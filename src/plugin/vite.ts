/**
 * @file `kernex/vite`: the Vite plugin, which is also a Rollup plugin (it
 * uses only the `transform` hook). Vite runs it after its own TypeScript and
 * JSX transform and before bundling and minification; it records the
 * module's kernels (transform.ts). Edits only insert text on existing
 * lines, so it returns `map: null`, which tells Rollup and Vite to keep the
 * existing source map: lines stay right, and on a line where a kernel was
 * wrapped, columns after the wrapper's start are off by its length.
 *
 * @example
 * // vite.config.ts
 * import kernex from "kernex/vite";
 * export default { plugins: [kernex()] };
 */

import { badValue } from "../errors";
import { transformKernels } from "./transform";

/**
 * Options of the Vite/Rollup plugin.
 *
 * @example
 * kernex({ include: /src\/.*\.ts$/ });
 */
export interface KernexViteOptions {
  /** Which module ids to look at; default every .js/.jsx/.ts/.tsx/.mjs/.cjs/.mts/.cts file outside node_modules. */
  readonly include?: RegExp;
}

/**
 * The plugin object: the part of Vite's and Rollup's plugin interface it uses.
 *
 * @example
 * const plugin: KernexVitePlugin = kernexVite();
 */
export interface KernexVitePlugin {
  readonly name: string;
  transform(code: string, id: string): { code: string; map: null } | null;
}

const DEFAULT_INCLUDE = /\.[cm]?[jt]sx?$/;

/**
 * The Vite (and Rollup) plugin that records kernels' sources and binds their
 * free variables at build time, so minified bundles keep working and
 * closures work in kernels.
 *
 * @example
 * export default { plugins: [kernexVite()] };
 */
export default function kernexVite(options: KernexViteOptions = {}): KernexVitePlugin {
  if (typeof options !== "object" || options === null) badValue("kernex/vite: options", options, "an object such as { include: /\\.ts$/ }");
  const include = options.include ?? DEFAULT_INCLUDE;
  if (!(include instanceof RegExp)) badValue("kernex/vite: options.include", include, "a RegExp");
  return {
    name: "kernex",
    transform(code, id) {
      const path = id.split("?")[0] ?? id;
      if (id.startsWith("\0") || /[\\/]node_modules[\\/]/.test(path) || !include.test(path)) return null;
      const result = transformKernels(code);
      return result === null ? null : { code: result.code, map: null };
    },
  };
}
