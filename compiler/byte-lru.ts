/**
 * @file The cache policy of kernex's kernel cache (runtime/kernel-cache.ts:
 * compiled stencils, sweeps and loops with their index tables, source and
 * generated functions): least recently used first out, bounded by entries
 * and by retained bytes; the owner says what an entry retains. A count alone
 * does not bound memory: a compiled 1-D stencil keeps an index table of 4
 * bytes per input cell, so 300 shapes of ~2e6 cells used to keep ~2.8 GB.
 *
 * The newest entry is always kept, even alone above the byte bound: it is
 * what the caller is using (its tables are at most half the size of the
 * input array the caller holds), and dropping it would rebuild it on every
 * call. So retained bytes stay at most max(maxBytes, the newest entry).
 */

/**
 * An LRU map bounded by entries and retained bytes.
 *
 * @example
 * const cache = new ByteLru<string, Int32Array>("tables", 256, 64 << 20);
 * cache.set("k", new Int32Array(10), 40);
 * cache.get("k"); // the table, now most recently used
 */
export class ByteLru<K, V> {
  private readonly map = new Map<K, { readonly value: V; readonly bytes: number }>();
  private retained = 0;

  /**
   * @param name - what the cache holds, for diagnostics
   * @param maxEntries - most entries kept
   * @param maxBytes - most bytes kept (beyond the newest entry, see the file header)
   */
  constructor(
    readonly name: string,
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  /** The value under `key` (made most recently used), or undefined. */
  get(key: K): V | undefined {
    const hit = this.map.get(key);
    if (hit === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  /** Is `key` cached (without refreshing it)? */
  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Keep `value` under `key`, retaining `bytes`; older entries are dropped to fit the bounds. */
  set(key: K, value: V, bytes: number): void {
    this.delete(key);
    this.map.set(key, { value, bytes });
    this.retained += bytes;
    while (this.map.size > 1 && (this.map.size > this.maxEntries || this.retained > this.maxBytes)) {
      const oldest = this.map.keys().next().value as K;
      this.delete(oldest);
    }
  }

  /** The value under `key`, without making it most recently used, or undefined. */
  peek(key: K): V | undefined {
    return this.map.get(key)?.value;
  }

  /**
   * Count `bytes` more under `key` (something built later and kept with its
   * value), make it most recently used and drop older entries to fit the
   * bounds. Returns false, charging nothing, when `key` is not cached.
   *
   * @example
   * cache.charge("k", 4096); // the entry under "k" now retains 4096 bytes more
   */
  charge(key: K, bytes: number): boolean {
    const hit = this.map.get(key);
    if (hit === undefined) return false;
    this.set(key, hit.value, hit.bytes + bytes);
    return true;
  }

  /** Drop `key`. */
  delete(key: K): void {
    const hit = this.map.get(key);
    if (hit === undefined) return;
    this.map.delete(key);
    this.retained -= hit.bytes;
  }

  /** Entries kept. */
  get size(): number {
    return this.map.size;
  }

  /** Bytes kept, as the entries declared them. */
  get bytes(): number {
    return this.retained;
  }
}

/**
 * Bytes a string of generated source retains (UTF-16), counted twice: the
 * text itself and the compiled function's code and metadata, which V8 keeps
 * at a similar size.
 *
 * @example
 * sourceBytes("f[1][i] = f[0][i];"); // 72
 */
export function sourceBytes(source: string): number {
  return 4 * source.length;
}
