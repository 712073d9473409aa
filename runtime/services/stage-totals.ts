import type { EntityType } from '../../schemas/index.js';
import type { RecordQuery } from '../domain/record-query.js';
import type { Store } from '../domain/store-port.js';

/** One board column's totals. */
export interface StageTotalDoc {
  stage: string;
  count: number;
  amount: number;
}

/** Records read per page while summing (the store pages everything it answers). */
const PAGE = 1000;

/**
 * Count and sum of `fields.amount` per stage, over every matching record (not the page a
 * board has loaded), reading the stage's records page by page: the store port has no
 * aggregate, and one pass gives both figures.
 */
export async function stageTotals(
  store: Store,
  entity: EntityType,
  filter: Omit<RecordQuery, 'entity' | 'stage'>,
  stages: readonly string[],
): Promise<StageTotalDoc[]> {
  const out: StageTotalDoc[] = [];
  for (const stage of stages) {
    const q: RecordQuery = { ...filter, entity, stage };
    let amount = 0;
    let count = 0;
    let cursor: string | null = null;
    do {
      const page = await store.queryRecords(q, { limit: PAGE, cursor });
      for (const r of page.items) {
        count += 1;
        const a = r.fields.amount;
        if (typeof a === 'number' && Number.isFinite(a)) amount += a;
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    out.push({ stage, count, amount });
  }
  return out;
}
