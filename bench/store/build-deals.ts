import type { ConveyorApp } from '../../runtime/app/create-app.js';
import { benchStoreModel, USERS } from './bench-model.js';

/** Requests the engine handles at once while building (commits share the store's work). */
const BUILDERS = 32;

/**
 * The store bench's deals, made through the engine (the real services): the model is
 * published, then each deal is created in stage a of `flow` (3 timeline entries), moved
 * to b and then to c, d or a (4 entries each): 11 entries and one pending 30-day
 * reminder timer per deal. Returns the deals' ids and stages in creation order.
 */
export async function buildDeals(
  conveyor: ConveyorApp,
  records: number,
  log: (line: string) => void,
): Promise<Array<{ id: string; stage: string }>> {
  await conveyor.models.create(benchStoreModel);
  await conveyor.models.publish('bench-store');
  const deals: Array<{ id: string; stage: string }> = new Array(records);
  let next = 0;
  let lastLog = performance.now();
  await Promise.all(
    Array.from({ length: BUILDERS }, async () => {
      for (let i = next++; i < records; i = next++) {
        const r = await conveyor.records.create('deal', {
          model: 'bench-store',
          pipeline: 'flow',
          fields: { title: `Deal ${i}`, responsible: `u${i % USERS}`, amount: i % 100_000 },
        });
        await conveyor.records.move('deal', r.id, { stage: 'b' });
        const stage = ['c', 'd', 'a'][i % 3] as string;
        await conveyor.records.move('deal', r.id, { stage });
        deals[i] = { id: r.id, stage };
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          log(`  building the data set: ${i} of ${records} deals`);
        }
      }
    }),
  );
  return deals;
}
