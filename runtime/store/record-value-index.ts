import { normalizeMatchValue } from '../../schemas/index.js';
import type { RecordDoc } from './store-types.js';

type Postings = Map<string, Set<string>>;

/**
 * Records by the normalised value of a field (`normalizeMatchValue`), per entity: what
 * duplicate control looks up on every create. A field is indexed the first time it is
 * asked for (one pass over the records), then kept current by every write, so a lookup
 * costs the same with 50 or 50,000 records.
 */
export class RecordValueIndex {
  private readonly byField = new Map<string, Postings>();

  constructor(private readonly records: () => Iterable<RecordDoc>) {}

  /** Ids of `entity` records whose `field` normalises to `key`. */
  find(entity: string, field: string, key: string): string[] {
    const ids = this.postings(field).get(`${entity}\u0000${key}`);
    return ids === undefined ? [] : [...ids];
  }

  /** Keeps indexed fields current when a record is put (`after`) or deleted. */
  update(before: RecordDoc | undefined, after: RecordDoc | undefined): void {
    for (const [field, postings] of this.byField) {
      if (before !== undefined) this.remove(postings, field, before);
      if (after !== undefined) this.add(postings, field, after);
    }
  }

  private postings(field: string): Postings {
    let postings = this.byField.get(field);
    if (postings === undefined) {
      postings = new Map();
      for (const r of this.records()) this.add(postings, field, r);
      this.byField.set(field, postings);
    }
    return postings;
  }

  private add(postings: Postings, field: string, r: RecordDoc): void {
    for (const key of normalizeMatchValue(field, r.fields[field])) {
      const k = `${r.entity}\u0000${key}`;
      let ids = postings.get(k);
      if (ids === undefined) {
        ids = new Set();
        postings.set(k, ids);
      }
      ids.add(r.id);
    }
  }

  private remove(postings: Postings, field: string, r: RecordDoc): void {
    for (const key of normalizeMatchValue(field, r.fields[field])) {
      const k = `${r.entity}\u0000${key}`;
      const ids = postings.get(k);
      ids?.delete(r.id);
      if (ids?.size === 0) postings.delete(k);
    }
  }
}
