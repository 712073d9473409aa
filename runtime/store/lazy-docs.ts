/**
 * A collection's documents by key where a document read from a trusted slice may still
 * be its JSON text (a string: documents themselves are always objects), parsed the
 * first time it is read and kept parsed. Opening then costs a cut of each slice into
 * lines instead of building every object (and the garbage collection that came with
 * it: most of the time it took to open 100,000 deals). Every read goes through `get`
 * or the iterators, which parse; `set` and `delete` are Map's own.
 */
export class LazyDocs extends Map<string, unknown> {
  /** Puts a document's text, to be parsed when first read. */
  setText(key: string, text: string): void {
    super.set(key, text);
  }

  /** Whether a document is still text (not read since opening). */
  isText(key: string): boolean {
    return typeof super.get(key) === 'string';
  }

  override get(key: string): unknown {
    const v = super.get(key);
    if (typeof v !== 'string') return v;
    const doc: unknown = JSON.parse(v);
    super.set(key, doc);
    return doc;
  }

  override *entries(): MapIterator<[string, unknown]> {
    for (const key of super.keys()) {
      const v = this.get(key);
      if (v !== undefined) yield [key, v];
    }
  }

  override *values(): MapIterator<unknown> {
    for (const [, v] of this.entries()) yield v;
  }

  override [Symbol.iterator](): MapIterator<[string, unknown]> {
    return this.entries();
  }

  override forEach(fn: (value: unknown, key: string, map: Map<string, unknown>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}
