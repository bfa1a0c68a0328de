/**
 * @file A tiny static file server for the browser test (node:http, no
 * dependencies). With `isolated: true` every response carries the
 * COOP/COEP headers that make a page cross-origin isolated, which is what
 * gives it SharedArrayBuffer (and so kernex's Web Worker sharding).
 */
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { AddressInfo } from "node:net";

/** A running server: its base URL and how to stop it. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
};

/**
 * Serve `files` (URL path → file on disk) on 127.0.0.1 at a free port.
 *
 * @example
 * const server = await serve({ "/": "test/browser/index.html" }, { isolated: true });
 * await server.close();
 */
export async function serve(files: Readonly<Record<string, string>>, options: { isolated: boolean }): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = files[path];
    const headers: Record<string, string> = { "Cache-Control": "no-store" };
    if (options.isolated) {
      headers["Cross-Origin-Opener-Policy"] = "same-origin";
      headers["Cross-Origin-Embedder-Policy"] = "require-corp";
    }
    if (file === undefined) {
      response.writeHead(404, { ...headers, "Content-Type": "text/plain" }).end(`not found: ${path}`);
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body),
      (error: Error) => response.writeHead(500, { ...headers, "Content-Type": "text/plain" }).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
