import type { RecordDoc } from './store-types.js';

/** The record properties the list filters name, each indexed by value. */
const DIMENSIONS = ['entity', 'model', 'pipeline', 'stage', 'responsible'] as const;
export type RecordDimension = (typeof DIMENSIONS)[number];

/** A filter on indexed properties: one value, or several (any of them matches). */
export type IndexedFilter = Partial<Record<RecordDimension, string | readonly string[]>>;

function valueOf(r: RecordDoc, d: RecordDimension): string | undefined {
  if (d === 'responsible') {
    // Documents read back from disk may lack fields (a recovered slice keeps what is whole).
    const v = (r.fields as Record<string, unknown> | undefined)?.responsible;
    return typeof v === 'string' ? v : undefined;
  }
  return r[d];
}

/**
 * Record ids by entity, model, pipeline, stage and responsible, kept current by every
 * write, so a filtered list starts from the smallest matching set instead of a scan
 * of every record: a stage of 100,000 deals or one user's 50 deals cost what they
 * hold. The caller still checks every condition on the documents it gets.
 */
export class RecordFilterIndex {
  /** Per dimension: ids by value (nested maps: no key strings built per record). */
  private readonly postings = new Map<RecordDimension, Map<string, Set<string>>>(
    DIMENSIONS.map((d) => [d, new Map()]),
  );

  /** Keeps the index current when a record is put (`after`) or deleted. */
  update(before: RecordDoc | undefined, after: RecordDoc | undefined): void {
    for (const d of DIMENSIONS) {
      const was = before === undefined ? undefined : valueOf(before, d);
      const now = after === undefined ? undefined : valueOf(after, d);
      if (was === now && before?.id === after?.id) continue;
      const byValue = this.postings.get(d) as Map<string, Set<string>>;
      if (before !== undefined && was !== undefined) {
        const ids = byValue.get(was);
        ids?.delete(before.id);
        if (ids?.size === 0) byValue.delete(was);
      }
      if (after !== undefined && now !== undefined) {
        let ids = byValue.get(now);
        if (ids === undefined) byValue.set(now, (ids = new Set()));
        ids.add(after.id);
      }
    }
  }

  /**
   * Ids of the records that may match (a superset: the caller checks every condition),
   * from the most selective indexed condition; undefined when no condition is indexed.
   */
  candidates(filter: IndexedFilter): ReadonlySet<string> | undefined {
    let best: ReadonlySet<string> | undefined;
    for (const d of DIMENSIONS) {
      const wanted = filter[d];
      if (wanted === undefined) continue;
      const byValue = this.postings.get(d) as Map<string, Set<string>>;
      const values = typeof wanted === 'string' ? [wanted] : wanted;
      let found: ReadonlySet<string>;
      if (values.length === 1) found = byValue.get(values[0] as string) ?? new Set();
      else {
        const union = new Set<string>();
        for (const v of values) for (const id of byValue.get(v) ?? []) union.add(id);
        found = union;
      }
      if (best === undefined || found.size < best.size) best = found;
      if (best.size === 0) break;
    }
    return best;
  }
}
