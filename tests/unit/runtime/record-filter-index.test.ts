import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import { RecordFilterIndex } from '../../../runtime/store/record-filter-index.js';
import type { RecordQuery as RecordFilter } from '../../../runtime/domain/record-query.js';
import type { RecordDoc, WriteOp } from '../../../runtime/store/store-types.js';

const STAGES = ['a', 'b', 'c'];
const USERS = ['u1', 'u2', 'u3'];
const record = (i: number, stage: number, user: number, pipeline: number): RecordDoc => ({
  id: `deal_${String(i).padStart(3, '0')}`,
  entity: i % 5 === 0 ? 'lead' : 'deal',
  model: 'm',
  pipeline: `p${pipeline}`,
  stage: STAGES[stage] as string,
  fields: { responsible: USERS[user], title: `Deal ${i}` },
  links: [],
  createdAt: `2026-12-01T00:00:0${i % 10}.000Z`,
  updatedAt: '2026-12-01T00:00:00.000Z',
});

/** The scan the index replaces: every record, every condition. */
function scan(all: RecordDoc[], f: RecordFilter): string[] {
  return all
    .filter(
      (r) =>
        (f.entity === undefined || r.entity === f.entity) &&
        (f.pipeline === undefined || r.pipeline === f.pipeline) &&
        (f.stage === undefined || r.stage === f.stage) &&
        (f.responsible === undefined || r.fields.responsible === f.responsible),
    )
    .sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
    )
    .map((r) => r.id);
}

const opArb = fc.oneof(
  fc.record({
    kind: fc.constant('put' as const),
    i: fc.nat(30),
    stage: fc.nat(2),
    user: fc.nat(2),
    pipeline: fc.nat(1),
  }),
  fc.record({ kind: fc.constant('delete' as const), i: fc.nat(30) }),
);
const filterArb = fc.record(
  {
    entity: fc.constantFrom('deal' as const, 'lead' as const),
    pipeline: fc.constantFrom('p0', 'p1', 'p9'),
    stage: fc.constantFrom(...STAGES, 'z'),
    responsible: fc.constantFrom(...USERS, 'nobody'),
  },
  { requiredKeys: [] },
);

describe('the record filter index', () => {
  it('lists what a scan of every record finds, after any puts and deletes, and after reopening', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), { maxLength: 25 }),
        fc.array(filterArb, { minLength: 1, maxLength: 6 }),
        async (batches, filters) => {
          const dir = await mkdtemp(join(tmpdir(), 'conveyor-filter-index-'));
          const store = await LowdbStore.open(dir, { log: () => undefined });
          const truth = new Map<string, RecordDoc>();
          for (const batch of batches) {
            const ops: WriteOp[] = batch.map((o) => {
              const id = `deal_${String(o.i).padStart(3, '0')}`;
              if (o.kind === 'delete') {
                truth.delete(id);
                return { op: 'delete', collection: 'records', key: id };
              }
              const r = record(o.i, o.stage, o.user, o.pipeline);
              truth.set(id, r);
              return { op: 'put', collection: 'records', key: id, value: r };
            });
            await store.commit(ops);
          }
          const check = async (s: LowdbStore) => {
            for (const f of filters)
              expect((await s.queryRecords(f, { limit: 1000 })).items.map((r) => r.id)).toEqual(
                scan([...truth.values()], f),
              );
          };
          await check(store);
          await store.close();
          const again = await LowdbStore.open(dir, { log: () => undefined });
          await check(again);
          await again.close();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('starts from the most selective condition', () => {
    const index = new RecordFilterIndex();
    for (let i = 0; i < 100; i++) index.update(undefined, record(i, i % 3, i === 7 ? 1 : 0, 0));
    expect(index.candidates({ stage: 'b', responsible: 'u2' })?.size).toBe(1);
    expect(index.candidates({ stage: ['a', 'b'] })?.size).toBe(67);
    expect(index.candidates({ responsible: 'nobody', stage: 'a' })?.size).toBe(0);
    expect(index.candidates({})).toBeUndefined();
  });
});
