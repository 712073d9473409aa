import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../schemas/index.js';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import { MemoryStore } from '../../../runtime/store/memory-store.js';
import { DOCS_PER_STEP, type SliceStep } from '../../../runtime/store/slice-texts.js';
import type { RecordDoc, WriteOp } from '../../../runtime/store/store-types.js';

const quiet = { log: () => undefined };
const user = (i: number, name = `User ${i}`): WriteOp => ({
  op: 'put',
  collection: 'users',
  key: `u${i}`,
  value: { key: `u${i}`, name } as User,
});

describe('checkpoints in small steps', () => {
  it('serialises a big slice a bounded number of documents per turn of the event loop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-steps-'));
    const first = await LowdbStore.open(dir, quiet);
    await first.commit(Array.from({ length: 5000 }, (_, i) => user(i)));
    await first.close();
    // Reopened: no document has its text yet, so the next write of the slice serialises all.
    const steps: SliceStep[] = [];
    const store = await LowdbStore.open(dir, { ...quiet, onCheckpointStep: (s) => steps.push(s) });
    await store.commit([user(7, 'Renamed')]);
    let turns = 0;
    const spin = (): void => {
      turns++;
      if (checkpointing) setImmediate(spin);
    };
    let checkpointing = true;
    setImmediate(spin);
    await store.checkpoint();
    checkpointing = false;
    const users = steps.filter((s) => s.slice === 'users/0');
    expect(users.reduce((n, s) => n + s.serialised, 0)).toBe(4999); // all but the committed one
    expect(Math.max(...users.map((s) => s.serialised))).toBeLessThanOrEqual(DOCS_PER_STEP);
    // Other work ran between the steps: at least one turn per step.
    expect(turns).toBeGreaterThanOrEqual(users.length);
    await store.close();
    const file = JSON.parse(await readFile(join(dir, 'users', '0.json'), 'utf8')) as Record<
      string,
      User
    >;
    expect(Object.keys(file)).toHaveLength(5000);
    expect(file.u7?.name).toBe('Renamed');
  });

  it('writes from the texts made at commit what a fresh serialisation would write', async () => {
    const record = (id: string, n: number): RecordDoc => ({
      id,
      entity: 'deal',
      pipeline: 'p',
      stage: `s${n % 3}`,
      fields: { n, title: `Сделка ${n}` },
      links: [],
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.nat(40), n: fc.nat(1000) }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.nat(40) }),
      fc.record({ kind: fc.constant('checkpoint' as const) }),
      fc.record({ kind: fc.constant('reopen' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (steps) => {
        const dir = await mkdtemp(join(tmpdir(), 'conveyor-texts-'));
        let store = await LowdbStore.open(dir, quiet);
        const model = new MemoryStore();
        for (const s of steps) {
          if (s.kind === 'checkpoint') await store.checkpoint();
          else if (s.kind === 'reopen') {
            await store.close();
            store = await LowdbStore.open(dir, quiet);
          } else {
            const key = `deal_${s.id}`;
            const w: WriteOp =
              s.kind === 'put'
                ? { op: 'put', collection: 'records', key, value: record(key, s.n) }
                : { op: 'delete', collection: 'records', key };
            await store.commit([w]);
            await model.commit([w]);
          }
        }
        await store.close();
        const again = await LowdbStore.open(dir, quiet);
        const byId = (a: RecordDoc, b: RecordDoc) => (a.id < b.id ? -1 : 1);
        expect(again.snapshot('records').sort(byId)).toEqual(model.snapshot('records').sort(byId));
        await again.close();
      }),
      { numRuns: 15 },
    );
  });
});
