/**
 * @file `npm run demo`: serves the live page (examples/web/) on 127.0.0.1.
 * At start it bundles kernex for the browser and the page's script with
 * esbuild, in memory, as two modules: the page imports `kernex` from
 * /kernex.js, so its kernels keep `kex.sum(...)` as written (kernels are
 * rebuilt from their source). Every response carries the COOP/COEP headers
 * that make the page cross-origin isolated, which gives it SharedArrayBuffer
 * and so kernex's Web Workers. `startDemo` is what test/browser/demo.test.ts
 * calls; run directly, it serves until stopped (port: `--port N`, default 8080;
 * 0 picks a free port).
 */
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const web = fileURLToPath(new URL("../examples/web/", import.meta.url));

/** The page imports `kernex`; in the browser that is the sibling module /kernex.js. */
const kernexAsModule = {
  name: "kernex-as-module",
  setup(b) {
    b.onResolve({ filter: /^kernex$/ }, () => ({ path: "/kernex.js", external: true }));
  },
};

/** Bundle one entry in memory; returns its JavaScript text. */
async function bundle(entry, plugins) {
  const result = await build({ entryPoints: [entry], absWorkingDir: repo, bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, plugins, logLevel: "warning" });
  return result.outputFiles[0].text;
}

/**
 * Build the page and serve it; resolves to its URL and a `close()`.
 *
 * @example
 * const demo = await startDemo({ port: 0 });
 * console.log(demo.url); // http://127.0.0.1:41234/
 * await demo.close();
 */
export async function startDemo({ port = 8080 } = {}) {
  const [html, main, kernex] = await Promise.all([readFile(`${web}index.html`), bundle("examples/web/main.ts", [kernexAsModule]), bundle("src/index.ts", [])]);
  const files = {
    "/": { type: "text/html; charset=utf-8", body: html },
    "/main.js": { type: "text/javascript; charset=utf-8", body: main },
    "/kernex.js": { type: "text/javascript; charset=utf-8", body: kernex },
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const file = files[path === "/index.html" ? "/" : path];
    const headers = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp", "Cache-Control": "no-store" };
    if (file === undefined) {
      response.writeHead(404, { ...headers, "Content-Type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { ...headers, "Content-Type": file.type }).end(file.body);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // a browser keeps connections alive; they would hold close() open
    });
  return { url, close };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flag = process.argv.indexOf("--port");
  const port = flag >= 0 ? Number(process.argv[flag + 1]) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`demo: --port must be an integer in [0, 65535], got ${process.argv[flag + 1]}`);
    process.exit(2);
  }
  const demo = await startDemo({ port });
  console.log(`kernex demo: open ${demo.url} (Ctrl+C stops it)`);
}
