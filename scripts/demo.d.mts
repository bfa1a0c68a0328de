/** @file Types of scripts/demo.mjs, for the browser test that starts the live page. */

/** A running demo server. */
export interface Demo {
  /** The page's URL, ending in "/". */
  readonly url: string;
  close(): Promise<void>;
}

/** Bundle the live page and serve it on 127.0.0.1 (port 0: a free one). */
export declare function startDemo(options?: { port?: number }): Promise<Demo>;
