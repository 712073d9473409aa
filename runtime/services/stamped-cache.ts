import type { CollectionName } from '../domain/collections.js';
import type { Store } from '../domain/store-port.js';

/**
 * Values derived from a few collections (a caller's rights, a token's account, the
 * directory), kept while the store's `changeStamp` of those collections stays the same:
 * every request used to recompute them. A store without a stamp (a shared database,
 * which other processes write) keeps nothing. At most `max` values (a flood of distinct
 * keys empties it instead of growing it).
 *
 * @example
 * const s = cache.stamp();
 * const v = cache.get(key) ?? cache.set(key, await compute(), s);
 */
export class StampedCache<V> {
  private readonly values = new Map<string, V>();
  private seen: number | undefined;

  constructor(
    private readonly store: Pick<Store, 'changeStamp'>,
    private readonly collections: readonly CollectionName[],
    private readonly max = 1000,
  ) {}

  /** The stamp now: taken before computing a value, handed to `set`. */
  stamp(): number | undefined {
    return this.store.changeStamp?.(this.collections);
  }

  get(key: string): V | undefined {
    const now = this.stamp();
    if (now === undefined) return undefined;
    if (now !== this.seen) {
      this.values.clear();
      this.seen = now;
      return undefined;
    }
    return this.values.get(key);
  }

  /**
   * Keeps a value computed from reads that began at stamp `from`: only if nothing
   * changed since (a change meanwhile may or may not be in it). Answers the value.
   */
  set(key: string, value: V, from: number | undefined): V {
    const now = this.stamp();
    if (from === undefined || now !== from) return value;
    if (now !== this.seen) {
      this.values.clear();
      this.seen = now;
    }
    if (this.values.size >= this.max) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}
