/**
 * @file `kernex/esbuild`: the esbuild plugin. Its `onLoad` reads each
 * JavaScript or TypeScript module that imports "kernex" (outside
 * node_modules), strips TypeScript and JSX with esbuild's own `transform`
 * (keeping a source map), and records the module's kernels (transform.ts),
 * before esbuild bundles or minifies anything.
 *
 * @example
 * import { build } from "esbuild";
 * import kernex from "kernex/esbuild";
 * await build({ entryPoints: ["app.ts"], bundle: true, minify: true, plugins: [kernex()] });
 */

import { readFile } from "node:fs/promises";
import type { Loader, OnLoadResult, Plugin, PluginBuild } from "esbuild";
import { badValue } from "../errors";
import { mentionsKernex, transformKernels } from "./transform";

/**
 * Options of the esbuild plugin.
 *
 * @example
 * kernex({ filter: /\.ts$/ });
 */
export interface KernexEsbuildOptions {
  /** Which files to look at (esbuild's onLoad filter); default every .js/.jsx/.ts/.tsx/.mjs/.cjs/.mts/.cts file outside node_modules. */
  readonly filter?: RegExp;
}

const DEFAULT_FILTER = /\.[cm]?[jt]sx?$/;

/** The loader esbuild would pick for a file, by extension. */
function loaderOf(path: string): Loader {
  if (/\.[cm]?tsx$/.test(path)) return "tsx";
  if (/\.[cm]?ts$/.test(path)) return "ts";
  if (/\.jsx$/.test(path)) return "jsx";
  return "js";
}

async function load(build: PluginBuild, path: string): Promise<OnLoadResult | undefined> {
  if (/[\\/]node_modules[\\/]/.test(path)) return undefined;
  const text = await readFile(path, "utf8");
  if (!mentionsKernex(text)) return undefined;
  const loader = loaderOf(path);
  let code = text;
  if (loader !== "js") {
    const o = build.initialOptions;
    // A module esbuild cannot transform on its own is left to the build, which reports the error in context.
    const stripped = await build.esbuild.transform(text, {
      loader,
      format: "esm",
      target: "esnext",
      sourcemap: "inline",
      sourcefile: path,
      jsx: o.jsx,
      jsxFactory: o.jsxFactory,
      jsxFragment: o.jsxFragment,
      jsxImportSource: o.jsxImportSource,
      jsxDev: o.jsxDev,
      tsconfigRaw: o.tsconfigRaw,
    }).catch(() => null);
    if (stripped === null) return undefined;
    code = stripped.code;
  }
  const result = transformKernels(code);
  if (result === null) return undefined;
  return { contents: result.code, loader: "js" };
}

/**
 * The esbuild plugin that records kernels' sources and binds their free
 * variables at build time, so minified bundles keep working and closures
 * work in kernels.
 *
 * @example
 * await build({ entryPoints: ["app.ts"], bundle: true, minify: true, plugins: [kernexEsbuild()] });
 */
export default function kernexEsbuild(options: KernexEsbuildOptions = {}): Plugin {
  if (typeof options !== "object" || options === null) badValue("kernex/esbuild: options", options, "an object such as { filter: /\\.ts$/ }");
  const filter = options.filter ?? DEFAULT_FILTER;
  if (!(filter instanceof RegExp)) badValue("kernex/esbuild: options.filter", filter, "a RegExp");
  return {
    name: "kernex",
    setup(build) {
      build.onLoad({ filter }, (args) => (args.namespace === "file" ? load(build, args.path) : undefined));
    },
  };
}
